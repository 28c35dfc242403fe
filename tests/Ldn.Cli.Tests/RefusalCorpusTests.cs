using System.Text.RegularExpressions;
using Ldn.Cli.Tests.Corpus;
using Xunit;
using Xunit.Abstractions;

namespace Ldn.Cli.Tests;

/// <summary>
/// Issue 13, item 3: the bad-input corpus over every command, option and argument of <c>ldn</c> (<see cref="CorpusCases"/>).
/// Each case declares its verdict: a refusal must exit 2 with one sentence on one line, a valid run must exit 0;
/// neither may exit 1, show a .NET type name or a stack frame, or print a password.
/// </summary>
public sealed partial class RefusalCorpusTests(ITestOutputHelper output)
{
    private static readonly Lock RecordLock = new();

    public static TheoryData<string> Cases() => CorpusCases.Ids(journal: false);

    [Theory]
    [MemberData(nameof(Cases))]
    public void Every_case_ends_in_its_declared_verdict(string id) => Verify(id);

    /// <summary>Runs the case and checks it against its declared verdict (shared with <see cref="JournalRefusalCorpusTests"/>).</summary>
    internal static void Verify(string id)
    {
        var corpusCase = CorpusCases.ById[id];
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var (code, stdout, stderr) = CorpusRunner.Run(corpusCase);
        Record(id, code, clock.ElapsedMilliseconds, stderr);
        Assert.True(code is 0 or 2, $"exit {code}: {stderr}");
        Assert.DoesNotContain(CorpusNonsense.Secret, stdout + stderr, StringComparison.Ordinal);
        Assert.DoesNotMatch(TypeNames(), stderr);
        if (corpusCase.Expected == CorpusVerdict.Valid)
        {
            Assert.True(code == 0, $"declared valid, but exit {code}: {stderr}");
            return;
        }

        Assert.True(code == 2, $"declared a refusal, but exit {code} (stdout: {Cut(stdout)})");
        var sentence = stderr.TrimEnd('\n', '\r');
        Assert.False(string.IsNullOrWhiteSpace(sentence), "a refusal says why");
        Assert.DoesNotContain('\n', sentence);
        Assert.DoesNotContain("Internal error", sentence, StringComparison.Ordinal);
        Assert.DoesNotMatch(LongDigits(), sentence);
        Assert.True(sentence.Length <= 600, $"{sentence.Length} characters: {Cut(sentence)}");
        Assert.Matches(EndsAsSentence(), sentence);
    }

    [Fact]
    public void The_corpus_reaches_every_command_option_and_argument()
    {
        var leaves = CorpusTree.Leaves();
        var kinds = CorpusCases.All.ToLookup(c => $"{c.Command} {c.Target}", c => c.Kind);
        // Every value kind reaches every target; only a PDF that would be written (Chromium, seconds each) is left to ReportPdfTests.
        var missing = leaves
            .SelectMany(leaf => leaf.Value.Select(target => $"{leaf.Key} {target}"))
            .Where(target => kinds[target].Intersect(CorpusNonsense.Values.Select(v => v.Kind)).Count() < Expected(target))
            .ToList();
        Assert.True(missing.Count == 0, "not in the corpus: " + string.Join(", ", missing));
        Assert.Equal(leaves.Keys.Order(StringComparer.Ordinal), CorpusCommands.Bases.Select(b => b.Command).Order(StringComparer.Ordinal));
    }

    private static int Expected(string target) => target switch
    {
        "report --pdf" => 1,
        _ when target.EndsWith(" --db", StringComparison.Ordinal) && !CorpusCases.DbEveryKind.Contains(target[..^5]) => CorpusCases.DbSample.Count,
        _ => CorpusNonsense.Values.Count,
    };

    /// <summary>The figures the docs give (docs/robustness.md): cases, refusals and valid runs, by command.</summary>
    [Fact]
    public void Summary()
    {
        var rows = CorpusCases.All.GroupBy(c => c.Command.Split(' ') is ["journal", var sub, ..] ? "journal " + sub : c.Command.Split(' ')[0])
            .Select(g => (Command: g.Key, Cases: g.Count(), Refusals: g.Count(c => c.Expected == CorpusVerdict.Refusal), Targets: g.Select(c => c.Command + c.Target).Distinct().Count()))
            .OrderBy(r => r.Command, StringComparer.Ordinal)
            .ToList();
        var total = (Cases: rows.Sum(r => r.Cases), Refusals: rows.Sum(r => r.Refusals), Targets: rows.Sum(r => r.Targets));
        var lines = new List<string> { "| command | options and arguments | cases | refusals (exit 2) | valid runs (exit 0) |", "|---|---:|---:|---:|---:|" };
        lines.AddRange(rows.Select(r => $"| {r.Command} | {r.Targets} | {r.Cases:N0} | {r.Refusals:N0} | {r.Cases - r.Refusals:N0} |"));
        lines.Add($"| **all** | {total.Targets} | {total.Cases:N0} | {total.Refusals:N0} | {total.Cases - total.Refusals:N0} |");
        foreach (var line in lines)
        {
            output.WriteLine(line);
        }

        File.WriteAllLines(Path.Combine(AppContext.BaseDirectory, "refusal-corpus-summary.md"), lines);
        Assert.True(total.Cases >= 300, $"{total.Cases} cases");
        Assert.InRange(total.Refusals, 1, total.Cases - 1);
    }

    /// <summary>With LDN_CORPUS_RECORD=FILE, every outcome is appended to FILE (id, exit code, stderr) for review.</summary>
    private static void Record(string id, int code, long milliseconds, string stderr)
    {
        if (Environment.GetEnvironmentVariable("LDN_CORPUS_RECORD") is { Length: > 0 } file)
        {
            lock (RecordLock)
            {
                File.AppendAllText(file, $"{id}\t{code}\t{milliseconds}\t{Cut(stderr.ReplaceLineEndings(" | "))}\n");
            }
        }
    }

    private static string Cut(string text) => text.Length <= 300 ? text : text[..300] + "…";

    // .NET type names (System.X, generic arity, assembly qualifiers, Ldn.X.Y but not a folder such as tests/Ldn.Cli.Tests/), exception names and stack frames.
    [GeneratedRegex(@"System\.[A-Z]|PublicKeyToken|`1|(?<![/\\\w])Ldn\.[A-Z]\w*\.[A-Z]\w*(?![\w/\\])|Exception\b|^\s+at |\n\s+at ")]
    private static partial Regex TypeNames();

    [GeneratedRegex(@"\d{38,}")]
    private static partial Regex LongDigits();

    [GeneratedRegex(@"[.)?!»”""']$")]
    private static partial Regex EndsAsSentence();
}
