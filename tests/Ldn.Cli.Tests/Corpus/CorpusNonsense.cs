namespace Ldn.Cli.Tests.Corpus;

/// <summary>
/// The kinds of nonsense (issue 13): what a careless or hostile user types into a value, and what they point a
/// file option at. Every kind has a name, so a case reads "simulate --dose 1e308" and a verdict can be declared per kind.
/// </summary>
internal static class CorpusNonsense
{
    /// <summary>The password the connection-string kinds carry; it must never be printed.</summary>
    public const string Secret = "S3cretPa55";

    /// <summary>Values: empty, signs, units of another kind, impossible clock times, overflow, non-numbers, control and bidi characters, huge text, impossible dates and zones.</summary>
    public static IReadOnlyList<(string Kind, string Value)> Values { get; } =
    [
        ("empty", ""), ("blank", " "), ("minus-one", "-1"), ("negative-dose", "-4.5mg"), ("zero", "0"), ("word", "abc"), ("wrong-unit", "4.5kg"),
        ("hour-25", "25:00"), ("minute-60", "24:60"), ("1e308", "1e308"), ("-1e308", "-1e308"), ("1e-320", "1e-320"), ("NaN", "NaN"),
        ("Infinity", "Infinity"), ("23-digits", "99999999999999999999999"), ("decimal-comma", "4,5"), ("two-points", "4.5.5mg"), ("unit-only", "mg"),
        ("control", "\u0001"), ("nul", "4.5mg\u0000"), ("bidi", "\u202e5.4mg"), ("cjk", "漢字"), ("feb-30", "2026-02-30"), ("year-9999", "9999-12-31"),
        ("year-1899", "1899-12-31"), ("unknown-zone", "Mars/Olympus"), ("400-digits", new string('9', 400)), ("20000-chars", new string('x', 20_000)),
    ];

    /// <summary>Connection texts for <c>--db</c> that carry a password: a malformed URI, an empty host, and a server that is not there.</summary>
    public static IReadOnlyList<(string Kind, string Value)> Connections { get; } =
    [
        ("uri-password", $"postgresql://u:{Secret}@127.0.0.1:notaport/db"),
        ("empty-host-password", $"Host=;Password={Secret}"),
        ("unreachable-password", $"Host=127.0.0.1;Port=9;Database=ldn;Username=u;Password={Secret};Timeout=1"),
    ];

    /// <summary>
    /// What an input file option is pointed at, and whether the command must run: only a UTF-8 BOM before valid
    /// content and an unusual (but valid) path are fine. <c>{ext}</c> is the sample's extension (a condition or
    /// protocol is read as a file only when its name ends in .yaml).
    /// </summary>
    public static IReadOnlyList<(string Kind, string Path, CorpusVerdict Verdict)> Inputs { get; } =
    [
        ("missing-file", "{ws}/missing{ext}", CorpusVerdict.Refusal),
        ("empty-file", "{ws}/empty{ext}", CorpusVerdict.Refusal),
        ("folder", "{ws}/folder{ext}", CorpusVerdict.Refusal),
        ("dev-zero", "{ws}/dev-zero{ext}", CorpusVerdict.Refusal),
        ("dev-null", "{ws}/dev-null{ext}", CorpusVerdict.Refusal),
        ("fifo", "{ws}/fifo{ext}", CorpusVerdict.Refusal),
        ("50-MB", "{ws}/big{ext}", CorpusVerdict.Refusal),
        ("binary", "{ws}/binary{ext}", CorpusVerdict.Refusal),
        ("invalid-utf8", "{ws}/invalid-utf8-{sample}", CorpusVerdict.Refusal),
        ("json-10000-deep", "{ws}/deep{ext}", CorpusVerdict.Refusal),
        ("symlink-loop", "{ws}/loop{ext}", CorpusVerdict.Refusal),
        ("bom-valid", "{ws}/bom-{sample}", CorpusVerdict.Valid),
        ("unicode-newline-path", "{ws}/ünï\ncode 漢字/{sample}", CorpusVerdict.Valid),
    ];

    /// <summary>
    /// What an output file option is pointed at. <c>{input}</c> is an input of the same command (the journal for
    /// journal commands, else a parameter or protocol file the case adds).
    /// </summary>
    public static IReadOnlyList<(string Kind, string Path, CorpusVerdict Verdict)> Outputs { get; } =
    [
        ("missing-folder", "{out}/no/such/folder/{sample}", CorpusVerdict.Refusal),
        ("folder", "{ws}/folder{ext}", CorpusVerdict.Refusal),
        ("dev-zero", "/dev/zero", CorpusVerdict.Refusal),
        ("dev-null", "/dev/null", CorpusVerdict.Refusal),
        ("fifo", "{ws}/fifo{ext}", CorpusVerdict.Refusal),
        ("symlink-loop", "{ws}/loop{ext}", CorpusVerdict.Refusal),
        ("names-an-input", "{input}", CorpusVerdict.Refusal),
        ("unicode-newline-path", "{out}/ünï\ncode 漢字 {sample}", CorpusVerdict.Valid),
        ("existing-50-MB", "{out}/big{ext}", CorpusVerdict.Valid),
    ];
}
