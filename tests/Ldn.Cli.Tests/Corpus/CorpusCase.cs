namespace Ldn.Cli.Tests.Corpus;

/// <summary>
/// One bad-input case: <paramref name="Command"/> (e.g. "journal edit dose") run with <paramref name="Target"/>
/// (an option such as "--at", or an argument such as "&lt;ID&gt;") given the nonsense named <paramref name="Kind"/>.
/// <paramref name="Args"/> may hold placeholders the runner fills per case: <c>{journal}</c> (a fresh copy of the
/// template journal), <c>{newjournal}</c> (a journal file not yet created), <c>{ws}</c> (the shared workspace
/// with the sample and nonsense files) and <c>{out}</c> (a fresh empty folder of this case).
/// </summary>
public sealed record CorpusCase(string Command, string Target, string Kind, IReadOnlyList<string> Args, CorpusVerdict Expected)
{
    /// <summary>The case's name in test output: command, target and kind, e.g. "simulate --dose 1e308".</summary>
    public string Id => $"{Command} {Target} {Kind}";
}
