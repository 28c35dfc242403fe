using Ldn.Core.Protocols;
using Xunit;

namespace Ldn.Core.Tests.Protocols;

/// <summary>
/// The protocols in data/protocols against the values the issue and clinical-evidence.md give: a typo in
/// a file (a wrong step, a lost day) must fail here.
/// </summary>
public sealed class ShippedProtocolTests
{
    [Fact]
    public void The_five_required_protocols_are_shipped_and_each_names_its_source()
    {
        var ids = ProtocolCatalog.All.Select(p => p.Id).ToList();
        Assert.Equal(["fixed-4.5", "gentle", "pediatric", "slow-start", "standard"], ids.Order(StringComparer.Ordinal));
        Assert.All(ProtocolCatalog.All, p => Assert.Contains("§", p.Source, StringComparison.Ordinal));
    }

    [Fact]
    public void Every_file_in_the_repository_folder_reads_like_the_embedded_copy()
    {
        var folder = Path.Combine(RepositoryRoot(), "data", "protocols");
        var files = Directory.GetFiles(folder, "*.yaml");
        Assert.Equal(ProtocolCatalog.All.Count, files.Length);
        foreach (var file in files)
        {
            var protocol = ProtocolReader.Read(File.ReadAllText(file), file);
            Assert.Equal(ProtocolCatalog.Find(protocol.Id).Steps, protocol.Steps);
        }
    }

    [Fact]
    public void Standard_is_one_and_a_half_three_and_four_and_a_half_mg_in_fourteen_day_steps_at_bedtime()
    {
        var standard = ProtocolCatalog.Find("standard");
        Assert.Equal([1.5m, 3m, 4.5m], standard.Steps.Select(s => s.Dose.Milligrams));
        Assert.Equal([14, 14, null], standard.Steps.Select(s => s.Days));
        Assert.Equal("22:00", standard.DefaultTime.ToString());
        Assert.True(standard.Steps[^1].IsOpenEnded);
    }

    [Fact]
    public void Gentle_adds_half_a_milligram_every_fourteen_days_up_to_four_and_a_half_and_accepts_three()
    {
        var gentle = ProtocolCatalog.Find("gentle");
        var doses = gentle.Steps.Select(s => s.Dose.Milligrams).ToList();
        Assert.Equal(0.5m, doses[0]);
        Assert.Equal(4.5m, doses[^1]);
        Assert.All(doses.Zip(doses.Skip(1)), pair => Assert.Equal(0.5m, pair.Second - pair.First));
        Assert.All(gentle.Steps.SkipLast(1), s => Assert.Equal(14, s.Days));
        Assert.Equal(3m, gentle.LowestTargetMg);
    }

    [Fact]
    public void Slow_start_begins_between_half_and_one_and_a_half_mg_and_reaches_four_and_a_half_within_four_to_eight_weeks()
    {
        var slow = ProtocolCatalog.Find("slow-start");
        Assert.InRange(slow.Steps[0].Dose.Milligrams, 0.5m, 1.5m);
        var reached = slow.Steps.First(s => s.Dose.Milligrams == 4.5m).FirstDay;
        Assert.InRange(reached, (4 * 7) + 1, (8 * 7) + 1);
        Assert.Equal(4.5m, slow.Steps.Max(s => s.Dose.Milligrams));
    }

    [Fact]
    public void Fixed_is_four_and_a_half_mg_from_day_one_and_pediatric_is_a_tenth_of_a_mg_per_kg_capped_at_four_and_a_half()
    {
        var fixedDose = ProtocolCatalog.Find("fixed-4.5");
        Assert.Equal(StepDose.Fixed(4.5m), Assert.Single(fixedDose.Steps).Dose);

        var pediatric = ProtocolCatalog.Find("pediatric");
        Assert.Equal(StepDose.PerKilogram(0.1m), Assert.Single(pediatric.Steps).Dose);
        Assert.Equal(4.5m, pediatric.MaxDoseMg);
        Assert.True(pediatric.NeedsWeight);
    }

    [Theory]
    [InlineData("Standard", "standard")]
    [InlineData("default", "standard")]
    [InlineData("SLOW START", "slow-start")]
    [InlineData("paediatric", "pediatric")]
    [InlineData("fixed", "fixed-4.5")]
    public void Names_and_aliases_are_found_ignoring_case_and_punctuation(string typed, string id) =>
        Assert.Equal(id, ProtocolCatalog.Find(typed).Id);

    [Fact]
    public void An_unknown_protocol_gets_one_sentence_with_the_closest_names()
    {
        var error = Assert.Throws<InvalidInputException>(() => ProtocolCatalog.Find("standrad"));
        Assert.Equal("Unknown protocol 'standrad'; did you mean standard?", error.Message);
        var none = Assert.Throws<InvalidInputException>(() => ProtocolCatalog.Find("zzzzzzzzzz"));
        Assert.Contains("known protocols: ", none.Message, StringComparison.Ordinal);
    }

    internal static string RepositoryRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "LdnWorkbench.slnx")))
        {
            folder = folder.Parent;
        }

        return folder?.FullName ?? throw new InvalidOperationException("The repository root was not found.");
    }
}
