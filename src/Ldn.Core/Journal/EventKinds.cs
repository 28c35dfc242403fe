namespace Ldn.Core.Journal;

/// <summary>The names of <see cref="JournalEventKind"/> as typed and stored: flare, infection, medication-change, other.</summary>
public static class EventKinds
{
    public static string Name(JournalEventKind kind) => kind switch
    {
        JournalEventKind.Flare => "flare",
        JournalEventKind.Infection => "infection",
        JournalEventKind.MedicationChange => "medication-change",
        JournalEventKind.Other => "other",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    public static JournalEventKind Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var key = Text.NameMatch.Normalise(text);
        foreach (var kind in Enum.GetValues<JournalEventKind>())
        {
            if (Text.NameMatch.Normalise(Name(kind)) == key)
            {
                return kind;
            }
        }

        throw new InvalidInputException($"'{text}' is not a kind of event (use flare, infection, medication-change or other).");
    }
}
