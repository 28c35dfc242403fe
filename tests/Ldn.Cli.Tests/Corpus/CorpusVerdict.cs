namespace Ldn.Cli.Tests.Corpus;

/// <summary>What a corpus case must end in: a one-sentence refusal (exit 2) or a valid run (exit 0). Exit 1 is never right.</summary>
public enum CorpusVerdict
{
    /// <summary>Exit 2 with one sentence on one line of stderr.</summary>
    Refusal,

    /// <summary>Exit 0: the value is odd but means something, and the command did its work.</summary>
    Valid,
}
