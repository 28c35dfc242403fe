using System.CommandLine;
using Ldn.Cli.Output;
using Ldn.Core;
using Ldn.Core.Dosing;
using Ldn.Core.Journal;

namespace Ldn.Cli.Commands.Journal;

/// <summary>
/// Corrections without loss: <c>edit KIND ID</c>, <c>delete KIND ID</c>, <c>restore KIND ID</c>, <c>undo</c>
/// and <c>history [KIND ID]</c>. An entry is named by its kind (the entry commands' words) and the id that
/// <c>show --json</c> gives it; <c>--revision N</c> refuses the change if someone else changed the entry since.
/// </summary>
internal static class JournalCorrectionCommands
{
    public static Command Edit(TextWriter stdout, TextWriter stderr)
    {
        var command = new Command("edit", "Correct an entry: 'ldn journal edit dose 12 --dose 3mg' (the old value stays in the history; undo reverts it).")
        {
            EditDose(stdout, stderr), EditCheckIn(stdout, stderr), EditSideEffect(stdout, stderr), EditEvent(stdout, stderr), EditMedication(stdout, stderr),
        };
        return command;
    }

    public static Command Delete(TextWriter stdout) => Flip("delete", "Delete an entry: it leaves views and analysis, stays in the history, and can be restored.", stdout,
        (journal, kind, id, revision, reason) => journal.Delete(kind, id, revision, reason), "deleted");

    public static Command Restore(TextWriter stdout) => Flip("restore", "Restore a deleted entry.", stdout,
        (journal, kind, id, revision, reason) => journal.Restore(kind, id, revision, reason), "restored");

    public static Command Undo(TextWriter stdout)
    {
        var command = new Command("undo", "Undo the newest change not yet undone (an add, edit, delete, restore or plan version); repeat to go further back. The undo is itself recorded.");
        command.SetAction(parse =>
        {
            var (store, journal) = JournalContext.OpenService(parse);
            using (store)
            {
                var change = journal.Undo();
                ConsoleText.Line(stdout, $"Undone: change {change.Undoes} — {JournalEntryKinds.Name(change.Kind)} {change.EntryId} {Verb(change.Change)} (now revision {change.Revision}).");
            }

            return LdnApp.Success;
        });
        return command;
    }

    public static Command History(TextWriter stdout)
    {
        var kind = new Argument<string?>("KIND") { Description = "dose, check-in, side-effect, event, medication or plan (with ID: that entry's history).", Arity = ArgumentArity.ZeroOrOne };
        var id = new Argument<long?>("ID") { Description = "The entry's id.", Arity = ArgumentArity.ZeroOrOne };
        var json = new Option<bool>("--json") { Description = "Print { \"changes\": [ { kind, id, revision, change, at, before, after, reason } ] }." };
        var command = new Command("history", "Every change to the journal, or to one entry, oldest first.") { kind, id, json };
        command.SetAction(parse =>
        {
            JournalEntryKind? entryKind = parse.GetValue(kind) is { } k ? JournalEntryKinds.Parse(k) : null;
            var entryId = parse.GetValue(id);
            if (entryKind is not null && entryId is null)
            {
                throw new InvalidInputException("Give the entry's id too, e.g. 'ldn journal history dose 12'.");
            }

            var (store, journal) = JournalContext.OpenService(parse);
            using (store)
            {
                var changes = journal.History(entryKind, entryId);
                if (parse.GetValue(json))
                {
                    HistoryJson.Write(changes, stdout);
                }
                else
                {
                    HistoryView.Write(changes, journal, stdout);
                }
            }

            return LdnApp.Success;
        });
        return command;
    }

    private static Command EditDose(TextWriter stdout, TextWriter stderr)
    {
        var (id, revision, reason, yes) = Common();
        var dose = new Option<string?>("--dose") { Description = "The dose, e.g. 4.5mg." };
        var at = new Option<string?>("--at") { Description = JournalEntryCommands.AtHelp };
        var tz = JournalContext.TimeZoneOption();
        var formulation = new Option<string?>("--formulation") { Description = "capsule, tablet, liquid or sublingual." };
        var skipped = new Option<bool?>("--skipped") { Description = "true: the dose was skipped; false: it was taken." };
        var note = JournalEntryCommands.NoteOption();
        var command = new Command("dose", "Correct a dose.") { id, dose, at, tz, formulation, skipped, note, revision, reason, yes };
        command.SetAction(parse => Run(parse, stdout, stderr, journal => JournalContext.Confirmed(
            confirm => journal.EditDose(parse.GetValue(id), new DoseEdit(
                parse.GetValue(dose) is { } d ? JournalInput.DoseMg(d) : null,
                parse.GetValue(at), parse.GetValue(tz),
                parse.GetValue(formulation) is { } f ? Formulations.Parse(f) : null,
                parse.GetValue(skipped), parse.GetValue(note)), parse.GetValue(revision), confirm, parse.GetValue(reason)),
            parse.GetValue(yes), stdout)));
        return command;
    }

    private static Command EditCheckIn(TextWriter stdout, TextWriter stderr)
    {
        var (id, revision, reason, _) = Common();
        var builtIn = SymptomScales.BuiltIn.Select(s => new Option<string?>("--" + s.Id) { Description = $"{s.Label}, 0–10." }).ToArray();
        var score = JournalEntryCommands.ScoreOption();
        var at = new Option<string?>("--at") { Description = JournalEntryCommands.AtHelp };
        var tz = JournalContext.TimeZoneOption();
        var note = JournalEntryCommands.NoteOption();
        var command = new Command("check-in", "Correct a check-in (the scores named are set; the others stay).") { id, score, at, tz, note, revision, reason };
        foreach (var option in builtIn)
        {
            command.Options.Add(option);
        }

        command.SetAction(parse => Run(parse, stdout, stderr, journal =>
        {
            var scores = JournalEntryCommands.Scores(parse.GetValue(score));
            foreach (var (option, scale) in builtIn.Zip(SymptomScales.BuiltIn))
            {
                if (parse.GetValue(option) is { } text)
                {
                    scores[scale.Id] = JournalInput.Score(text, scale.Id);
                }
            }

            return journal.EditCheckIn(parse.GetValue(id), new CheckInEdit(scores.Count > 0 ? scores : null, parse.GetValue(at), parse.GetValue(tz), parse.GetValue(note)), parse.GetValue(revision), parse.GetValue(reason));
        }));
        return command;
    }

    private static Command EditSideEffect(TextWriter stdout, TextWriter stderr)
    {
        var (id, revision, reason, yes) = Common();
        var kind = new Option<string?>("--kind") { Description = "The kind (or a name for it)." };
        var severity = new Option<string?>("--severity") { Description = "mild, moderate or severe." };
        var from = new Option<string?>("--from") { Description = "When it started." };
        var to = new Option<string?>("--to") { Description = "When it ended, or 'ongoing'." };
        var tz = JournalContext.TimeZoneOption();
        var note = JournalEntryCommands.NoteOption();
        var command = new Command("side-effect", "Correct a side effect.") { id, kind, severity, from, to, tz, note, revision, reason, yes };
        command.SetAction(parse => Run(parse, stdout, stderr, journal => JournalContext.Confirmed(
            confirm => journal.EditSideEffect(parse.GetValue(id), new SideEffectEdit(
                parse.GetValue(kind),
                parse.GetValue(severity) is { } s ? JournalInput.Severity(s) : null,
                parse.GetValue(from), parse.GetValue(to), parse.GetValue(tz), parse.GetValue(note)), parse.GetValue(revision), confirm, parse.GetValue(reason)),
            parse.GetValue(yes), stdout)));
        return command;
    }

    private static Command EditEvent(TextWriter stdout, TextWriter stderr)
    {
        var (id, revision, reason, _) = Common();
        var kind = new Option<string?>("--kind") { Description = "flare, infection, medication-change or other." };
        var at = new Option<string?>("--at") { Description = JournalEntryCommands.AtHelp };
        var tz = JournalContext.TimeZoneOption();
        var note = JournalEntryCommands.NoteOption();
        var command = new Command("event", "Correct an event.") { id, kind, at, tz, note, revision, reason };
        command.SetAction(parse => Run(parse, stdout, stderr, journal => journal.EditEvent(parse.GetValue(id), new EventEdit(
            parse.GetValue(kind) is { } k ? EventKinds.Parse(k) : null, parse.GetValue(at), parse.GetValue(tz), parse.GetValue(note)), parse.GetValue(revision), parse.GetValue(reason))));
        return command;
    }

    private static Command EditMedication(TextWriter stdout, TextWriter stderr)
    {
        var (id, revision, reason, _) = Common();
        var name = new Option<string?>("--name") { Description = "The medication's name." };
        var since = new Option<string?>("--since") { Description = "When it was started." };
        var until = new Option<string?>("--until") { Description = "When it was last taken, or 'ongoing'." };
        var command = new Command("medication", "Correct a medication.") { id, name, since, until, revision, reason };
        command.SetAction(parse => Run(parse, stdout, stderr, journal => journal.EditMedication(parse.GetValue(id), new MedicationEdit(
            parse.GetValue(name), parse.GetValue(since), parse.GetValue(until)), parse.GetValue(revision), parse.GetValue(reason))));
        return command;
    }

    private static int Run<T>(ParseResult parse, TextWriter stdout, TextWriter stderr, Func<JournalService, Recorded<T>> edit)
        where T : IJournalEntry
    {
        var (store, journal) = JournalContext.OpenService(parse);
        using (store)
        {
            var recorded = edit(journal);
            ConsoleText.Line(stdout, $"{Capital(JournalEntryKinds.Name(recorded.Entry.Kind))} {recorded.Entry.Id} corrected (revision {recorded.Entry.Revision}); 'ldn journal undo' reverts it.");
            JournalContext.WriteNotes(recorded.Notes.Where(n => !n.StartsWith("Now revision", StringComparison.Ordinal)), stderr);
        }

        return LdnApp.Success;
    }

    private static Command Flip(string name, string description, TextWriter stdout, Func<JournalService, JournalEntryKind, long, int?, string?, int> change, string done)
    {
        var kind = new Argument<string>("KIND") { Description = "dose, check-in, side-effect, event, medication or plan." };
        var (id, revision, reason, _) = Common();
        var command = new Command(name, description) { kind, id, revision, reason };
        command.SetAction(parse =>
        {
            var entryKind = JournalEntryKinds.Parse(parse.GetValue(kind)!);
            var (store, journal) = JournalContext.OpenService(parse);
            using (store)
            {
                var newRevision = change(journal, entryKind, parse.GetValue(id), parse.GetValue(revision), parse.GetValue(reason));
                ConsoleText.Line(stdout, $"{Capital(JournalEntryKinds.Name(entryKind))} {parse.GetValue(id)} {done} (revision {newRevision}).");
            }

            return LdnApp.Success;
        });
        return command;
    }

    private static (Argument<long> Id, Option<int?> Revision, Option<string?> Reason, Option<bool> Yes) Common() => (
        new Argument<long>("ID") { Description = "The entry's id (from 'ldn journal show --json')." },
        new Option<int?>("--revision") { Description = "The revision you read (from show --json): the change is refused if the entry was changed since." },
        new Option<string?>("--reason") { Description = "Why (kept in the history)." },
        JournalContext.YesOption());

    private static string Verb(JournalChangeType change) => change switch
    {
        JournalChangeType.Add => "added again",
        JournalChangeType.Edit => "set back",
        JournalChangeType.Delete => "deleted",
        JournalChangeType.Restore => "restored",
        _ => JournalChange.Name(change),
    };

    private static string Capital(string text) => char.ToUpperInvariant(text[0]) + text[1..];
}
