using System.CommandLine;
using System.Globalization;
using Ldn.Core;
using Ldn.Core.Evidence;
using Ldn.Core.Journal;
using Ldn.Core.Protocols;
using Ldn.Core.Safety;
using Ldn.Core.Units;
using NodaTime;

namespace Ldn.Cli.Commands.Journal;

/// <summary>Setting a journal up: <c>init</c>, <c>demo</c>, <c>plan set</c> and <c>medication add/remove</c>.</summary>
internal static class JournalSetupCommands
{
    public static Command Init(TextWriter stdout, TextWriter stderr)
    {
        var name = new Option<string?>("--name") { Description = "A name for the journal's owner (optional)." };
        var tz = new Option<string?>("--tz") { Description = "Home IANA time zone, e.g. Europe/Oslo (default: this computer's)." };
        var condition = new Option<string[]>("--condition") { Description = "A condition treated (repeatable), e.g. fibromyalgia, crohns, MS." };
        var medication = new Option<string[]>("--medication") { Description = "A medication taken now (repeatable); opioids are recorded and make advise stop." };
        var plan = new Option<string?>("--plan") { Description = "The titration plan: a file written by 'ldn plan --json'." };
        var hepatic = new Option<bool>("--hepatic-impairment") { Description = "Liver disease or impaired liver function." };
        var renal = new Option<bool>("--renal-impairment") { Description = "Severe kidney impairment." };
        var pregnant = new Option<bool>("--pregnant") { Description = "Pregnant or planning pregnancy." };
        var breastfeeding = new Option<bool>("--breastfeeding") { Description = "Breastfeeding." };
        var transplant = new Option<bool>("--transplant") { Description = "Organ-transplant recipient on immunosuppression." };
        var yes = JournalContext.YesOption();
        var command = new Command("init", "Create a journal (once), with the owner's time zone, conditions and medications.")
        {
            name, tz, condition, medication, plan, hepatic, renal, pregnant, breastfeeding, transplant, yes,
        };
        command.SetAction(parse =>
        {
            var now = JournalContext.Now();
            var zone = PlanCommand.ResolveZone(parse.GetValue(tz));
            var profile = new JournalProfile
            {
                Name = parse.GetValue(name)?.Trim() is { Length: > 0 } n ? n : null,
                TimeZoneId = zone.Id,
                Conditions = [.. (parse.GetValue(condition) ?? []).Select(c => EvidenceCatalog.Find(c).Id).Distinct()],
                HepaticImpairment = parse.GetValue(hepatic),
                RenalImpairment = parse.GetValue(renal),
                Pregnant = parse.GetValue(pregnant),
                Breastfeeding = parse.GetValue(breastfeeding),
                TransplantImmunosuppression = parse.GetValue(transplant),
            };
            var planJson = parse.GetValue(plan) is { } planPath ? ReadPlan(planPath, now).PlanJson : null;
            var (store, journal) = JournalContext.OpenService(parse);
            using var owned = store;
            foreach (var note in JournalContext.Confirmed(confirm => journal.Initialize(profile, parse.GetValue(medication) ?? [], planJson, confirm), parse.GetValue(yes), stdout))
            {
                stderr.WriteLine("Warning: " + note);
            }

            Output.ConsoleText.Line(stdout, $"Journal ready: {store.Description} (time zone {zone.Id}).");
            Output.ConsoleText.Line(stdout, BaselineStatus.Of(store.Load(), journal.Today).Sentence
                + " Check in daily (ldn journal check-in) before the first dose, so the analysis has a baseline to compare with.");
            return LdnApp.Success;
        });
        return command;
    }

    public static Command Demo(TextWriter stdout)
    {
        var seed = new Option<long>("--seed") { Description = "Random seed: the same seed gives the same patient.", DefaultValueFactory = _ => 42 };
        var days = new Option<int>("--days") { Description = "Days of journal, ending today (three weeks of baseline first).", DefaultValueFactory = _ => 84 };
        var tz = new Option<string?>("--tz") { Description = "Time zone of the synthetic patient (default: this computer's)." };
        var condition = new Option<string>("--condition") { Description = "Condition of the synthetic patient.", DefaultValueFactory = _ => "fibromyalgia" };
        var command = new Command("demo", "Fill a new journal with a realistic synthetic patient (seeded), to try show, advise, report and export.")
        {
            seed, days, tz, condition,
        };
        command.SetAction(parse =>
        {
            var zone = PlanCommand.ResolveZone(parse.GetValue(tz));
            var today = JournalContext.Now().InZone(zone).Date;
            var data = DemoJournal.Create(parse.GetValue(seed), today, parse.GetValue(days), zone, EvidenceCatalog.Find(parse.GetValue(condition)!).Id, JournalContext.Now());
            using var store = JournalContext.Open(parse);
            if (store.IsInitialized)
            {
                throw new InvalidInputException($"The journal {store.Description} already exists; the demo fills a new one (give --db demo.db).");
            }

            store.Import(data);
            Output.ConsoleText.Line(stdout, $"Demo journal written to {store.Description}: {data.Doses.Count} doses, {data.CheckIns.Count} check-ins, {data.SideEffects.Count} side effects, {data.Events.Count} events (synthetic data, seed {parse.GetValue(seed)}).");
            return LdnApp.Success;
        });
        return command;
    }

    public static Command Plan(TextWriter stdout)
    {
        var file = new Argument<string>("FILE") { Description = "A plan written by 'ldn plan --json'." };
        var setFrom = new Option<string?>("--from") { Description = "First day of the new version, yyyy-MM-dd (default today; the journal's first plan starts on its own first step)." };
        var set = new Command("set", "Add a plan (from 'ldn plan --json') as a new version from a date; earlier versions stay.") { file, setFrom };
        set.SetAction(parse =>
        {
            var json = TextFiles.ReadUtf8(parse.GetValue(file)!, "plan file", 1_000_000);
            PlanDocument.ReadSteps(json, parse.GetValue(file)!);
            var (store, journal) = JournalContext.OpenService(parse);
            using (store)
            {
                var from = parse.GetValue(setFrom) is { } f ? JournalTime.ParseDate(f, journal.HomeZone, journal.Now) : (LocalDate?)null;
                var version = journal.SetPlan(json, from);
                Output.ConsoleText.Line(stdout, $"Plan version {version.Id} in force from {version.From:uuuu-MM-dd}: {Steps(version, null)}.");
            }

            return LdnApp.Success;
        });

        var adjustment = new Argument<string>("ADJUSTMENT") { Description = "hold, step-down, advance, move-to-morning or move-to-evening." };
        var from = new Option<string?>("--from") { Description = "First day of the change, yyyy-MM-dd, today or yesterday (default today)." };
        var at = new Option<string?>("--at") { Description = "Clock time of the doses from then on, HH:mm (moves default to 08:00 and 22:00)." };
        var adjust = new Command("adjust", "Add a plan version that holds, steps down, advances or moves the dose from a date; earlier versions stay ('ldn journal undo' removes it).") { adjustment, from, at };
        adjust.SetAction(parse =>
        {
            var kind = PlanAdjustments.Parse(parse.GetValue(adjustment)!);
            var clock = parse.GetValue(at) is { } text ? ClockTime.Parse(text) : (ClockTime?)null;
            var (store, journal) = JournalContext.OpenService(parse);
            using (store)
            {
                var day = parse.GetValue(from) is { } f ? JournalTime.ParseDate(f, journal.HomeZone, journal.Now) : (LocalDate?)null;
                var version = journal.AdjustPlan(kind, day, clock is { } c ? new LocalTime(c.Hour, c.Minute) : null);
                Output.ConsoleText.Line(stdout, $"Plan version {version.Id} ({PlanAdjustments.Name(kind)}) in force from {version.From:uuuu-MM-dd}: {Steps(version, null)}.");
            }

            return LdnApp.Success;
        });

        var ics = new Option<string?>("--ics") { Description = "Write the calendar (iCalendar, with reminders) of the plan version in force today." };
        var command = new Command("plan", "The journal's titration plan: its versions, adjustments and calendar.") { set, adjust, ics };
        command.SetAction(parse =>
        {
            if (parse.GetValue(ics) is { } target)
            {
                // Before anything is set or adjusted: a calendar aimed at the journal changes nothing.
                Output.SafeFile.Check(target, JournalContext.Files(parse));
            }

            var (store, journal) = JournalContext.OpenService(parse);
            using (store)
            {
                var today = journal.Today;
                var data = store.Load(journal.Now, journal.Now);
                if (data.Plans.Count == 0)
                {
                    throw new InvalidInputException("The journal has no plan; set one with 'ldn journal plan set FILE'.");
                }

                foreach (var version in data.Plans)
                {
                    var end = data.PlanEnd(version);
                    var how = version.Adjustment is { } a and not "set" ? $" ({a})" : "";
                    var span = end switch
                    {
                        { } e when e < version.From => $"{version.From:uuuu-MM-dd}, replaced the same day (never in force)",
                        { } e => $"{version.From:uuuu-MM-dd} to {e:uuuu-MM-dd}",
                        null => $"from {version.From:uuuu-MM-dd}, open-ended",
                    };
                    Output.ConsoleText.Line(stdout, $"Version {version.Id}{how}: {span}{(data.PlanOn(today) == version ? " [in force today]" : "")}{(end < version.From ? "" : ": " + Steps(version, end))}.");
                }

                if (parse.GetValue(ics) is { } path)
                {
                    var text = journal.PlanCalendarFile();
                    Output.SafeFile.Write(path, writer => writer.Write(text), JournalContext.Files(parse));
                    Output.ConsoleText.Line(stdout, $"Calendar of the version in force written to {path}.");
                }
            }

            return LdnApp.Success;
        });
        return command;
    }

    public static Command Scale(TextWriter stdout)
    {
        var label = new Argument<string>("NAME") { Description = "The scale, e.g. \"brain fog\"." };
        var worse = new Option<bool>("--higher-is-worse") { Description = "10 is the worst (a symptom such as pain); without it 10 is the best (such as mood)." };
        var low = new Option<string?>("--low") { Description = "What 0 means (default: none, or worst)." };
        var high = new Option<string?>("--high") { Description = "What 10 means (default: worst, or best)." };
        var add = new Command("add", "Add a 0–10 scale to the journal's check-ins, e.g. 'ldn journal scale add \"brain fog\" --higher-is-worse'.") { label, worse, low, high };
        add.SetAction(parse =>
        {
            var (store, journal) = JournalContext.OpenService(parse);
            using (store)
            {
                var scale = journal.AddScale(parse.GetValue(label)!, parse.GetValue(worse), parse.GetValue(low), parse.GetValue(high));
                Output.ConsoleText.Line(stdout, $"Scale '{scale.Label}' added as {scale.Id}: 0 {scale.LowAnchor} – 10 {scale.HighAnchor} ({(scale.HigherIsWorse ? "higher is worse" : "higher is better")}); record it with --score \"{scale.Label}=N\".");
            }

            return LdnApp.Success;
        });

        var list = new Command("list", "The journal's scales.");
        list.SetAction(parse =>
        {
            using var store = JournalContext.Open(parse);
            foreach (var scale in store.Load(JournalContext.Now(), JournalContext.Now()).Scales)
            {
                Output.ConsoleText.Line(stdout, $"{scale.Id}: {scale.Label}, 0 {scale.LowAnchor} – 10 {scale.HighAnchor}, {(scale.HigherIsWorse ? "higher is worse" : "higher is better")}{(scale.Code is { } code ? $" ({scale.CodeSystem} {code})" : "")}.");
            }

            return LdnApp.Success;
        });
        return new Command("scale", "The 0–10 scales of the journal's check-ins.") { add, list };
    }

    /// <summary>The steps in force while the version is (cut to its days), e.g. "3 mg at 08:00 from 2026-12-22 → 4.5 mg at 08:00 from 2027-01-03".</summary>
    private static string Steps(PlanVersion version, LocalDate? end) =>
        version.StepsInForce(end) is { Count: > 0 } steps
            ? string.Join(" → ", steps.Select(s => $"{JournalContext.Mg(s.DoseMg)} at {s.At} from {s.From:yyyy-MM-dd}"))
            : "no dose planned in its days";

    public static Command Medication(TextWriter stdout, TextWriter stderr)
    {
        var addName = new Argument<string>("NAME") { Description = "The medication, e.g. 'levothyroxine 50 µg' or 'tramadol'." };
        var since = new Option<string?>("--since") { Description = "When it was started (default now): 22:00, yesterday, 2026-12-01 08:00." };
        var yes = JournalContext.YesOption();
        var add = new Command("add", "Record a medication the patient takes; an opioid is recorded, and advise then says stop and contact the prescriber; a name close to an opioid is asked about.") { addName, since, yes };
        add.SetAction(parse =>
        {
            var (store, journal) = JournalContext.OpenService(parse);
            using (store)
            {
                var recorded = JournalContext.Confirmed(confirm => journal.AddMedication(parse.GetValue(addName)!, parse.GetValue(since), confirm), parse.GetValue(yes), stdout);
                Output.ConsoleText.Line(stdout, $"Medication {recorded.Entry.Id} recorded: {recorded.Entry.Name} since {journal.Describe(recorded.Entry.Since, journal.Profile.TimeZoneId)}.");
                foreach (var note in recorded.Notes)
                {
                    stderr.WriteLine("Warning: " + note);
                }
            }

            return LdnApp.Success;
        });

        var removeName = new Argument<string>("NAME") { Description = "The medication as recorded." };
        var at = new Option<string?>("--at") { Description = "When it was last taken (default now)." };
        var remove = new Command("remove", "Record that a medication was stopped (its last dose).") { removeName, at };
        remove.SetAction(parse =>
        {
            var (store, journal) = JournalContext.OpenService(parse);
            using (store)
            {
                var name = parse.GetValue(removeName)!.Trim();
                var when = journal.StopMedication(name, parse.GetValue(at));
                Output.ConsoleText.Line(stdout, $"Medication stopped: {name}, last taken {journal.Describe(when, journal.Profile.TimeZoneId)}.");
                if (OpioidCatalog.Match(name) is { } opioid)
                {
                    Output.ConsoleText.Line(stdout, $"{opioid.Name} has a washout of {opioid.RecommendedWashoutDays} days before LDN may be taken (see 'ldn journal advise').");
                }
            }

            return LdnApp.Success;
        });
        return new Command("medication", "Medications the patient takes (checked against the opioid list).") { add, remove };
    }

    internal static PlanVersion ReadPlan(string path, NodaTime.Instant now)
    {
        var json = TextFiles.ReadUtf8(path, "plan file", 1_000_000);
        PlanDocument.ReadSteps(json, path);
        return PlanVersion.Initial(json, now);
    }
}
