using System.Globalization;
using System.Text.RegularExpressions;
using Xunit;

namespace Ldn.Cli.Tests;

/// <summary>
/// Issue 13, item 7, for every command that prints to the console: run as its own process at COLUMNS=80 and 60, each
/// line fits in that many text elements, and nothing of the wide output (COLUMNS=200) is split — every word, date,
/// time, DOI and URL of it appears whole. A table may become stacked records: its header words then appear as labels
/// or not at all, and a "–" placeholder is left out, so those are not required. Help is checked at 80 columns only.
/// </summary>
public sealed partial class NarrowConsoleTests(NarrowConsoleFixture fixture) : IClassFixture<NarrowConsoleFixture>
{
    /// <summary>Box-drawing characters of Spectre's rounded tables: layout, not words.</summary>
    private const string Borders = "│╭╮╰╯├┤┬┴┼─";

    public static TheoryData<string> Invocations => new()
    {
        "simulate --dose 4.5mg --count 3",
        "simulate --dose 4.5mg --count 3 --scenario A",
        "simulate --dose 4.5mg --count 2 --horizon 24h",
        "simulate --dose 4.5mg --count 3 --structure all",
        "dose-response --doses 1,4.5 --weeks 1",
        "dose-response --doses 4.5 --weeks 1 --sensitivity",
        "population --n 20 --weeks 1",
        "plan --protocol standard --start 2027-03-20 --tz Europe/Oslo",
        "plan --protocol fixed-4.5 --start 2011-12-29 --tz Pacific/Apia",
        "plan --protocol gentle --start 2026-12-01 --tz America/New_York --medication ibuprofen --thyroid-replacement --surgery 2027-01-10",
        "plan --protocol pediatric --start 2026-12-01 --weight 30kg --formulation liquid --concentration 1mg/mL --tz UTC",
        "compound liquid --tablet 50mg --volume 50mL --dose 1.5mg",
        "compound capsules --dose 4.5mg --count 30 --tablet 50mg",
        "compound drops --concentration 1mg/mL --drop 0.05mL --dose 1.5mg",
        "fit --structure B --bootstrap 5",
        "validate",
        "trial --preset smith-2011 --repetitions 2",
        "evidence",
        "evidence crohns",
        "evidence fibromyalgia",
        "evidence MS",
        "advise --state {state}",
        "journal show --db {db}",
        "journal show --db {db} --from 2026-01-01",
        "journal history --db {db}",
        "journal advise --db {db} --today 2026-12-01",
        "journal scale list --db {db}",
        "journal plan --db {db}",
        "report --db {db} --out {dir}/r.html --today 2026-12-01",
        "--help",
        "simulate --help",
        "dose-response --help",
        "population --help",
        "plan --help",
        "compound liquid --help",
        "fit --help",
        "trial --help",
        "evidence --help",
        "journal --help",
        "journal export --help",
        "report --help",
    };

    [Theory]
    [MemberData(nameof(Invocations))]
    public void Output_fits_the_columns_and_splits_nothing(string invocation)
    {
        var args = fixture.Resolve(invocation);
        var wide = RunPiped("200", args);
        var required = Words(wide).Except(HeaderWords(wide)).Except(Labels(wide)).Where(w => w != "–").ToHashSet(StringComparer.Ordinal);
        Assert.NotEmpty(required);

        // System.CommandLine's help splits a word longer than its description column, which at 60 columns is narrower
        // than a path such as data/parameters/naltrexone.yaml beside simulate's 43-character option names: help is held to 80.
        int[] widths = invocation.EndsWith("--help", StringComparison.Ordinal) ? [80] : [80, 60];
        foreach (var columns in widths)
        {
            var narrow = RunPiped(columns.ToString(CultureInfo.InvariantCulture), args);
            var lines = narrow.Split('\n');
            Assert.All(lines, l => Assert.True(new StringInfo(l.TrimEnd('\r')).LengthInTextElements <= columns, $"{columns} columns: '{l}'"));

            // A split word leaves its pieces behind (in the narrow output but not the wide one) and its whole missing.
            var present = Words(narrow).ToHashSet(StringComparer.Ordinal);
            Assert.Empty(required.Where(w => !present.Contains(w)).Select(w => $"{columns} columns: '{w}' missing"));
            var known = Words(wide).Concat(Labels(narrow)).ToHashSet(StringComparer.Ordinal);
            Assert.Empty(present.Where(w => !known.Contains(w)).Select(w => $"{columns} columns: '{w}' is a piece"));
            foreach (var whole in Unsplittable().Matches(wide).Select(m => m.Value).Distinct())
            {
                Assert.True(narrow.Contains(whole, StringComparison.Ordinal), $"{columns} columns: '{whole}' split");
            }
        }
    }

    [Fact]
    public void Analyse_prints_the_same_JSON_whatever_the_width()
    {
        // A JSON document is one line by design; width must not touch it.
        var args = fixture.Resolve("journal analyse --db {db} --today 2026-12-01");
        var wide = Now().Replace(RunPiped("200", args), string.Empty);
        Assert.StartsWith("{", wide, StringComparison.Ordinal);
        Assert.Equal(wide, Now().Replace(RunPiped("60", args), string.Empty));
    }

    /// <summary>Whitespace-separated tokens, table borders taken for spaces and a trailing colon (a label's) dropped.</summary>
    private static IEnumerable<string> Words(string text) =>
        new string(text.Select(c => Borders.Contains(c, StringComparison.Ordinal) ? ' ' : c).ToArray())
            .Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)
            .Select(w => w.TrimEnd(':'))
            .Where(w => w.Length > 0);

    /// <summary>The words of table headers: the lines between a table's top border and the rule under its header.</summary>
    private static HashSet<string> HeaderWords(string text)
    {
        var words = new HashSet<string>(StringComparer.Ordinal);
        var inHeader = false;
        foreach (var line in text.Split('\n').Select(l => l.Trim()))
        {
            if (line.StartsWith('╭'))
            {
                inHeader = true;
            }
            else if (line.StartsWith('├') || line.StartsWith('╰'))
            {
                inHeader = false;
            }
            else if (inHeader)
            {
                words.UnionWith(Words(line));
            }
        }

        return words;
    }

    /// <summary>Words of the labels a stacked record starts its lines with ("  Compared with: …", "Step 3").</summary>
    private static IEnumerable<string> Labels(string text) =>
        Label().Matches(text).SelectMany(m => Words(m.Groups[1].Value));

    [GeneratedRegex(@"^\s*([^\s:][^:\n]{0,30}):\s", RegexOptions.Multiline)]
    private static partial Regex Label();

    /// <summary>The clock reading of the analysis, which differs from run to run.</summary>
    [GeneratedRegex(@"""now"":""[^""]*""")]
    private static partial Regex Now();

    /// <summary>Dates, clock times, DOIs and URLs.</summary>
    [GeneratedRegex(@"\d{4}-\d{2}-\d{2}|\b\d{1,2}:\d{2}\b|10\.\d{4,9}/[^\s;,\]]+|https?://[^\s)]+")]
    private static partial Regex Unsplittable();
}
