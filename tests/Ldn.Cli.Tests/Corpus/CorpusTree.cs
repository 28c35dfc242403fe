using System.CommandLine;

namespace Ldn.Cli.Tests.Corpus;

/// <summary>The command tree of <c>ldn</c>, walked: every command that runs, with its options (the journal's recursive <c>--db</c> included) and arguments.</summary>
internal static class CorpusTree
{
    /// <summary>Command path (e.g. "journal edit dose") → its targets: "--option" names and "&lt;ARGUMENT&gt;" names, help left out.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> Leaves()
    {
        var root = LdnApp.Root(TextWriter.Null, TextWriter.Null);
        var leaves = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        Walk(root, [], [], leaves);
        return leaves;
    }

    private static void Walk(Command command, List<string> path, List<Option> inherited, Dictionary<string, IReadOnlyList<string>> leaves)
    {
        var recursive = inherited.Concat(command.Options.Where(o => o.Recursive)).ToList();
        if (command.Action is not null && path.Count > 0)
        {
            var options = command.Options.Concat(inherited).Where(o => o is not System.CommandLine.Help.HelpOption and not VersionOption && !o.Hidden);
            leaves[string.Join(' ', path)] = [.. command.Arguments.Select(a => $"<{a.Name}>"), .. options.Select(o => o.Name).Distinct()];
        }

        foreach (var sub in command.Subcommands)
        {
            Walk(sub, [.. path, sub.Name], recursive, leaves);
        }
    }
}
