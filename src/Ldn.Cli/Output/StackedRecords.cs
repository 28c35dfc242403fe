using System.Globalization;
using System.Text;
using Spectre.Console;
using Spectre.Console.Rendering;

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

    /// <summary>A width no console reaches: measuring or rendering with it wraps nothing.</summary>
    private const int Unbounded = 100_000;

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
    /// Writes <paramref name="table"/> as it is when it fits the console at its natural width (no cell wrapped), else
    /// its title as a line and each row as a record (<see cref="Write(IAnsiConsole, IReadOnlyList{string}, IEnumerable{IReadOnlyList{string}})"/>):
    /// Spectre squeezes a table that is too wide by wrapping inside cells, which splits words, dates and DOIs.
    /// A title wider than the table is written above it as a line of its own, for the same reason.
    /// </summary>
    public static void Write(IAnsiConsole console, Table table)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(table);
        var options = RenderOptions.Create(console, console.Profile.Capabilities);
        var natural = ((IRenderable)table).Measure(options, Unbounded).Max;
        var title = table.Title is { } t ? PlainText(new Markup(t.Text), options) : null;
        if (natural <= console.Profile.Width)
        {
            if (title is not null && Width(title) > natural)
            {
                ConsoleText.Line(console, table.Title!.Text);
                table.Title = null;
            }

            console.Write((IRenderable)table);
            return;
        }

        if (title is not null)
        {
            ConsoleText.Line(console, Markup.Escape(title + ":"));
        }

        var labels = table.Columns.Select(c => PlainText(c.Header, options)).ToList();
        Write(console, labels, table.Rows.Select(row =>
        {
            var cells = row.Select(cell => PlainText(cell, options)).ToList();

            // A bare number (an id, a step) says little as a heading on its own: "Step 3" does.
            if (cells.Count > 0 && !cells[0].Any(char.IsLetter))
            {
                cells[0] = $"{labels[0]} {cells[0]}";
            }

            return (IReadOnlyList<string>)cells;
        }));
    }

    /// <summary>The text a renderable shows, its lines joined by spaces, without styles.</summary>
    public static string PlainText(IRenderable renderable, RenderOptions options)
    {
        ArgumentNullException.ThrowIfNull(renderable);
        var text = new StringBuilder();
        foreach (var segment in renderable.Render(options, Unbounded))
        {
            text.Append(segment.IsLineBreak ? " " : segment.Text);
        }

        return text.ToString().Trim();
    }

    /// <summary>
    /// <paramref name="text"/> in lines of at most <paramref name="width"/> text elements, each starting with
    /// <paramref name="indent"/> (continuations with two more spaces), broken at spaces only.
    /// </summary>
    public static IReadOnlyList<string> Wrap(string text, int width, string indent) => Wrap(text, width, indent, indent + Indent);

    /// <summary>
    /// <paramref name="text"/> in lines of at most <paramref name="width"/> text elements, broken at spaces only: the first
    /// starts with <paramref name="indent"/>, the others with <paramref name="continuation"/>. A word wider than the line
    /// keeps a line of its own.
    /// </summary>
    public static IReadOnlyList<string> Wrap(string text, int width, string indent, string continuation)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(indent);
        ArgumentNullException.ThrowIfNull(continuation);
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
                line.Clear().Append(continuation);
                lineWidth = Width(continuation);
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
