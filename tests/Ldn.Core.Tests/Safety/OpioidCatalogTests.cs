using Ldn.Core.Safety;
using Xunit;

namespace Ldn.Core.Tests.Safety;

public sealed class OpioidCatalogTests
{
    [Theory]
    [InlineData("Tramadol 50 mg", "tramadol")]
    [InlineData("tramadol50mg", "tramadol")]
    [InlineData("ULTRAM", "tramadol")]
    [InlineData("Zydol SR 100", "tramadol")]
    [InlineData("OxyContin", "oxycodone")]
    [InlineData("oxycontin 10mg twice daily", "oxycodone")]
    [InlineData("Percocet 5/325", "oxycodone")]
    [InlineData("co-codamol 30/500", "codeine")]
    [InlineData("Co Codamol", "codeine")]
    [InlineData("cocodamol 8/500mg", "codeine")]
    [InlineData("Tylenol #3", "codeine")]
    [InlineData("Tylenol 3", "codeine")]
    [InlineData("Tylenol with codeine", "codeine")]
    [InlineData("codeine linctus 15mg/5ml", "codeine")]
    [InlineData("Vicodin", "hydrocodone")]
    [InlineData("Norco 10-325", "hydrocodone")]
    [InlineData("MS Contin 30", "morphine")]
    [InlineData("MSContin", "morphine")]
    [InlineData("Oramorph 10mg/5ml", "morphine")]
    [InlineData("Dilaudid", "hydromorphone")]
    [InlineData("Durogesic 25 mcg/h patch", "fentanyl")]
    [InlineData("Actiq", "fentanyl")]
    [InlineData("Palexia", "tapentadol")]
    [InlineData("Nucynta ER", "tapentadol")]
    [InlineData("Methadose", "methadone")]
    [InlineData("Suboxone 8/2", "buprenorphine")]
    [InlineData("Butrans patch", "buprenorphine")]
    [InlineData("Sublocade", "buprenorphine")]
    [InlineData("Temgesic", "buprenorphine")]
    [InlineData("Opana", "oxymorphone")]
    [InlineData("Demerol", "pethidine")]
    [InlineData("meperidine", "pethidine")]
    [InlineData("DF118", "dihydrocodeine")]
    [InlineData("DF 118 Forte", "dihydrocodeine")]
    [InlineData("dihydrocodeine 30 mg", "dihydrocodeine")]
    [InlineData("levorphanol", "levorphanol")]
    [InlineData("propoxyphene", "dextropropoxyphene")]
    [InlineData("Imodium 2mg", "loperamide")]
    [InlineData("Lomotil", "diphenoxylate")]
    [InlineData("pholcodine linctus", "pholcodine")]
    [InlineData("Heroin", "diamorphine")]
    [InlineData("kratom", "mitragynine")]
    public void Generic_and_brand_names_match_ignoring_case_punctuation_and_dosage(string text, string expected) =>
        Assert.Equal(expected, OpioidCatalog.Match(text)?.Name);

    [Theory]
    [InlineData("naltrexone")]
    [InlineData("Low dose naltrexone 4.5 mg")]
    [InlineData("naloxone")]
    [InlineData("Narcan (naloxone)")]
    [InlineData("loratadine 10 mg")]
    [InlineData("methotrexate 15 mg weekly")]
    [InlineData("apomorphine")]
    [InlineData("dextromethorphan")]
    [InlineData("Tylenol 500 mg")]
    [InlineData("paracetamol")]
    [InlineData("ibuprofen")]
    [InlineData("levothyroxine")]
    [InlineData("mesalazine")]
    [InlineData("")]
    public void Non_opioids_do_not_match(string text) => Assert.Null(OpioidCatalog.Match(text));

    [Fact]
    public void Several_opioids_in_one_text_are_all_found() =>
        Assert.Equal(["tramadol", "codeine"], OpioidCatalog.MatchAll("tramadol and co-codamol").Select(o => o.Name));

    [Fact]
    public void The_list_holds_the_required_drugs_with_their_washouts()
    {
        Assert.True(OpioidCatalog.All.Count >= 30, $"only {OpioidCatalog.All.Count} opioids");
        foreach (var name in new[] { "tramadol", "codeine", "oxycodone", "hydrocodone", "morphine", "hydromorphone", "fentanyl", "tapentadol", "methadone", "buprenorphine", "oxymorphone", "pethidine", "dihydrocodeine", "levorphanol", "dextropropoxyphene", "loperamide", "diphenoxylate", "pholcodine" })
        {
            Assert.Contains(OpioidCatalog.All, o => o.Name == name);
        }

        Assert.DoesNotContain(OpioidCatalog.All, o => o.AllNames.Any(n => n.Contains("dextromethorphan", StringComparison.OrdinalIgnoreCase)));
        var tramadol = OpioidCatalog.Match("tramadol")!;
        Assert.Equal((OpioidKind.ShortActing, 7, 10), (tramadol.Kind, tramadol.MinimumWashoutDays, tramadol.RecommendedWashoutDays));
        foreach (var maintenance in new[] { "methadone", "buprenorphine" })
        {
            var entry = OpioidCatalog.Match(maintenance)!;
            Assert.Equal((OpioidKind.Maintenance, 14), (entry.Kind, entry.RecommendedWashoutDays));
        }

        Assert.All(OpioidCatalog.All, o => Assert.False(string.IsNullOrWhiteSpace(o.Source)));
        Assert.All(OpioidCatalog.All.Where(o => o.Kind == OpioidKind.ShortActing), o => Assert.Equal((7, 10), (o.MinimumWashoutDays, o.RecommendedWashoutDays)));
    }

    [Fact]
    public void Every_listed_name_matches_its_own_entry() =>
        Assert.All(OpioidCatalog.All.SelectMany(o => o.AllNames.Select(n => (o, n))), x => Assert.Same(x.o, OpioidCatalog.Match(x.n.ToUpperInvariant() + " 10 mg")));

    [Theory]
    [InlineData("opioids: [ { name: naloxone, brands: [], kind: short-acting, washoutDays: { minimum: 7, recommended: 10 }, source: x } ]", "not an opioid agonist")]
    [InlineData("opioids: [ { name: a, brands: [Same], kind: short-acting, washoutDays: { minimum: 7, recommended: 10 }, source: x }, { name: b, brands: [same], kind: short-acting, washoutDays: { minimum: 7, recommended: 10 }, source: x } ]", "ambiguous")]
    [InlineData("opioids: [ { name: a, brands: [], kind: quick, washoutDays: { minimum: 7, recommended: 10 }, source: x } ]", "kind 'quick'")]
    [InlineData("opioids: [ { name: a, brands: [], kind: short-acting, washoutDays: { minimum: 10, recommended: 7 }, source: x } ]", "washoutDays")]
    [InlineData("opioids: [ { name: a, brand: [], kind: short-acting, washoutDays: { minimum: 7, recommended: 10 }, source: x } ]", "'brand'")]
    public void Broken_opioid_lists_are_rejected(string body, string expected)
    {
        var e = Assert.Throws<InvalidInputException>(() => SafetyDataReader.ReadOpioids("schema: ldn-opioids/1\n" + body, "test.yaml"));
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
        Assert.Contains("test.yaml", e.Message, StringComparison.Ordinal);
    }
}
