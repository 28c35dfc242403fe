using Ldn.Core.Pharmacology.Parameters;
using Xunit;

namespace Ldn.Core.Tests.Pharmacology;

public sealed class ParameterFileTests
{
    private static string Default => ParameterSets.DefaultText;

    [Fact]
    public void The_shipped_file_loads_and_every_value_has_status_and_source()
    {
        var p = ParameterSets.Default;
        Assert.Equal(3080, p.ParentVolume.Litres, 9);
        Assert.Equal(0.173, p.ParentElimination.PerHour, 9);
        Assert.Equal(4, p.Formulations.Count);
        Assert.All(p.Entries, e => Assert.False(string.IsNullOrWhiteSpace(e.Source)));
        Assert.Equal(20 + 9 + (4 * 3), p.Entries.Count); // 20 model values (k_in removed, F_oral added), 9 structure values, 3 per formulation
    }

    [Fact]
    public void The_embedded_default_is_the_file_in_the_repository()
    {
        var path = Path.Combine(RepositoryRoot(), "data", "parameters", ParameterSets.DefaultFileName);
        Assert.Equal(File.ReadAllText(path), Default);
    }

    [Fact]
    public void Units_are_converted_to_the_model_base_units()
    {
        var edited = Default.Replace("value: 3080\n    unit: L", "value: 3080000\n    unit: mL", StringComparison.Ordinal)
            .Replace("value: 0.173\n    unit: 1/h", "value: 4.152\n    unit: 1/day", StringComparison.Ordinal);
        var p = ParameterSetReader.Read(edited, "edited.yaml");
        Assert.Equal(3080, p.ParentVolume.Litres, 9);
        Assert.Equal(0.173, p.ParentElimination.PerHour, 9);
    }

    [Theory]
    [InlineData("value: 3080\n    unit: L", "value: -3080\n    unit: L", "'parentVolume' to -3080 L, but it must be positive")]
    [InlineData("value: 3080\n    unit: L", "value: 3080\n    unit: kg", "not a unit of the right kind")]
    [InlineData("value: 0.79\n    unit: \"1\"", "value: 1.5\n    unit: \"1\"", "must be a fraction")]
    [InlineData("status: derived\n    source: V_p/F", "status: guessed\n    source: V_p/F", "status 'guessed'")]
    [InlineData("  parentVolume:", "  parentVolumes:", "no parameter 'parentVolume'")]
    [InlineData("schema: ldn-parameters/1", "schema: other/9", "must declare 'schema: ldn-parameters/1'")]
    [InlineData("  sublingual:", "  patch:", "unknown formulation 'patch'")]
    [InlineData("value: 3080\n", "value: lots\n", "not valid at line")]
    public void A_broken_file_is_refused_with_one_sentence_naming_the_problem(string find, string replace, string expected)
    {
        Assert.Contains(find, Default, StringComparison.Ordinal);
        var broken = Default.Replace(find, replace, StringComparison.Ordinal);
        var error = Assert.Throws<InvalidInputException>(() => ParameterSetReader.Read(broken, "mine.yaml"));
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.Contains("mine.yaml", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \n")]
    [InlineData("{{{{")]
    [InlineData("- just\n- a list\n")]
    [InlineData("schema: ldn-parameters/1\n")]
    public void Empty_or_malformed_files_are_refused(string text) =>
        Assert.Throws<InvalidInputException>(() => ParameterSetReader.Read(text, "bad.yaml"));

    [Fact]
    public void A_missing_source_is_refused()
    {
        var broken = Default.Replace("    source: 6β-naltrexol, PubChem record (§ header).\n", string.Empty, StringComparison.Ordinal);
        var error = Assert.Throws<InvalidInputException>(() => ParameterSetReader.Read(broken, "x.yaml"));
        Assert.Contains("no source for 'metaboliteMolarMass'", error.Message, StringComparison.Ordinal);
    }

    internal static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "LdnWorkbench.slnx")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Repository root not found above " + AppContext.BaseDirectory);
    }
}
