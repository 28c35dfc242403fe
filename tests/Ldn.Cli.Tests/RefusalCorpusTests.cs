using System.Text.RegularExpressions;
using Xunit;

namespace Ldn.Cli.Tests;

/// <summary>
/// Issue 13, item 3: the bad-input corpus. Every option of every command that takes a value is given each kind of
/// nonsense a careless or hostile user types; whatever the command does, it must never fail as a bug (exit 1), and
/// every refusal must be one sentence on one line (exit 2) with no .NET type name, no stack and no 309-digit echo.
/// Each command runs with cheap settings so the corpus stays small in time, not in reach.
/// </summary>
public sealed partial class RefusalCorpusTests
{
    private static readonly string Folder = Directory.CreateTempSubdirectory("ldn-corpus-").FullName;

    /// <summary>Each command with the values that keep a valid run cheap; the option under test replaces its own.</summary>
    private static readonly (string[] Command, (string Option, string Value)[] Base)[] Commands =
    [
        (["simulate"], [("--dose", "4.5mg"), ("--count", "3"), ("--at", "22:00"), ("--every", "24h"), ("--horizon", "3d"), ("--formulation", "capsule"), ("--scenario", "B"), ("--output-step", "6h"), ("--condition", "generic")]),
        (["dose-response"], [("--doses", "1mg,4.5mg"), ("--weeks", "1"), ("--at", "22:00"), ("--formulation", "capsule"), ("--structure", "A")]),
        (["population"], [("--n", "20"), ("--weeks", "1"), ("--dose", "4.5mg"), ("--seed", "1"), ("--at", "22:00"), ("--scenario", "B"), ("--output-step", "24h"), ("--threads", "1")]),
        (["plan"], [("--protocol", "standard"), ("--start", "2026-12-01"), ("--at", "22:00"), ("--tz", "Europe/Oslo"), ("--formulation", "capsule"), ("--weight", "70kg")]),
        (["compound", "liquid"], [("--tablet", "50mg"), ("--volume", "50mL"), ("--dose", "1.5mg"), ("--syringe", "1mL")]),
        (["fit"], [("--structure", "A"), ("--bootstrap", "0"), ("--max-iterations", "50"), ("--seed", "1"), ("--threads", "1")]),
        (["validate"], [("--structure", "A")]),
        (["trial"], [("--preset", "younger-2013"), ("--repetitions", "2"), ("--seed", "1")]),
    ];

    /// <summary>The kinds of nonsense (issue 13): empty, signs, units of another kind, impossible clock times, overflow, non-numbers, control and bidi characters, huge text.</summary>
    private static readonly string[] Nonsense =
    [
        "", " ", "-1", "-4.5mg", "0", "abc", "4.5kg", "25:00", "24:60", "1e308", "-1e308", "1e-320", "NaN", "Infinity",
        "99999999999999999999999", "4,5", "4.5.5mg", "mg", "\u0001", "4.5mg\u0000", "\u202e5.4mg", "漢字", "2026-02-30", "9999-12-31",
        "1899-12-31", "Mars/Olympus", new string('9', 400), new string('x', 20_000),
    ];

    public static TheoryData<string[]> Cases()
    {
        var data = new TheoryData<string[]>();
        foreach (var (command, baseOptions) in Commands)
        {
            foreach (var (option, _) in baseOptions)
            {
                foreach (var value in Nonsense)
                {
                    var args = new List<string>(command);
                    foreach (var (o, v) in baseOptions.Where(b => b.Option != option))
                    {
                        args.Add(o);
                        args.Add(v);
                    }

                    args.Add(option);
                    args.Add(value);
                    args.Add("--json");
                    data.Add([.. args]);
                }
            }
        }

        foreach (var value in Nonsense)
        {
            data.Add(["evidence", value]);
            data.Add(["journal", "dose", value, "--db", Path.Combine(Folder, "j.db"), "--yes"]);
            data.Add(["journal", "dose", "1.5mg", "--at", value, "--db", Path.Combine(Folder, "j.db"), "--yes"]);
            data.Add(["journal", "show", "--db", value]);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Nonsense_is_refused_in_one_clean_sentence_or_handled_never_a_bug(string[] args)
    {
        var (code, _, stderr) = CliRunner.Run(args);
        Assert.True(code is 0 or 2, $"exit {code}: {stderr}");
        if (code == 0)
        {
            return;
        }

        var sentence = stderr.TrimEnd('\n', '\r');
        Assert.False(string.IsNullOrWhiteSpace(sentence), "a refusal says why");
        Assert.DoesNotContain('\n', sentence);
        Assert.DoesNotMatch(TypeNames(), sentence);
        Assert.DoesNotContain("Internal error", sentence, StringComparison.Ordinal);
        Assert.DoesNotMatch(LongDigits(), sentence);
        Assert.True(sentence.Length <= 600, $"{sentence.Length} characters: {sentence[..Math.Min(200, sentence.Length)]}…");
        Assert.Matches(EndsAsSentence(), sentence);
    }

    [GeneratedRegex(@"System\.[A-Z]|PublicKeyToken|`1|\bat Ldn\.|Exception\b")]
    private static partial Regex TypeNames();

    [GeneratedRegex(@"\d{38,}")]
    private static partial Regex LongDigits();

    [GeneratedRegex(@"[.)?!»”""']$")]
    private static partial Regex EndsAsSentence();
}
