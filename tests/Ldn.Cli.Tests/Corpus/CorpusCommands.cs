namespace Ldn.Cli.Tests.Corpus;

/// <summary>
/// A cheap valid run of every leaf command: its arguments (targets in angle brackets, in order) and options. The
/// option under test replaces its own slot, or is added when the base leaves it out. A slot value of null is a flag.
/// </summary>
internal static class CorpusCommands
{
    /// <summary>The journal every journal case opens: a fresh copy of the template, so no case sees another's changes.</summary>
    private const string Journal = "{journal}";

    public static IReadOnlyList<(string Command, (string Target, string? Value)[] Slots)> Bases { get; } =
    [
        ("simulate", [("--dose", "4.5mg"), ("--count", "3"), ("--at", "22:00"), ("--every", "24h"), ("--horizon", "3d"), ("--formulation", "capsule"), ("--scenario", "B"), ("--output-step", "6h"), ("--condition", "generic"), ("--json", null)]),
        ("dose-response", [("--doses", "1mg,4.5mg"), ("--weeks", "1"), ("--at", "22:00"), ("--formulation", "capsule"), ("--structure", "A"), ("--json", null)]),
        ("population", [("--n", "20"), ("--weeks", "1"), ("--dose", "4.5mg"), ("--seed", "1"), ("--at", "22:00"), ("--scenario", "B"), ("--output-step", "24h"), ("--threads", "1"), ("--json", null)]),
        ("plan", [("--protocol", "standard"), ("--start", "2026-12-01"), ("--at", "22:00"), ("--tz", "Europe/Oslo"), ("--formulation", "capsule"), ("--weight", "70kg"), ("--json", null)]),
        ("compound liquid", [("--tablet", "50mg"), ("--volume", "50mL"), ("--dose", "1.5mg"), ("--syringe", "1mL"), ("--json", null)]),
        ("compound capsules", [("--dose", "4.5mg"), ("--count", "30"), ("--tablet", "50mg"), ("--json", null)]),
        ("compound drops", [("--concentration", "1mg/mL"), ("--drop", "0.05mL"), ("--dose", "1.5mg"), ("--json", null)]),
        ("fit", [("--structure", "A"), ("--data", "{ws}/observations.yaml"), ("--bootstrap", "0"), ("--max-iterations", "300"), ("--seed", "1"), ("--threads", "1"), ("--json", null)]),
        ("validate", [("--structure", "A"), ("--json", null)]),
        ("trial", [("--preset", "younger-2013"), ("--repetitions", "1"), ("--scenario", "A"), ("--seed", "1"), ("--json", null)]),
        ("advise", [("--state", "{ws}/state.json"), ("--json", null)]),
        ("evidence", [("<condition>", "crohns"), ("--json", null)]),
        ("report", [("--out", "{out}/report.html"), ("--today", "2026-12-02"), ("--db", Journal)]),
        ("journal init", [("--tz", "Europe/Oslo"), ("--db", "{newjournal}")]),
        ("journal demo", [("--days", "30"), ("--seed", "1"), ("--tz", "Europe/Oslo"), ("--db", "{newjournal}")]),
        ("journal plan", [("--db", Journal)]),
        ("journal plan set", [("<FILE>", "{ws}/plan.json"), ("--from", "2026-12-05"), ("--db", Journal)]),
        ("journal plan adjust", [("<ADJUSTMENT>", "hold"), ("--from", "2026-12-05"), ("--db", Journal)]),
        ("journal medication add", [("<NAME>", "metformin"), ("--since", "2026-12-01 08:00"), ("--db", Journal)]),
        ("journal medication remove", [("<NAME>", "levothyroxine"), ("--at", "2026-12-02 08:00"), ("--db", Journal)]),
        ("journal scale add", [("<NAME>", "brain fog"), ("--db", Journal)]),
        ("journal scale list", [("--db", Journal)]),
        ("journal dose", [("<DOSE>", "1.5mg"), ("--at", "2026-12-02 22:00"), ("--yes", null), ("--db", Journal)]),
        ("journal check-in", [("--pain", "4"), ("--at", "2026-12-02 09:00"), ("--db", Journal)]),
        ("journal side-effect", [("<KIND>", "nausea"), ("--severity", "mild"), ("--from", "2026-12-02 07:00"), ("--yes", null), ("--db", Journal)]),
        ("journal event", [("<KIND>", "flare"), ("--at", "2026-12-02 10:00"), ("--db", Journal)]),
        ("journal edit dose", [("<ID>", "1"), ("--note", "corrected"), ("--yes", null), ("--db", Journal)]),
        ("journal edit check-in", [("<ID>", "1"), ("--note", "corrected"), ("--db", Journal)]),
        ("journal edit side-effect", [("<ID>", "1"), ("--note", "corrected"), ("--yes", null), ("--db", Journal)]),
        ("journal edit event", [("<ID>", "1"), ("--note", "corrected"), ("--db", Journal)]),
        ("journal edit medication", [("<ID>", "1"), ("--name", "levothyroxine 50 µg"), ("--db", Journal)]),
        ("journal delete", [("<KIND>", "dose"), ("<ID>", "1"), ("--db", Journal)]),
        ("journal restore", [("<KIND>", "event"), ("<ID>", "2"), ("--db", Journal)]),
        ("journal undo", [("--db", Journal)]),
        ("journal history", [("<KIND>", "dose"), ("<ID>", "1"), ("--json", null), ("--db", Journal)]),
        ("journal show", [("--from", "2026-12-01"), ("--to", "2026-12-03"), ("--json", null), ("--db", Journal)]),
        ("journal advise", [("--today", "2026-12-02"), ("--json", null), ("--db", Journal)]),
        ("journal analyse", [("--today", "2026-12-02"), ("--db", Journal)]),
        ("journal export", [("--json", "{out}/export.json"), ("--db", Journal)]),
        ("journal import", [("--json", "{ws}/journal.json"), ("--db", "{newjournal}")]),
        ("journal backup", [("<FILE>", "{out}/backup.db"), ("--db", Journal)]),
    ];

    /// <summary>
    /// The options and arguments that name a file: inputs (with the sample of valid content they are given in
    /// the BOM and unusual-path cases) and outputs, and the base options to drop when the file is given.
    /// </summary>
    public static IReadOnlyList<(string Command, string Target, bool Input, string Sample, string[] Drop)> Files { get; } =
    [
        ("simulate", "--plan", true, "plan.json", ["--dose", "--count", "--every", "--horizon", "--at", "--formulation"]),
        ("simulate", "--params", true, "params.yaml", []),
        ("simulate", "--condition", true, "condition.yaml", []),
        ("simulate", "--csv", false, "series.csv", []),
        ("simulate", "--report", false, "simulation.html", []),
        ("dose-response", "--params", true, "params.yaml", []),
        ("dose-response", "--condition", true, "condition.yaml", []),
        ("dose-response", "--csv", false, "rows.csv", []),
        ("dose-response", "--report", false, "dose-response.html", []),
        ("population", "--params", true, "params.yaml", []),
        ("population", "--condition", true, "condition.yaml", []),
        ("population", "--subjects", false, "subjects.csv", []),
        ("population", "--report", false, "population.html", []),
        ("validate", "--params", true, "params.yaml", []),
        ("validate", "--report", false, "validate.html", []),
        ("fit", "--data", true, "observations.yaml", []),
        ("fit", "--params", true, "params.yaml", []),
        ("fit", "--out", false, "fitted.yaml", []),
        ("fit", "--report", false, "fit.html", []),
        ("trial", "--report", false, "trial.html", []),
        ("plan", "--protocol", true, "protocol.yaml", ["--weight"]),
        ("plan", "--ics", false, "plan.ics", []),
        ("plan", "--csv", false, "plan.csv", []),
        ("trial", "--design", true, "trial.yaml", ["--preset"]),
        ("advise", "--state", true, "state.json", []),
        ("report", "--out", false, "report.html", []),
        ("report", "--pdf", false, "report.pdf", []),
        ("journal init", "--plan", true, "plan.json", []),
        ("journal plan set", "<FILE>", true, "plan.json", []),
        ("journal plan", "--ics", false, "plan.ics", []),
        ("journal export", "--json", false, "export.json", []),
        ("journal export", "--csv", false, "export.csv", ["--json"]),
        ("journal export", "--fhir", false, "export.fhir.json", ["--json"]),
        ("journal import", "--json", true, "journal.json", []),
        ("journal import", "--csv", true, "journal.csv", ["--json"]),
        ("journal import", "--fhir", true, "journal.fhir.json", ["--json"]),
        ("journal backup", "<FILE>", false, "backup.db", []),
    ];
}
