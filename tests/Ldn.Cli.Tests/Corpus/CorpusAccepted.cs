namespace Ldn.Cli.Tests.Corpus;

/// <summary>
/// The value kinds an option accepts as meaningful (exit 0); every other kind must be refused. Declared, not
/// observed: a kind that starts to pass quietly where a refusal is declared fails the corpus.
/// </summary>
internal static class CorpusAccepted
{
    private static readonly Dictionary<string, string[]> Accepted = new(StringComparer.Ordinal)
    {
    };

    public static CorpusVerdict Verdict(string commandAndTarget, string kind) =>
        Accepted.TryGetValue(commandAndTarget, out var kinds) && kinds.Contains(kind) ? CorpusVerdict.Valid : CorpusVerdict.Refusal;
}
