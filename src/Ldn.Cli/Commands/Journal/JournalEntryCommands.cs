using System.CommandLine;
using System.Globalization;
using Ldn.Cli.Output;
using Ldn.Core;
using Ldn.Core.Advice;
using Ldn.Core.Compounding;
using Ldn.Core.Dosing;
using Ldn.Core.Journal;
using Ldn.Core.Protocols;
using NodaTime;
using Spectre.Console;

namespace Ldn.Cli.Commands.Journal;

/// <summary>The everyday entries: <c>dose</c>, <c>check-in</c>, <c>side-effect</c> and <c>event</c>.</summary>
internal static class JournalEntryCommands
{
    private static readonly string[] Scales = ["fatigue", "pain", "sleep", "mood", "focus"];

    public static Command Dose(TextWriter stdout, TextWriter stderr)
    {
        var amount = new Argument<string?>("DOSE") { Description = "The dose, e.g. 4.5mg (default: the plan's dose for that day).", Arity = ArgumentArity.ZeroOrOne };
        var at = AtOption("When it was taken (default now): 22:00, yesterday 22:00, 2026-12-01 22:00.");
        var formulation = new Option<string?>("--formulation") { Description = "capsule, tablet, liquid or sublingual (default: the plan's, or capsule)." };
        var skipped = new Option<bool>("--skipped") { Description = "The dose was skipped (recorded, so adherence is honest)." };
        var note = NoteOption();
        var command = new Command("dose", "Record a dose taken (or skipped).") { amount, at, formulation, skipped, note };
        command.SetAction(parse =>
        {
            var (store, profile, zone) = JournalContext.OpenInitialised(parse);
            using (store)
            {
                var when = JournalTime.Parse(parse.GetValue(at), zone, JournalContext.Now());
                var step = store.Load(when, when).PlanOn(when.InZone(zone).Date) is { } version ? version.StepOn(when.InZone(zone).Date) : null;
                var doseMg = parse.GetValue(amount) is { } text
                    ? ExactQuantity.ParseMilligrams(text, "dose", CompoundingLimits.SmallestDoseMg, CompoundingLimits.LargestDoseMg)
                    : step?.DoseMg ?? throw new InvalidInputException("Give the dose (e.g. 'ldn journal dose 4.5mg'); the journal has no plan step for that day to take it from.");
                var form = parse.GetValue(formulation) is { } f ? Formulations.Parse(f) : step?.Formulation ?? Formulation.Capsule;
                var id = store.AddDose(new DoseEntry(0, when, zone.Id, doseMg, form, parse.GetValue(skipped), Note(parse.GetValue(note))));
                stdout.WriteLine($"Dose {id}: {(parse.GetValue(skipped) ? "skipped " : "")}{JournalContext.Mg(doseMg)} {form.Name()} at {JournalContext.Local(when, zone.Id)}.");
                if (step is not null && step.DoseMg != doseMg && !parse.GetValue(skipped))
                {
                    stderr.WriteLine($"Note: the plan's dose for that day is {JournalContext.Mg(step.DoseMg)}.");
                }

                if (doseMg > 10m)
                {
                    stderr.WriteLine("Warning: a dose above 10 mg is outside the definition of low-dose naltrexone; it is recorded as given.");
                }
            }

            return LdnApp.Success;
        });
        return command;
    }

    public static Command CheckIn(TextWriter stdout)
    {
        var scores = Scales.Select(s => new Option<string?>("--" + s) { Description = $"{Label(s)}, 0–10." }).ToArray();
        var at = AtOption("When (default now).");
        var note = NoteOption();
        var command = new Command("check-in", "Record today's fatigue, pain, sleep quality, mood and focus on 0–10 scales (asks for them when run in a terminal without values).");
        foreach (var option in scores)
        {
            command.Options.Add(option);
        }

        command.Options.Add(at);
        command.Options.Add(note);
        command.SetAction(parse =>
        {
            var values = scores.Select((o, i) => parse.GetValue(o) is { } text ? (int?)Score(text, Scales[i]) : null).ToArray();
            var noteText = Note(parse.GetValue(note));
            if (values.All(v => v is null))
            {
                if (!Interactive(stdout))
                {
                    throw new InvalidInputException("Give at least one score, e.g. --pain 4 --fatigue 6 (0–10), or run it in a terminal to be asked.");
                }

                var console = ConsoleFactory.For(stdout);
                for (var i = 0; i < Scales.Length; i++)
                {
                    var answer = console.Prompt(new TextPrompt<string>($"{Label(Scales[i])} (0–10, Enter to skip):").AllowEmpty()
                        .Validate(t => string.IsNullOrWhiteSpace(t) || (int.TryParse(t, NumberStyles.None, CultureInfo.InvariantCulture, out var v) && v <= 10)
                            ? ValidationResult.Success() : ValidationResult.Error("A whole number from 0 to 10, or Enter to skip.")));
                    values[i] = string.IsNullOrWhiteSpace(answer) ? null : int.Parse(answer, CultureInfo.InvariantCulture);
                }

                noteText ??= Note(console.Prompt(new TextPrompt<string>("Note (Enter for none):").AllowEmpty()));
                if (values.All(v => v is null))
                {
                    throw new InvalidInputException("No score was given; nothing was recorded.");
                }
            }

            var (store, _, zone) = JournalContext.OpenInitialised(parse);
            using (store)
            {
                var when = JournalTime.Parse(parse.GetValue(at), zone, JournalContext.Now());
                var id = store.AddCheckIn(new CheckInEntry(0, when, zone.Id, values[0], values[1], values[2], values[3], values[4], noteText));
                stdout.WriteLine($"Check-in {id} at {JournalContext.Local(when, zone.Id)}: " + string.Join(", ", Scales.Select((s, i) => values[i] is { } v ? $"{s} {v}" : null).OfType<string>()) + ".");
            }

            return LdnApp.Success;
        });
        return command;
    }

    public static Command SideEffect(TextWriter stdout)
    {
        var kind = new Argument<string?>("KIND") { Description = "insomnia, vivid-dreams, nausea, headache, diarrhoea, … (see 'ldn evidence --json' sideEffects).", Arity = ArgumentArity.ZeroOrOne };
        var severity = new Option<string>("--severity") { Description = "mild, moderate or severe.", DefaultValueFactory = _ => "mild" };
        var from = new Option<string?>("--from") { Description = "When it started (default now)." };
        var to = new Option<string?>("--to") { Description = "When it ended (leave out while it lasts)." };
        var end = new Option<long?>("--end") { Description = "End the ongoing side effect with this id (at --to, default now)." };
        var note = NoteOption();
        var command = new Command("side-effect", "Record a side effect (kind, severity, start and end), or end one with --end ID.") { kind, severity, from, to, end, note };
        command.SetAction(parse =>
        {
            var (store, _, zone) = JournalContext.OpenInitialised(parse);
            using (store)
            {
                var now = JournalContext.Now();
                if (parse.GetValue(end) is { } id)
                {
                    var when = JournalTime.Parse(parse.GetValue(to), zone, now);
                    if (!store.EndSideEffect(id, when))
                    {
                        throw new InvalidInputException($"There is no ongoing side effect with id {id}.");
                    }

                    stdout.WriteLine($"Side effect {id} ended at {JournalContext.Local(when, zone.Id)}.");
                    return LdnApp.Success;
                }

                var kindId = SideEffectKinds.Parse(parse.GetValue(kind) ?? throw new InvalidInputException("Give the kind of side effect, e.g. 'ldn journal side-effect insomnia --severity moderate'."));
                var level = ParseSeverity(parse.GetValue(severity)!);
                var start = JournalTime.Parse(parse.GetValue(from), zone, now);
                Instant? stop = parse.GetValue(to) is { } t ? JournalTime.Parse(t, zone, now) : null;
                if (stop < start)
                {
                    throw new InvalidInputException("A side effect cannot end before it starts.");
                }

                var newId = store.AddSideEffect(new SideEffectEntry(0, kindId, level, start, stop, zone.Id, Note(parse.GetValue(note))));
                stdout.WriteLine($"Side effect {newId}: {kindId}, {level.ToString().ToLowerInvariant()}, from {JournalContext.Local(start, zone.Id)}{(stop is { } s ? $" to {JournalContext.Local(s, zone.Id)}" : " (ongoing; end it with --end " + newId + ")")}.");
            }

            return LdnApp.Success;
        });
        return command;
    }

    public static Command Event(TextWriter stdout)
    {
        var kind = new Argument<string>("KIND") { Description = "flare, infection, medication-change or other." };
        var at = AtOption("When (default now).");
        var note = NoteOption();
        var command = new Command("event", "Record a flare, an infection, a medication change or another event.") { kind, at, note };
        command.SetAction(parse =>
        {
            var eventKind = EventKinds.Parse(parse.GetValue(kind)!);
            var (store, _, zone) = JournalContext.OpenInitialised(parse);
            using (store)
            {
                var when = JournalTime.Parse(parse.GetValue(at), zone, JournalContext.Now());
                var id = store.AddEvent(new EventEntry(0, when, zone.Id, eventKind, Note(parse.GetValue(note))));
                stdout.WriteLine($"Event {id}: {EventKinds.Name(eventKind)} at {JournalContext.Local(when, zone.Id)}.");
            }

            return LdnApp.Success;
        });
        return command;
    }

    internal static SideEffectSeverity ParseSeverity(string text) => text.Trim().ToLowerInvariant() switch
    {
        "mild" => SideEffectSeverity.Mild,
        "moderate" => SideEffectSeverity.Moderate,
        "severe" => SideEffectSeverity.Severe,
        _ => throw new InvalidInputException($"'{text}' is not a severity (use mild, moderate or severe)."),
    };

    private static int Score(string text, string scale) =>
        int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value <= 10
            ? value
            : throw new InvalidInputException($"'{text}' is not a {scale} score: use a whole number from 0 to 10.");

    private static string Label(string scale) => scale switch
    {
        "fatigue" => "Fatigue (0 none – 10 worst)",
        "pain" => "Pain (0 none – 10 worst)",
        "sleep" => "Sleep quality (0 worst – 10 best)",
        "mood" => "Mood (0 worst – 10 best)",
        _ => "Focus (0 worst – 10 best)",
    };

    private static string? Note(string? text) => text?.Trim() is { Length: > 0 } note
        ? note.Length <= JournalDocument.MaxNoteLength ? note : throw new InvalidInputException($"A note holds at most {JournalDocument.MaxNoteLength} characters (got {note.Length}).")
        : null;

    private static Option<string?> AtOption(string description) => new("--at") { Description = description };

    private static Option<string?> NoteOption() => new("--note") { Description = "A free note." };

    private static bool Interactive(TextWriter stdout) => stdout == Console.Out && !Console.IsInputRedirected && !Console.IsOutputRedirected;
}
