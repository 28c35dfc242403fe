using Ldn.Core;
using Ldn.Core.Journal;

namespace Ldn.Storage;

/// <summary>
/// A stored entry this version cannot read: a value an older version or a hand edit of the database put there
/// (a dose of "abc", a time beyond year 9999, an unknown zone). The sentence names the entry and how to fix it,
/// so `show`, exports and reports say what is wrong instead of failing as a bug, and `ldn journal delete` can
/// still remove it (issue 13, item 4).
/// </summary>
public sealed class UnreadableEntryException : InvalidInputException
{
    public UnreadableEntryException(JournalEntryKind kind, long id, Exception inner)
        : base(Sentence(kind, id), inner)
    {
        Kind = kind;
        Id = id;
    }

    public UnreadableEntryException()
    {
    }

    public UnreadableEntryException(string message)
        : base(message)
    {
    }

    public UnreadableEntryException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The kind of the entry that cannot be read.</summary>
    public JournalEntryKind Kind { get; }

    /// <summary>Its id.</summary>
    public long Id { get; }

    private static string Sentence(JournalEntryKind kind, long id)
    {
        var name = JournalEntryKinds.Name(kind);
        return $"The journal's {name} {id} holds a value this version cannot read; remove it with 'ldn journal delete {name} {id}' and record it again.";
    }
}
