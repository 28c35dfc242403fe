using System.Globalization;
using Ldn.Core;
using Ldn.Core.Dosing;
using Ldn.Core.Journal;
using Ldn.Storage;
using NodaTime;

// Usage: Ldn.Storage.Writer <journal.db> [adds|corrections]
// adds (the default): adds entries to an initialised journal until it is killed, printing "dose <id>" or
// "check-in <id>" after each commit: every id printed is in the journal, whatever moment the process dies.
// corrections: adds doses and check-ins and keeps editing, deleting, restoring and undoing them, printing
// "<kind> <id> <revision>" after each committed change, so a kill lands in the middle of edits and undos.
if (args.Length is < 1 or > 2 || (args.Length == 2 && args[1] is not ("adds" or "corrections")))
{
    await Console.Error.WriteLineAsync("usage: Ldn.Storage.Writer <journal.db> [adds|corrections]");
    return 2;
}

using var store = JournalStores.Open(args[0]);
var start = Instant.FromUtc(2024, 1, 1, 22, 0);
Console.WriteLine("ready");
var corrections = args.Length == 2 && args[1] == "corrections";
for (var i = 0; ; i++)
{
    var at = start + Duration.FromMinutes(i);
    if (!corrections)
    {
        if (i % 2 == 0)
        {
            var id = store.AddDose(new DoseEntry(0, at, "Europe/London", 0.5m + (i % 9) * 0.5m, Formulation.Capsule, false, $"writer {i}"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"dose {id}"));
        }
        else
        {
            var id = store.AddCheckIn(new CheckInEntry(0, at, "Europe/London", i % 11, 3, 4, 5, 6, new string('x', i % 500)));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"check-in {id}"));
        }

        continue;
    }

    IJournalEntry entry = i % 2 == 0
        ? new DoseEntry(store.AddDose(new DoseEntry(0, at, "Europe/London", 1.5m, Formulation.Capsule, false, $"writer {i}")), at, "Europe/London", 1.5m, Formulation.Capsule, false)
        : new CheckInEntry(store.AddCheckIn(new CheckInEntry(0, at, "Europe/London", 5, 3, 4, 5, 6)), at, "Europe/London", 5, 3, 4, 5, 6);
    Report(entry.Kind, entry.Id, 1);
    for (var round = 0; round < 3; round++)
    {
        var current = store.Find(entry.Kind, entry.Id)!;
        if (!current.Deleted)
        {
            IJournalEntry edited = current.Entry switch
            {
                DoseEntry d => d with { DoseMg = 0.5m + round, Note = new string('e', (i * 7 + round) % 300) },
                CheckInEntry c => c with { Pain = round, Note = $"edit {round}" },
                _ => current.Entry,
            };
            Report(entry.Kind, entry.Id, store.Edit(edited, current.Entry.Revision, $"round {round}"));
        }

        if ((i + round) % 3 == 0)
        {
            var revision = current.Deleted ? store.Restore(entry.Kind, entry.Id) : store.Delete(entry.Kind, entry.Id, reason: "writer");
            Report(entry.Kind, entry.Id, revision);
        }

        if ((i + round) % 2 == 0)
        {
            try
            {
                var undone = store.Undo();
                Report(undone.Kind, undone.EntryId, undone.Revision);
            }
            catch (InvalidInputException)
            {
                // Nothing left to undo: go on writing.
            }
        }
    }
}

static void Report(JournalEntryKind kind, long id, int revision) =>
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{JournalEntryKinds.Name(kind)} {id} {revision}"));
