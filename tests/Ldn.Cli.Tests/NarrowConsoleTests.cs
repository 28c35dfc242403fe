using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Ldn.Cli.Output;
using Spectre.Console;
using Xunit;

namespace Ldn.Cli.Tests;

/// <summary>
/// Issue 13, item 7: at 80 columns `ldn evidence crohns` was 222 lines of words split mid-word, and piped output
/// ignored COLUMNS. The command runs as its own process here, so COLUMNS reaches it as it does from a shell.
/// </summary>
public sealed partial class NarrowConsoleTests
{
    [Theory]
    [InlineData("80", 80)]
    [InlineData("100", 100)]
    [InlineData("", 160)]
    [InlineData("abc", 160)]
    [InlineData("5", 160)]
    [InlineData("-80", 160)]
    public void Piped_width_follows_COLUMNS_when_it_is_sensible(string columns, int expected) =>
        Assert.Equal(expected, ConsoleFactory.PipedWidth(columns));

    [Theory]
    [InlineData("The result: 88% vs 40% (p=0.009) on 2011-03-08; doi:10.1007/s10620-011-1653-7 and more words here", 30)]
    [InlineData("Ünïcödé wörds with é (e + combining accent) and 漢字 and emoji 👩‍⚕️ stay whole", 20)]
    [InlineData("averyveryveryverylongtokenwithoutanyspacesatall short", 10)]
    public void Wrapping_breaks_at_spaces_only_and_keeps_every_word_whole(string text, int width)
    {
        var lines = StackedRecords.Wrap(text, width, "  ");
        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(words, lines.SelectMany(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries)));
        Assert.All(lines, l => Assert.True(
            StackedRecords.Width(l) <= width || !l.Trim().Contains(' ', StringComparison.Ordinal),
            $"'{l}' is wider than {width} though it could break"));
    }

    [Theory]
    [InlineData(80, true)]
    [InlineData(40, false)]
    public void A_table_is_drawn_only_when_it_fits_and_else_stacked(int width, bool drawn)
    {
        string[] row = ["3", "2027-04-17", "doi:10.1016/S2665-9913(23)00278-3", "fits (calibrated)"];
        using var writer = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
        });
        console.Profile.Width = width;
        var table = new Table().Title("Steps").AddColumns("Step", "From", "Citation", "Result");
        table.AddRow(row);
        StackedRecords.Write(console, table);

        var lines = writer.ToString().Split(Environment.NewLine);
        Assert.All(lines, l => Assert.True(StackedRecords.Width(l) <= width, l));
        Assert.Equal(drawn, lines.Any(l => l.Contains('│', StringComparison.Ordinal)));
        Assert.All(row.Skip(1), cell => Assert.Contains(lines, l => l.Contains(cell, StringComparison.Ordinal)));
        if (!drawn)
        {
            // A bare number heads its record with its column's name.
            Assert.Equal(["Steps:", "Step 3", "  From: 2027-04-17"], lines.Take(3));
        }
    }

    [Fact]
    public void Evidence_at_80_columns_fits_and_splits_no_word()
    {
        var output = RunPiped("80", "evidence", "crohns");
        var lines = output.Split('\n');
        Assert.All(lines, l => Assert.True(new StringInfo(l.TrimEnd('\r')).LengthInTextElements <= 80, $"{l.Length}: {l}"));
        Assert.True(lines.Length < 150, $"{lines.Length} lines");

        // Every DOI of the condition's studies (from the JSON, which no layout touches) is whole on one line.
        var json = RunPiped("80", "evidence", "crohns", "--json");
        var dois = Doi().Matches(json).Select(m => m.Value).Distinct().ToList();
        Assert.NotEmpty(dois);
        foreach (var doi in dois)
        {
            Assert.Contains(lines, l => l.Contains(doi, StringComparison.Ordinal));
        }
    }

    private static string RunPiped(string columns, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(typeof(LdnApp).Assembly.Location);
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }

        start.Environment["COLUMNS"] = columns;
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, stderr.Result);
        return stdout.Result;
    }

    [GeneratedRegex(@"10\.\d{4,9}/[^\s;,""]+")]
    private static partial Regex Doi();
}
