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
            // A file or pipe has no width; 80 columns would fold the validation table into slivers.
            console.Profile.Width = 160;
        }

        return console;
    }
}
