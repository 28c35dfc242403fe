using Ldn.Core.Text;
using Ldn.Core.Evidence;
using Xunit;

namespace Ldn.Core.Tests.Evidence;

public sealed class EvidenceMatchingTests
{
    [Theory]
    [InlineData("crohns", "crohns-disease")]
    [InlineData("Crohn's", "crohns-disease")]
    [InlineData("CD", "crohns-disease")]
    [InlineData("crohns_disease", "crohns-disease")]
    [InlineData("MS", "multiple-sclerosis")]
    [InlineData("FM", "fibromyalgia")]
    [InlineData("Fibromyalgia", "fibromyalgia")]
    [InlineData("post-covid", "long-covid")]
    [InlineData("CFS", "me-cfs")]
    [InlineData("Chronic Fatigue Syndrome", "me-cfs")]
    [InlineData("lupus", "systemic-lupus-erythematosus")]
    [InlineData("SLE", "systemic-lupus-erythematosus")]
    [InlineData("Hashimoto's", "hashimotos-thyroiditis")]
    [InlineData("sjögren's", "sjogrens-syndrome")]
    public void Names_match_ids_names_and_aliases_ignoring_case_and_punctuation(string name, string id) =>
        Assert.Equal(id, EvidenceCatalog.Find(name).Id);

    [Theory]
    [InlineData("fibromyalga", "did you mean fibromyalgia?")]
    [InlineData("crohn disease", "did you mean crohns-disease?")]
    [InlineData("sarcoid0sis", "did you mean sarcoidosis?")]
    public void Near_misses_suggest_the_closest_condition(string name, string expected)
    {
        var e = Assert.Throws<InvalidInputException>(() => EvidenceCatalog.Find(name));
        Assert.Equal($"Unknown condition '{name}'; {expected}", e.Message);
    }

    [Fact]
    public void A_name_close_to_nothing_lists_the_known_conditions()
    {
        var e = Assert.Throws<InvalidInputException>(() => EvidenceCatalog.Find("xyz"));
        Assert.StartsWith("Unknown condition 'xyz'; known conditions: ankylosing-spondylitis, ", e.Message, StringComparison.Ordinal);
        Assert.Throws<InvalidInputException>(() => EvidenceCatalog.Find("  "));
    }

    [Theory]
    [InlineData("", "", 0)]
    [InlineData("abc", "", 3)]
    [InlineData("kitten", "sitting", 3)]
    [InlineData("fibromyalga", "fibromyalgia", 1)]
    public void Edit_distance_is_levenshtein(string a, string b, int expected)
    {
        Assert.Equal(expected, NameMatch.Distance(a, b));
        Assert.Equal(expected, NameMatch.Distance(b, a));
    }

    [Fact]
    public void Unknown_side_effects_suggest_the_closest_kind()
    {
        var e = Assert.Throws<InvalidInputException>(() => EvidenceCatalog.FindSideEffect("nausia"));
        Assert.Equal("Unknown side effect 'nausia'; did you mean nausea?", e.Message);
    }
}
