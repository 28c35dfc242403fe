using NodaTime;

namespace Ldn.Core.Journal;

/// <summary>What a change did to an entry: added, edited, deleted or restored it.</summary>
public enum JournalChangeType
{
    Add,
    Edit,
    Delete,
    Restore,
}

/// <summary>
/// One revision in the journal's history. The history is append-only: an edit keeps the old value in
/// <see cref="Before"/>, a delete hides the entry from views and analysis but keeps it here, and an undo is
/// recorded as the inverse change with <see cref="Reason"/> <c>undo</c> and <see cref="Undoes"/> naming the
/// change it reverses.
/// </summary>
/// <param name="Sequence">Position in the whole journal's history (1, 2, …); later changes have larger numbers.</param>
/// <param name="Kind">The entry's kind.</param>
/// <param name="EntryId">The entry's id (per kind).</param>
/// <param name="Revision">The entry's revision after this change (1 for the add).</param>
/// <param name="Change">add, edit, delete or restore.</param>
/// <param name="At">When the change was made.</param>
/// <param name="Before">The entry's JSON document before the change (null for an add).</param>
/// <param name="After">The entry's JSON document after it (for a delete: the entry as it was deleted).</param>
/// <param name="Reason">Why, when given; <c>undo</c> for an undo.</param>
/// <param name="Undoes">For an undo, the <see cref="Sequence"/> of the change it reverses.</param>
public sealed record JournalChange(
    long Sequence,
    JournalEntryKind Kind,
    long EntryId,
    int Revision,
    JournalChangeType Change,
    Instant At,
    string? Before,
    string? After,
    string? Reason,
    long? Undoes = null)
{
    public const string UndoReason = "undo";

    public static string Name(JournalChangeType change) => change switch
    {
        JournalChangeType.Add => "add",
        JournalChangeType.Edit => "edit",
        JournalChangeType.Delete => "delete",
        JournalChangeType.Restore => "restore",
        _ => throw new ArgumentOutOfRangeException(nameof(change)),
    };
}
