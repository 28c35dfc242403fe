namespace Ldn.Core.Journal;

/// <summary>
/// An entry that looks like a mistake (a second dose on one day, a dose above 10 mg or above twice the
/// plan's, a side effect already ongoing, a name only close to a known kind) was not recorded: the front
/// end asks the user and repeats the call with confirmation (CLI <c>--yes</c> or a terminal question; web
/// <c>"confirm": true</c>). The message is one sentence that says what would be recorded and why it is
/// asked; nothing was written.
/// </summary>
public sealed class ConfirmationRequiredException : InvalidInputException
{
    public ConfirmationRequiredException(string recording, IReadOnlyList<EntryQuestion> questions)
        : base($"{recording} {string.Join("; and ", (questions ?? []).Select(q => q.Text))}")
    {
        Recording = recording;
        Questions = questions ?? [];
    }

    public ConfirmationRequiredException() : this("The entry needs confirmation:", []) { }

    public ConfirmationRequiredException(string message) : this(message, []) { }

    public ConfirmationRequiredException(string message, Exception innerException) : base(message, innerException)
    {
        Recording = message;
        Questions = [];
    }

    /// <summary>What would be recorded, e.g. "Dose 4.5 mg capsule at 2026-12-01 22:30 (Europe/Oslo) would be recorded, but".</summary>
    public string Recording { get; }

    public IReadOnlyList<EntryQuestion> Questions { get; }
}

/// <summary>One reason to ask before recording: a stable code for programs and a clause for people.</summary>
/// <param name="Code">second-dose, above-ldn-range, above-twice-plan, already-ongoing, close-name.</param>
/// <param name="Text">A clause that completes "… would be recorded, but": "it is a second dose on 2026-12-01 (dose 7 at 22:00)".</param>
public sealed record EntryQuestion(string Code, string Text);
