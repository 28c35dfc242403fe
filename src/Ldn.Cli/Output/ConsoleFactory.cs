using Spectre.Console;

namespace Ldn.Cli.Output;

/// <summary>
/// A Spectre console on a given writer: colours and ANSI codes only when it is the real terminal, so
/// redirected output and tests get plain text.
/// </summary>
internal static class ConsoleFactory
{
    public static IAnsiConsole For(TextWriter writer)
    {
        var terminal = writer == Console.Out && !Console.IsOutputRedirected;
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = terminal ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = terminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
        });
        if (!terminal)
        {
            // A file or pipe has no width of its own: COLUMNS says what the reader's terminal holds (issue 13,
            // `ldn evidence crohns | less` at 80 columns); without it, 160, as 80 would fold the validation table into slivers.
            console.Profile.Width = PipedWidth(Environment.GetEnvironmentVariable("COLUMNS"));
        }

        return console;
    }

    /// <summary>The width for output that is not a terminal: COLUMNS when it is a whole number from 20 to 1000, else 160.</summary>
    internal static int PipedWidth(string? columns) =>
        int.TryParse(columns, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var width) && width is >= 20 and <= 1000
            ? width
            : 160;
}
