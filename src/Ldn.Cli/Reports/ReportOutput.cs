using System.CommandLine;
using Ldn.Cli.Output;
using Ldn.Core;
using Ldn.Reports.Research;

namespace Ldn.Cli.Reports;

/// <summary>
/// The <c>--report FILE.html</c> option of the research commands (population, dose-response, trial, validate,
/// fit): the option itself, the early check of the path (its folder exists, it is not a folder, and it is none of
/// the command's input files, which the report would overwrite), the command line for the footer, and the
/// atomic write through <see cref="SafeFile"/>.
/// </summary>
internal static class ReportOutput
{
    public static Option<string?> Option() =>
        new("--report") { Description = "Also write a self-contained HTML report with charts to this file." };

    /// <summary>
    /// The report path given with <paramref name="option"/> after checking it (before the long work, so a typo fails
    /// at once), or null without the option.
    /// </summary>
    /// <exception cref="InvalidInputException">The path is unusable or names one of <paramref name="inputs"/>.</exception>
    public static string? Check(ParseResult parse, Option<string?> option, params string?[] inputs)
    {
        ArgumentNullException.ThrowIfNull(parse);
        if (parse.GetValue(option) is not { } path)
        {
            return null;
        }

        SafeFile.Check(path, inputs);
        return path;
    }

    /// <summary>The command as typed, for the report's footer: <c>ldn</c> and the tokens, quoted where they hold a space.</summary>
    public static string CommandLine(ParseResult parse)
    {
        ArgumentNullException.ThrowIfNull(parse);
        return "ldn " + string.Join(' ', parse.Tokens.Select(t => t.Value.Contains(' ', StringComparison.Ordinal) ? "\"" + t.Value + "\"" : t.Value));
    }

    /// <summary>Renders <paramref name="report"/> and writes it to <paramref name="path"/> (complete or not at all), with one line on <paramref name="notes"/>.</summary>
    public static void Write(string path, ResearchReport report, ReportGeneration generation, TextWriter notes)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(notes);
        var html = report.Render(generation, DateTimeOffset.Now);
        SafeFile.Write(path, writer => writer.Write(html));
        notes.WriteLine($"Wrote the report to {path}.");
    }
}
