namespace Ldn.Core.Journal;

/// <summary>
/// The kinds of journal entry, named as the entry commands name them (<c>dose</c>, <c>check-in</c>,
/// <c>side-effect</c>, <c>event</c>, <c>medication</c>) plus <c>plan</c> for plan versions. An entry is
/// identified by its kind and its id; ids are per kind.
/// </summary>
public enum JournalEntryKind
{
    Dose,
    CheckIn,
    SideEffect,
    Event,
    Medication,
    Plan,
}

/// <summary>The words of <see cref="JournalEntryKind"/> as typed, stored and written in JSON.</summary>
public static class JournalEntryKinds
{
    public static IReadOnlyList<JournalEntryKind> All { get; } = Enum.GetValues<JournalEntryKind>();

    public static string Name(JournalEntryKind kind) => kind switch
    {
        JournalEntryKind.Dose => "dose",
        JournalEntryKind.CheckIn => "check-in",
        JournalEntryKind.SideEffect => "side-effect",
        JournalEntryKind.Event => "event",
        JournalEntryKind.Medication => "medication",
        JournalEntryKind.Plan => "plan",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    /// <summary>Reads a kind as typed (<c>dose</c>, <c>check-in</c>, <c>checkin</c>, <c>Side effect</c>…).</summary>
    /// <exception cref="InvalidInputException">Not a kind of entry; the sentence lists the kinds.</exception>
    public static JournalEntryKind Parse(string text) => Text.EnumWords.Parse<JournalEntryKind>(text, Name, "a kind of journal entry");
}
