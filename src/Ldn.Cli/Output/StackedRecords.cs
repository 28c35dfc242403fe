using System.Globalization;
using System.Text;
using Spectre.Console;

namespace Ldn.Cli.Output;

/// <summary>
/// The narrow form of a wide table (issue 13, item 7): on a console narrower than <see cref="WideEnough"/> columns each
/// row becomes a small record, its first cell as a heading and the others as "Label: value" lines, wrapped at spaces
/// only, so no word, date or DOI is ever split; a token longer than the line keeps a line of its own. Widths count
/// text elements (what a terminal shows), not bytes or UTF-16 units.
/// </summary>
internal static class StackedRecords
{
    /// <summary>Below this many columns a table of many text columns folds its words into slivers.</summary>
    public const int WideEnough = 120;

    private const string Indent = "  ";

    /// <summary>True when <paramref name="console"/> is too narrow for a table of free text.</summary>
    public static bool Narrow(IAnsiConsole console) => console.Profile.Width < WideEnough;

    /// <summary>Writes each row as a record: cell 0 as a heading line, then <c>label: value</c> for the rest (empty values left out).</summary>
    public static void Write(IAnsiConsole console, IReadOnlyList<string> labels, IEnumerable<IReadOnlyList<string>> rows)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(rows);
        var width = console.Profile.Width;
        var writer = console.Profile.Out.Writer;
        foreach (var row in rows)
        {
            foreach (var line in Wrap(row[0], width, string.Empty))
            {
                writer.WriteLine(line);
            }

            for (var i = 1; i < row.Count && i < labels.Count; i++)
            {
                if (string.IsNullOrWhiteSpace(row[i]) || row[i] == "–")
                {
                    continue;
                }

                foreach (var line in Wrap($"{labels[i]}: {row[i]}", width, Indent))
                {
                    writer.WriteLine(line);
                }
            }

            writer.WriteLine();
        }
    }

    /// <summary>
    /// <paramref name="text"/> in lines of at most <paramref name="width"/> text elements, each starting with
    /// <paramref name="indent"/> (continuations with two more spaces), broken at spaces only.
    /// </summary>
    public static IReadOnlyList<string> Wrap(string text, int width, string indent)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(indent);
        var lines = new List<string>();
        var line = new StringBuilder(indent);
        var lineWidth = Width(indent);
        var empty = true;
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var wordWidth = Width(word);
            if (!empty && lineWidth + 1 + wordWidth > width)
            {
                lines.Add(line.ToString());
                line.Clear().Append(indent).Append(Indent);
                lineWidth = Width(indent) + Indent.Length;
                empty = true;
            }

            if (!empty)
            {
                line.Append(' ');
                lineWidth++;
            }

            line.Append(word);
            lineWidth += wordWidth;
            empty = false;
        }

        if (!empty || lines.Count == 0)
        {
            lines.Add(line.ToString());
        }

        return lines;
    }

    /// <summary>Columns <paramref name="text"/> takes: its text elements (a combining accent or an emoji sequence is one).</summary>
    public static int Width(string text) => new StringInfo(text).LengthInTextElements;
}
