using System.Globalization;
using Ldn.Core.Dosing;
using Ldn.Core.Journal;
using Ldn.Storage;
using NodaTime;

// Usage: Ldn.Storage.Writer <journal.db>
// Adds entries to an initialised journal until it is killed, printing "dose <id>" or "check-in <id>" after
// each commit: every id printed is in the journal, whatever moment the process dies.
if (args.Length != 1)
{
    await Console.Error.WriteLineAsync("usage: Ldn.Storage.Writer <journal.db>");
    return 2;
}

using var store = JournalStores.Open(args[0]);
var start = Instant.FromUtc(2024, 1, 1, 22, 0);
Console.WriteLine("ready");
for (var i = 0; ; i++)
{
    var at = start + Duration.FromMinutes(i);
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
}
