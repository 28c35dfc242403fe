namespace Ldn.Core.Text;

/// <summary>
/// Reads the word of an enum value as a person types it (case, spaces and punctuation ignored:
/// "Check in", "check-in" and "checkin" are one word), for the small vocabularies the journal uses.
/// </summary>
public static class EnumWords
{
    /// <summary>The value of <typeparamref name="T"/> whose word (by <paramref name="name"/>) matches <paramref name="text"/>.</summary>
    /// <exception cref="InvalidInputException">No value matches: "'text' is not {what} (use a, b or c)."</exception>
    public static T Parse<T>(string text, Func<T, string> name, string what)
        where T : struct, Enum
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(name);
        var key = NameMatch.Normalise(text);
        foreach (var value in Enum.GetValues<T>())
        {
            if (NameMatch.Normalise(name(value)) == key)
            {
                return value;
            }
        }

        var words = Enum.GetValues<T>().Select(name).ToList();
        throw new InvalidInputException($"'{text}' is not {what} (use {string.Join(", ", words[..^1])} or {words[^1]}).");
    }
}
