using Xunit;

namespace Ldn.Cli.Tests.Corpus;

/// <summary>
/// Builds the corpus: for every leaf command's base run (<see cref="CorpusCommands.Bases"/>) and every option and
/// argument the command tree has, each nonsense value; for file options, each nonsense file; for <c>--db</c>, the
/// connection texts with a password. Verdicts: files by kind (<see cref="CorpusNonsense"/>), values by
/// <see cref="CorpusAccepted"/> (a refusal unless declared there).
/// </summary>
internal static class CorpusCases
{
    /// <summary>Options whose value is a name or, ending in .yaml, a file: their value nonsense is a name, not a path.</summary>
    private static readonly HashSet<string> NameOrFile = ["simulate --condition", "dose-response --condition", "population --condition", "plan --protocol"];

    /// <summary>
    /// The journal commands whose <c>--db</c> gets every value kind: one of each way a journal is opened (read,
    /// recorded into, created, imported into, backed up, reported). The others share that code (the recursive option
    /// and <c>JournalContext.Open</c>) and get <see cref="DbSample"/> and the connection texts, to keep the corpus's time.
    /// </summary>
    public static readonly HashSet<string> DbEveryKind = ["journal show", "journal dose", "journal init", "journal import", "journal backup", "journal demo", "report"];

    /// <summary>The value kinds every other journal command's <c>--db</c> gets.</summary>
    public static readonly HashSet<string> DbSample = ["empty", "blank", "word", "control", "nul", "bidi", "20000-chars"];

    public static IReadOnlyList<CorpusCase> All { get; } = Build();

    /// <summary>The ids of the journal's cases (<paramref name="journal"/> true) or of the other commands', for the two halves that run in parallel.</summary>
    public static TheoryData<string> Ids(bool journal) => [.. All.Where(c => c.Command.StartsWith("journal ", StringComparison.Ordinal) == journal).Select(c => c.Id)];

    public static IReadOnlyDictionary<string, CorpusCase> ById { get; } = All.ToDictionary(c => c.Id, StringComparer.Ordinal);

    private static List<CorpusCase> Build()
    {
        var cases = new List<CorpusCase>();
        var tree = CorpusTree.Leaves();
        foreach (var (command, slots) in CorpusCommands.Bases)
        {
            var targets = tree.TryGetValue(command, out var t) ? t : throw new InvalidOperationException($"'{command}' is not a command of ldn.");
            foreach (var target in targets)
            {
                var file = CorpusCommands.Files.FirstOrDefault(f => f.Command == command && f.Target == target);
                var key = $"{command} {target}";
                var asPath = file.Command is not null && !NameOrFile.Contains(key) || target == "--db";
                var output = file.Command is not null && !file.Input;
                foreach (var (kind, value) in CorpusNonsense.Values.Where(v => target != "--db" || DbEveryKind.Contains(command) || DbSample.Contains(v.Kind)))
                {
                    var verdict = CorpusAccepted.Verdict(key, kind, output);
                    if (target == "--pdf" && verdict == CorpusVerdict.Valid)
                    {
                        // A PDF that should be written needs Chromium and seconds per case; ReportPdfTests prints real ones.
                        continue;
                    }

                    // A file option's nonsense names a file in the case's own folder, so nothing lands in the working folder.
                    var text = asPath && value.Length > 0 ? "{out}/" + value : value;
                    cases.Add(Case(command, slots, target, kind, text, [], verdict));
                }

                if (target == "--db")
                {
                    foreach (var (kind, value) in CorpusNonsense.Connections)
                    {
                        cases.Add(Case(command, slots, target, kind, value, [], CorpusVerdict.Refusal));
                    }
                }

                if (file.Command is not null)
                {
                    cases.AddRange(FileCases(command, slots, file));
                }
            }
        }

        return cases;
    }

    private static IEnumerable<CorpusCase> FileCases(string command, (string Target, string? Value)[] slots, (string Command, string Target, bool Input, string Sample, string[] Drop) file)
    {
        var ext = Path.GetExtension(file.Sample);
        var journal = slots.Any(s => s.Target == "--db" && s.Value == "{journal}");
        foreach (var (kind, pattern, declared) in file.Input ? CorpusNonsense.Inputs : CorpusNonsense.Outputs)
        {
            var verdict = declared;
            // A PDF that should be written needs Chromium and seconds per case; ReportPdfTests prints real ones.
            if (file.Target == "--pdf" && verdict == CorpusVerdict.Valid)
            {
                continue;
            }

            string[] extra = [];
            var input = "{journal}";
            if (kind == "names-an-input" && !journal)
            {
                // A command without a journal is given an input file, and the output names it.
                (var option, input) = command == "plan" ? ("--protocol", "{ws}/protocol.yaml") : ("--params", "{ws}/params.yaml");
                extra = command == "plan" ? ["--weight"] : [];
                var withInput = slots.Where(s => s.Target != option).Append((option, (string?)input)).ToArray();
                var path = pattern.Replace("{input}", input, StringComparison.Ordinal);
                yield return Case(command, withInput, file.Target, kind, path, [.. file.Drop, .. extra], verdict);
                continue;
            }

            if (kind == "existing-50-MB" && command == "journal backup")
            {
                // A backup never overwrites a file.
                verdict = CorpusVerdict.Refusal;
            }

            var value = pattern.Replace("{ext}", ext, StringComparison.Ordinal).Replace("{sample}", file.Sample, StringComparison.Ordinal).Replace("{input}", input, StringComparison.Ordinal);
            yield return Case(command, slots, file.Target, kind, value, file.Drop, verdict);
        }
    }

    private static CorpusCase Case(string command, (string Target, string? Value)[] slots, string target, string kind, string value, string[] drop, CorpusVerdict verdict)
    {
        var args = new List<string>(command.Split(' '));
        var kept = slots.Where(s => !drop.Contains(s.Target)).ToList();
        if (!kept.Any(s => s.Target == target))
        {
            kept.Add((target, value));
        }

        // Arguments first, in order, then options; the slot under test carries the nonsense.
        foreach (var (name, v) in kept.Where(s => s.Target.StartsWith('<')))
        {
            args.Add(name == target ? value : v!);
        }

        foreach (var (name, v) in kept.Where(s => !s.Target.StartsWith('<')))
        {
            args.Add(name);
            if (name == target)
            {
                args.Add(value);
            }
            else if (v is not null)
            {
                args.Add(v);
            }
        }

        return new CorpusCase(command, target, kind, args, verdict);
    }
}
