using System.Globalization;
using Ldn.Core.Journal;
using Spectre.Console;

namespace Ldn.Cli.Output;

/// <summary>The journal's history as a table: one row per change, oldest first.</summary>
internal static class HistoryView
{
    public static void Write(IReadOnlyList<JournalChange> changes, JournalService journal, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(changes);
        ArgumentNullException.ThrowIfNull(journal);
        var console = ConsoleFactory.For(writer);
        if (changes.Count == 0)
        {
            ConsoleText.Line(console, "No changes recorded.");
            return;
        }

        var table = new Table().Border(TableBorder.Rounded).Title("History (oldest first)").AddColumns("#", "When", "Entry", "Rev", "Change", "Reason");
        foreach (var c in changes)
        {
            table.AddRow(
                c.Sequence.ToString(CultureInfo.InvariantCulture),
                Markup.Escape(journal.Describe(c.At, journal.Profile.TimeZoneId)),
                Markup.Escape($"{JournalEntryKinds.Name(c.Kind)} {c.EntryId}"),
                c.Revision.ToString(CultureInfo.InvariantCulture),
                JournalChange.Name(c.Change) + (c.Undoes is { } u ? $" (undoes #{u})" : ""),
                Markup.Escape(c.Reason ?? ""));
        }

        StackedRecords.Write(console, table);
    }
}
