using System.CommandLine;
using Ldn.Core;
using Ldn.Core.Evidence;
using Ldn.Core.Journal;
using Ldn.Core.Protocols;
using Ldn.Core.Safety;

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
        var command = new Command("init", "Create a journal (once), with the owner's time zone, conditions and medications.")
        {
            name, tz, condition, medication, plan, hepatic, renal, pregnant, breastfeeding, transplant,
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
            var planRecord = parse.GetValue(plan) is { } planPath ? ReadPlan(planPath, now) : null;
            var medications = (parse.GetValue(medication) ?? []).Select(m => m.Trim()).Where(m => m.Length > 0).ToList();

            using var store = JournalContext.Open(parse);
            store.Initialize(profile);
            foreach (var m in medications)
            {
                store.AddMedication(new MedicationEntry(0, m, now, null));
                WarnIfOpioid(m, stderr);
            }

            if (planRecord is not null)
            {
                store.AddPlanVersion(planRecord);
            }

            stdout.WriteLine($"Journal ready: {store.Description} (time zone {zone.Id}).");
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
            var data = DemoJournal.Create(parse.GetValue(seed), today, parse.GetValue(days), zone, EvidenceCatalog.Find(parse.GetValue(condition)!).Id);
            using var store = JournalContext.Open(parse);
            if (store.IsInitialized)
            {
                throw new InvalidInputException($"The journal {store.Description} already exists; the demo fills a new one (give --db demo.db).");
            }

            store.Import(data);
            stdout.WriteLine($"Demo journal written to {store.Description}: {data.Doses.Count} doses, {data.CheckIns.Count} check-ins, {data.SideEffects.Count} side effects, {data.Events.Count} events (synthetic data, seed {parse.GetValue(seed)}).");
            return LdnApp.Success;
        });
        return command;
    }

    public static Command Plan(TextWriter stdout)
    {
        var file = new Argument<string>("FILE") { Description = "A plan written by 'ldn plan --json'." };
        var set = new Command("set", "Make a plan (from 'ldn plan --json') the journal's active titration plan.") { file };
        set.SetAction(parse =>
        {
            var record = ReadPlan(parse.GetValue(file)!, JournalContext.Now());
            var (store, _, _) = JournalContext.OpenInitialised(parse);
            using (store)
            {
                store.AddPlanVersion(record);
                var steps = PlanDocument.ReadSteps(record.PlanJson, "plan");
                stdout.WriteLine($"Plan set: {steps.Count} steps from {steps[0].From:yyyy-MM-dd}, {string.Join(" → ", steps.Select(s => JournalContext.Mg(s.DoseMg)))}.");
            }

            return LdnApp.Success;
        });
        return new Command("plan", "The journal's titration plan.") { set };
    }

    public static Command Medication(TextWriter stdout, TextWriter stderr)
    {
        var addName = new Argument<string>("NAME") { Description = "The medication, e.g. 'levothyroxine 50 µg' or 'tramadol'." };
        var since = new Option<string?>("--since") { Description = "When it was started (default now): 22:00, yesterday, 2026-12-01 08:00." };
        var add = new Command("add", "Record a medication the patient takes; an opioid is recorded, and advise then says stop and contact the prescriber.") { addName, since };
        add.SetAction(parse =>
        {
            var name = Name(parse.GetValue(addName)!);
            var (store, profile, zone) = JournalContext.OpenInitialised(parse);
            using (store)
            {
                var at = JournalTime.Parse(parse.GetValue(since), zone, JournalContext.Now());
                store.AddMedication(new MedicationEntry(0, name, at, null));
                stdout.WriteLine($"Medication recorded: {name} since {JournalContext.Local(at, profile.TimeZoneId)}.");
                WarnIfOpioid(name, stderr);
            }

            return LdnApp.Success;
        });

        var removeName = new Argument<string>("NAME") { Description = "The medication as recorded." };
        var at = new Option<string?>("--at") { Description = "When it was last taken (default now)." };
        var remove = new Command("remove", "Record that a medication was stopped (its last dose).") { removeName, at };
        remove.SetAction(parse =>
        {
            var name = Name(parse.GetValue(removeName)!);
            var (store, profile, zone) = JournalContext.OpenInitialised(parse);
            using (store)
            {
                var when = JournalTime.Parse(parse.GetValue(at), zone, JournalContext.Now());
                if (!store.StopMedication(name, when))
                {
                    throw new InvalidInputException($"No medication named '{name}' is being taken in this journal.");
                }

                stdout.WriteLine($"Medication stopped: {name}, last taken {JournalContext.Local(when, profile.TimeZoneId)}.");
                if (OpioidCatalog.Match(name) is { } opioid)
                {
                    stdout.WriteLine($"{opioid.Name} has a washout of {opioid.RecommendedWashoutDays} days before LDN may be taken (see 'ldn journal advise').");
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

    private static string Name(string text) =>
        text.Trim() is { Length: > 0 and <= 200 } name ? name : throw new InvalidInputException("A medication name must be 1–200 characters.");

    private static void WarnIfOpioid(string medication, TextWriter stderr)
    {
        if (OpioidCatalog.Match(medication) is { } opioid)
        {
            stderr.WriteLine($"Warning: {medication} is an opioid ({opioid.Name}). It is recorded; naltrexone blocks it and can precipitate withdrawal, so 'ldn journal advise' will say stop and contact the prescriber.");
        }
    }
}
