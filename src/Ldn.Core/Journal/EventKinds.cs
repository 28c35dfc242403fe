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

    /// <exception cref="InvalidInputException">Not a kind of event.</exception>
    public static JournalEventKind Parse(string text) => Text.EnumWords.Parse<JournalEventKind>(text, Name, "a kind of event");
}
