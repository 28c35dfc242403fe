using System.Text.Json;

namespace Ldn.Core.Text;

/// <summary>
/// A <see cref="JsonException"/> in words for a refusal, without the text it choked on: the reader's own message
/// starts with the offending token, and for a CSV or an HTML page given where JSON belongs that token is the
/// whole file — a journal's doses and notes would become the error message.
/// </summary>
public static class JsonErrors
{
    /// <summary>
    /// A lower-case fragment: "it is not valid JSON (line 3)" for a reader error, "a value at $.doses[2] does not
    /// have the expected form" for a value of the wrong type, else the message of one of our converters (its
    /// echoes cut by <see cref="EchoText"/>).
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="e"/> is null.</exception>
    public static string Describe(JsonException e)
    {
        ArgumentNullException.ThrowIfNull(e);
        var message = e.Message.Split('\n')[0].Split(". Path", 2)[0].Split(" Path:", 2)[0].TrimEnd('.', ' ');
        var line = e.LineNumber is { } n ? $" (line {n + 1})" : "";
        if (message.Contains("could not be converted", StringComparison.Ordinal))
        {
            return e.Path is { Length: > 1 } path ? $"a value at {EchoText.Cut(path)} does not have the expected form" : $"a value does not have the expected form{line}";
        }

        // The reader's messages quote the token first ("'<' is an invalid start of a value", "'type,id,…' is an
        // invalid JSON literal") or describe the syntax; none of that is worth repeating to a patient.
        return message.StartsWith('\'') || message.Contains("JSON", StringComparison.Ordinal) || message.Contains("Expected", StringComparison.Ordinal)
            || message.Contains("end of data", StringComparison.Ordinal) || message.Contains("depth", StringComparison.Ordinal) || message.Length > 200
            ? $"it is not valid JSON{line}"
            : EchoText.CutQuotes(message);
    }
}
