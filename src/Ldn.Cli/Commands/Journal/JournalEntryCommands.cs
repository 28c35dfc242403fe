using System.CommandLine;
using System.Globalization;
using Ldn.Cli.Output;
using Ldn.Core;
using Ldn.Core.Advice;
using Ldn.Core.Compounding;
using Ldn.Core.Dosing;
using Ldn.Core.Journal;
using Spectre.Console;

namespace Ldn.Cli.Commands.Journal;

/// <summary>The everyday entries: <c>dose</c>, <c>check-in</c>, <c>side-effect</c> and <c>event</c>; each is a use case of <see cref="JournalService"/>.</summary>
internal static class JournalEntryCommands
{
    public const string AtHelp = "When (default now): 22:00, yesterday 22:00, 2026-12-01 22:00, or ISO 8601 such as 2026-12-01T22:00+01:00 or 2026-12-01T21:00:00Z.";

    public static Command Dose(TextWriter stdout, TextWriter stderr)
    {
        var amount = new Argument<string?>("DOSE") { Description = "The dose, e.g. 4.5mg (default: the plan's dose for that day).", Arity = ArgumentArity.ZeroOrOne };
        var at = new Option<string?>("--at") { Description = AtHelp };
        var tz = JournalContext.TimeZoneOption();
        var formulation = new Option<string?>("--formulation") { Description = "capsule, tablet, liquid or sublingual (default: the plan's, or capsule)." };
        var skipped = new Option<bool>("--skipped") { Description = "The dose was skipped (recorded, so adherence is honest)." };
        var note = NoteOption();
        var yes = JournalContext.YesOption();
        var command = new Command("dose", "Record a dose taken (or skipped); a second dose that day, a dose above 10 mg or above twice the plan's is asked about first.") { amount, at, tz, formulation, skipped, note, yes };
        command.SetAction(parse =>
        {
            var request = new DoseRequest(
                parse.GetValue(amount) is { } text ? JournalInput.DoseMg(text) : null,
                parse.GetValue(at),
                parse.GetValue(tz),
                parse.GetValue(formulation) is { } f ? Formulations.Parse(f) : null,
                parse.GetValue(skipped),
                parse.GetValue(note));
            var (store, journal) = JournalContext.OpenService(parse);
            using (store)
            {
                var recorded = JournalContext.Confirmed(confirm => journal.RecordDose(request, confirm), parse.GetValue(yes), stdout);
                var d = recorded.Entry;
                ConsoleText.Line(stdout, $"Dose {d.Id}: {(d.Skipped ? "skipped " : "")}{JournalContext.Mg(d.DoseMg)} {d.Formulation.Name()} at {journal.Describe(d.At, d.TimeZoneId)}.");
                JournalContext.WriteNotes(recorded.Notes, stderr);
            }

            return LdnApp.Success;
        });
        return command;
    }

    public static Command CheckIn(TextWriter stdout)
    {
        var builtIn = SymptomScales.BuiltIn.Select(s => new Option<string?>("--" + s.Id) { Description = $"{s.Label}, 0 ({s.LowAnchor}) – 10 ({s.HighAnchor})." }).ToArray();
        var score = ScoreOption();
        var at = new Option<string?>("--at") { Description = AtHelp };
        var tz = JournalContext.TimeZoneOption();
        var note = NoteOption();
        var command = new Command("check-in", "Record today's scores on 0–10 scales: fatigue, pain, sleep quality, mood, focus and your own (asks for each when run in a terminal without values).");
        foreach (var option in builtIn)
        {
            command.Options.Add(option);
        }

        command.Options.Add(score);
        command.Options.Add(at);
        command.Options.Add(tz);
        command.Options.Add(note);
        command.SetAction(parse =>
        {
            var scores = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var (option, scale) in builtIn.Zip(SymptomScales.BuiltIn))
            {
                if (parse.GetValue(option) is { } text)
                {
                    scores[scale.Id] = JournalInput.Score(text, scale.Id);
                }
            }

            foreach (var (name, value) in Scores(parse.GetValue(score)))
            {
                if (!scores.TryAdd(name, value))
                {
                    throw new InvalidInputException($"The {name} score is given twice ({scores[name]} and {value}); give it once.");
                }
            }

            var (store, journal) = JournalContext.OpenService(parse);
            using (store)
            {
                var noteText = parse.GetValue(note);
                if (scores.Count == 0)
                {
                    if (!JournalContext.Interactive(stdout))
                    {
                        throw new InvalidInputException("Give at least one score, e.g. --pain 4 --fatigue 6 or --score \"brain fog=6\" (0–10), or run it in a terminal to be asked.");
                    }

                    (scores, noteText) = Ask(store.Load(journal.Now, journal.Now).Scales, noteText, stdout);
                }

                var c = journal.RecordCheckIn(new CheckInRequest(scores, parse.GetValue(at), parse.GetValue(tz), noteText)).Entry;
                ConsoleText.Line(stdout, $"Check-in {c.Id} at {journal.Describe(c.At, c.TimeZoneId)}: " + string.Join(", ", c.Scores().Select(p => $"{p.Key} {p.Value}")) + ".");
            }

            return LdnApp.Success;
        });
        return command;
    }

    public static Command SideEffect(TextWriter stdout, TextWriter stderr)
    {
        var kind = new Argument<string?>("KIND") { Description = "insomnia, vivid-dreams, nausea, headache, diarrhoea, … or a name for one (nightmares); see 'ldn evidence --json' sideEffects.", Arity = ArgumentArity.ZeroOrOne };
        var severity = new Option<string?>("--severity") { Description = "mild, moderate or severe (default mild)." };
        var from = new Option<string?>("--from") { Description = "When it started (default now). " + AtHelp };
        var to = new Option<string?>("--to") { Description = "When it ended (leave out while it lasts)." };
        var end = new Option<long?>("--end") { Description = "End the ongoing side effect with this id (at --to, default now)." };
        var tz = JournalContext.TimeZoneOption();
        var note = NoteOption();
        var yes = JournalContext.YesOption();
        var command = new Command("side-effect", "Record a side effect (kind, severity, start and end), or end one with --end ID; a kind already ongoing or a name only close to a kind is asked about first.") { kind, severity, from, to, end, tz, note, yes };
        command.SetAction(parse =>
        {
            var (store, journal) = JournalContext.OpenService(parse);
            using (store)
            {
                if (parse.GetValue(end) is { } id)
                {
                    if (parse.GetValue(kind) is not null || parse.GetValue(severity) is not null || parse.GetValue(from) is not null || parse.GetValue(note) is not null || parse.GetValue(tz) is not null)
                    {
                        throw new InvalidInputException($"--end {id} ends side effect {id} at --to (default now) and takes nothing else; to change it, use 'ldn journal edit side-effect {id}'.");
                    }

                    var when = journal.EndSideEffect(id, parse.GetValue(to));
                    ConsoleText.Line(stdout, $"Side effect {id} ended at {journal.Describe(when, journal.Profile.TimeZoneId)}.");
                    return LdnApp.Success;
                }

                var request = new SideEffectRequest(
                    parse.GetValue(kind) ?? throw new InvalidInputException("Give the kind of side effect, e.g. 'ldn journal side-effect insomnia --severity moderate'."),
                    JournalInput.Severity(parse.GetValue(severity) ?? "mild"),
                    parse.GetValue(from),
                    parse.GetValue(to),
                    parse.GetValue(tz),
                    parse.GetValue(note));
                var recorded = JournalContext.Confirmed(confirm => journal.RecordSideEffect(request, confirm), parse.GetValue(yes), stdout);
                var s = recorded.Entry;
                ConsoleText.Line(stdout, $"Side effect {s.Id}: {s.Kind}{(s.TypedName is { } typed ? $" (typed '{typed}')" : "")}, {s.Severity.ToString().ToLowerInvariant()}, from {journal.Describe(s.From, s.TimeZoneId)}{(s.To is { } t ? $" to {journal.Describe(t, s.TimeZoneId)}" : " (ongoing; end it with --end " + s.Id + ")")}.");
                JournalContext.WriteNotes(recorded.Notes, stderr);
            }

            return LdnApp.Success;
        });
        return command;
    }

    public static Command Event(TextWriter stdout)
    {
        var kind = new Argument<string>("KIND") { Description = "flare, infection, medication-change or other." };
        var at = new Option<string?>("--at") { Description = AtHelp };
        var tz = JournalContext.TimeZoneOption();
        var note = NoteOption();
        var command = new Command("event", "Record a flare, an infection, a medication change or another event.") { kind, at, tz, note };
        command.SetAction(parse =>
        {
            var eventKind = EventKinds.Parse(parse.GetValue(kind)!);
            var (store, journal) = JournalContext.OpenService(parse);
            using (store)
            {
                var e = journal.RecordEvent(new EventRequest(eventKind, parse.GetValue(at), parse.GetValue(tz), parse.GetValue(note))).Entry;
                ConsoleText.Line(stdout, $"Event {e.Id}: {EventKinds.Name(e.Kind)} at {journal.Describe(e.At, e.TimeZoneId)}.");
            }

            return LdnApp.Success;
        });
        return command;
    }

    /// <summary><c>--score "NAME=VALUE"</c>, repeatable, for any scale of the journal.</summary>
    internal static Option<string[]> ScoreOption() => new("--score")
    {
        Description = "A score on any scale of the journal, NAME=VALUE (0–10), e.g. --score \"brain fog=6\"; repeatable.",
        AllowMultipleArgumentsPerToken = false,
    };

    /// <summary>Reads <c>NAME=VALUE</c> pairs; the scale names are resolved against the journal's catalogue by the use case.</summary>
    internal static Dictionary<string, int> Scores(IEnumerable<string>? pairs)
    {
        var scores = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var pair in pairs ?? [])
        {
            var cut = pair.LastIndexOf('=');
            if (cut <= 0)
            {
                throw new InvalidInputException($"'{pair}' is not a score: write NAME=VALUE, e.g. --score \"brain fog=6\".");
            }

            var name = pair[..cut].Trim();
            if (!scores.TryAdd(name, JournalInput.Score(pair[(cut + 1)..], name)))
            {
                throw new InvalidInputException($"The {name} score is given twice; give it once.");
            }
        }

        return scores;
    }

    internal static Option<string?> NoteOption() => new("--note") { Description = "A free note (taken as typed, also when it starts with @)." };

    /// <summary>Asks for each scale of the catalogue in a terminal; Enter skips one.</summary>
    private static (Dictionary<string, int> Scores, string? Note) Ask(IReadOnlyList<SymptomScale> scales, string? note, TextWriter stdout)
    {
        var console = ConsoleFactory.For(stdout);
        var scores = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var scale in scales)
        {
            var answer = console.Prompt(new TextPrompt<string>(Markup.Escape($"{scale.Label} (0 {scale.LowAnchor} – 10 {scale.HighAnchor}, Enter to skip):")).AllowEmpty()
                .Validate(t => string.IsNullOrWhiteSpace(t) || (int.TryParse(t, NumberStyles.None, CultureInfo.InvariantCulture, out var v) && v <= 10)
                    ? ValidationResult.Success() : ValidationResult.Error("A whole number from 0 to 10, or Enter to skip.")));
            if (!string.IsNullOrWhiteSpace(answer))
            {
                scores[scale.Id] = int.Parse(answer, CultureInfo.InvariantCulture);
            }
        }

        note ??= console.Prompt(new TextPrompt<string>("Note (Enter for none):").AllowEmpty());
        return scores.Count > 0 ? (scores, note) : throw new InvalidInputException("No score was given; nothing was recorded.");
    }
}
