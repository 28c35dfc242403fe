using Ldn.Cli.Tests.Corpus;
using Xunit;

namespace Ldn.Cli.Tests;

/// <summary>
/// The journal's half of the bad-input corpus (<see cref="RefusalCorpusTests"/> has the other commands): a class
/// of its own, so the two halves run in parallel.
/// </summary>
public sealed class JournalRefusalCorpusTests
{
    public static TheoryData<string> Cases() => CorpusCases.Ids(journal: true);

    [Theory]
    [MemberData(nameof(Cases))]
    public void Every_case_ends_in_its_declared_verdict(string id) => RefusalCorpusTests.Verify(id);
}
