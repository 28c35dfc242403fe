using System.Text;

namespace Ldn.Core.Calendar;

/// <summary>
/// Writes iCalendar content lines (RFC 5545 §3.1): CRLF line ends, lines folded so that none exceeds
/// 75 octets of UTF-8 (never splitting a character), and TEXT values escaped (§3.3.11). No iCalendar
/// library restores from this project's package mirror, so this small writer is our own; the tests
/// check its output with an independent parser (ical.js).
/// </summary>
internal sealed class ContentLines
{
    private const int MaxOctets = 75;

    private readonly StringBuilder text = new();

    /// <summary>A property whose value is already in iCalendar syntax (dates, rules, numbers).</summary>
    public ContentLines Raw(string name, string value)
    {
        Fold(name + ":" + value);
        return this;
    }

    /// <summary>A TEXT property, escaped.</summary>
    public ContentLines Text(string name, string value) => Raw(name, Escape(value));

    public override string ToString() => text.ToString();

    internal static string Escape(string value) => value
        .Replace("\\", "\\\\", StringComparison.Ordinal)
        .Replace(";", "\\;", StringComparison.Ordinal)
        .Replace(",", "\\,", StringComparison.Ordinal)
        .Replace("\r\n", "\\n", StringComparison.Ordinal)
        .Replace("\n", "\\n", StringComparison.Ordinal)
        .Replace("\r", "\\n", StringComparison.Ordinal);

    private void Fold(string line)
    {
        var octets = 0;
        // The first line may hold 75 octets; continuation lines start with a space, so 74 more.
        var limit = MaxOctets;
        foreach (var rune in line.EnumerateRunes())
        {
            var size = rune.Utf8SequenceLength;
            if (octets + size > limit)
            {
                text.Append("\r\n ");
                octets = 0;
                limit = MaxOctets - 1;
            }

            text.Append(rune.ToString());
            octets += size;
        }

        text.Append("\r\n");
    }
}
