using Spectre.Console;
using Spectre.Console.Rendering;

namespace Ldn.Cli.Output;

/// <summary>
/// Lines of prose on the console (issue 13, item 7): a line that fits is written as it is, styles and all; a longer one
/// is wrapped at spaces only (<see cref="StackedRecords.Wrap(string, int, string, string)"/>), continuing under its
/// own indentation, so no word, date, DOI or URL is split, as Spectre's own wrapping does at a bracket or a hyphen.
/// Widths count text elements, not bytes.
/// </summary>
internal static class ConsoleText
{
    /// <summary>Writes <paramref name="markup"/> (Spectre markup) as one line, or wrapped without its styles when it is wider than the console.</summary>
    public static void Line(IAnsiConsole console, string markup)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(markup);
        var plain = StackedRecords.PlainText(new Markup(markup), RenderOptions.Create(console, console.Profile.Capabilities));
        var width = console.Profile.Width;
        if (StackedRecords.Width(plain) <= width)
        {
            console.MarkupLine(markup);
            return;
        }

        // Rendered text has lost its leading spaces (Trim), so take them, and a bullet after them, from the markup.
        var lead = markup.Length - markup.TrimStart(' ').Length;
        var indent = new string(' ', lead);
        var body = plain;
        if (body.StartsWith("• ", StringComparison.Ordinal))
        {
            indent += "• ";
            body = body[2..];
        }

        var writer = console.Profile.Out.Writer;
        foreach (var line in StackedRecords.Wrap(body, width, indent, new string(' ', StackedRecords.Width(indent))))
        {
            writer.WriteLine(line);
        }
    }

    /// <summary>Writes plain <paramref name="text"/> to <paramref name="writer"/>, wrapped at spaces to the width its console would have.</summary>
    public static void Line(TextWriter writer, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        Line(ConsoleFactory.For(writer), Markup.Escape(text));
    }
}
