using Ldn.Core.Conditions;
using Ldn.Core.Tests.Pharmacology;
using Xunit;

namespace Ldn.Core.Tests.Conditions;

public sealed class ConditionFileTests
{
    private static string ConditionsFolder => Path.Combine(ParameterFileTests.RepositoryRoot(), "data", "conditions");

    /// <summary>
    /// A complete, valid condition file written out here, so that the broken variants below do not
    /// depend on the wording of the shipped files (which change as conditions are calibrated).
    /// </summary>
    private const string Valid = """
        schema: ldn-condition/1
        id: test-condition
        name: Test condition
        aliases: [tc]
        instrument:
          name: CDAI
          unit: points
          baseline: 356
          minimum: 0
          maximum: 600
          lowerIsBetter: true
          responder: 70 points
        parameters:
          inflammationTurnoverRate:
            value: 0.05
            unit: 1/day
            status: assumed
            source: Test value A.
          diseaseDrive:
            value: 1
            unit: "1"
            status: assumed
            source: Test value B.
          maxInhibition:
            value: 0.3
            unit: "1"
            status: assumed
            source: Test value C.
          signallingHalfEffect:
            value: 0.2
            unit: "1"
            status: assumed
            source: Test value D.
          placeboMaximum:
            value: 0.15
            unit: "1"
            status: assumed
            source: Test value E.
          placeboOnsetRate:
            value: 0.106
            unit: 1/day
            status: derived
            source: Test value F.
        variability:
          baselineSd:
            value: 60
            unit: "1"
            status: assumed
            source: Test value G.
          placeboSd:
            value: 0.2
            unit: "1"
            status: assumed
            source: Test value H.
          responsivenessCv:
            value: 0.5
            unit: "1"
            status: assumed
            source: Test value I.
          measurementSd:
            value: 40
            unit: "1"
            status: assumed
            source: Test value J.
        calibration: >-
          Not calibrated.

        """;

    [Fact]
    public void Every_shipped_condition_file_is_in_the_catalogue_and_loads_with_sources()
    {
        var files = Directory.GetFiles(ConditionsFolder, "*.yaml").Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal).ToList();
        Assert.NotEmpty(files);
        Assert.Equal(files, ConditionCatalog.All.Select(c => c.Id).Order(StringComparer.Ordinal));
        Assert.Contains(ConditionCatalog.GenericId, files);

        foreach (var file in Directory.GetFiles(ConditionsFolder, "*.yaml"))
        {
            // Each file also reads on its own (as a user's copy would), to the same values as the compiled-in one.
            var own = ConditionCatalog.Parse(File.ReadAllText(file), file);
            var shipped = ConditionCatalog.Find(own.Id);
            Assert.Equal(own.Parameters.DiseaseDrive, shipped.Parameters.DiseaseDrive);
            Assert.Equal(own.Parameters.Instrument, shipped.Parameters.Instrument);

            var c = shipped.Parameters;
            Assert.False(string.IsNullOrWhiteSpace(c.Name));
            Assert.False(string.IsNullOrWhiteSpace(c.Calibration));
            Assert.InRange(c.Instrument.Baseline, c.Instrument.Minimum, c.Instrument.Maximum);
            Assert.Equal(6, c.Entries.Count);
            Assert.Equal(4, shipped.Variability.Entries.Count);
            Assert.All(c.Entries.Concat(shipped.Variability.Entries), e => Assert.False(string.IsNullOrWhiteSpace(e.Source), $"{own.Id}: {e.Key} has no source."));
            Assert.True(c.InflammationTurnover.PerHour > 0 && c.DiseaseDrive > 0 && c.MaxInhibition is > 0 and <= 1 && c.SignallingHalfEffect > 0);
        }
    }

    [Fact]
    public void The_generic_condition_has_no_placebo_response_so_its_score_shows_the_mechanism_alone()
    {
        var generic = ConditionCatalog.Generic.Parameters;
        Assert.Equal(ConditionCatalog.GenericId, generic.Id);
        Assert.Equal(0, generic.PlaceboMaximum);
        Assert.Equal(generic.Instrument.Baseline, generic.ClinicalScore(1.0, 24 * 84), 12);
    }

    [Fact]
    public void The_test_file_itself_is_valid()
    {
        var (condition, variability) = ConditionReader.Read(Valid, "mine.yaml");
        Assert.Equal("test-condition", condition.Id);
        Assert.Equal(new ResponderDefinition(ResponderKind.Points, 70), condition.Responder);
        Assert.Equal(0.05 / 24, condition.InflammationTurnover.PerHour, 12);
        Assert.Equal(6, condition.Entries.Count);
        Assert.Equal(60, variability.BaselineSd);
    }

    [Theory]
    [InlineData("    source: Test value C.\n", "", "gives no source for 'maxInhibition'")]
    [InlineData("    source: Test value C.\n", "    source: \"  \"\n", "gives no source for 'maxInhibition'")]
    [InlineData("  maxInhibition:\n", "  maxInhibiton:\n", "unknown parameter 'maxInhibiton'")]
    [InlineData("variability:\n  baselineSd:\n", "variability:\n  baselineSD:\n", "unknown variability entry 'baselineSD'")]
    [InlineData("calibration: >-", "calibrations: >-", "has an unknown key 'calibrations' at line")]
    [InlineData("    value: 0.05\n    unit: 1/day\n", "    value: 0.05\n    unit: mg\n", "'inflammationTurnoverRate' in 'mg', which is not a unit of the right kind")]
    [InlineData("  baseline: 356\n", "  baseline: 700\n", "baseline between its minimum and maximum")]
    [InlineData("  baseline: 356\n", "  baseline: -5\n", "baseline between its minimum and maximum")]
    [InlineData("  responder: 70 points\n", "  responder: seventy\n", "responder")]
    [InlineData("  responder: 70 points\n", "  responder: -70 points\n", "responder")]
    [InlineData("    status: assumed\n    source: Test value D.", "    status: guessed\n    source: Test value D.", "status 'guessed'")]
    [InlineData("  maxInhibition:\n    value: 0.3\n", "  maxInhibition:\n    value: 1.3\n", "'maxInhibition' to 1.3 1, but it must be a fraction")]
    [InlineData("schema: ldn-condition/1", "schema: ldn-condition/2", "must declare 'schema: ldn-condition/1'")]
    [InlineData("    value: 60\n", "    value: 6000\n", "score SD larger than the whole CDAI scale")]
    [InlineData("  placeboOnsetRate:\n", "  placeboOnsetRateX:\n", "unknown parameter 'placeboOnsetRateX'")]
    [InlineData("  signallingHalfEffect:\n    value: 0.2\n", "  signallingHalfEffect:\n    value: 0\n", "'signallingHalfEffect' to 0 1, but it must be positive")]
    public void A_broken_condition_file_is_refused_with_one_sentence_naming_the_file(string find, string replace, string expected)
    {
        Assert.Contains(find, Valid, StringComparison.Ordinal);
        AssertRefused(Valid.Replace(find, replace, StringComparison.Ordinal), expected);
    }

    [Fact]
    public void A_condition_file_without_a_variability_section_is_refused()
    {
        var text = Valid;
        var from = text.IndexOf("variability:\n", StringComparison.Ordinal);
        var to = text.IndexOf("calibration:", StringComparison.Ordinal);
        Assert.True(from > 0 && to > from);
        AssertRefused(text[..from] + text[to..], "has no 'variability' section");
    }

    [Theory]
    [InlineData("")]
    [InlineData("  \n")]
    [InlineData("{{{")]
    [InlineData("schema: ldn-condition/1\n")]
    [InlineData("schema: ldn-condition/1\nid: x\nname: X\n")]
    public void Empty_or_skeleton_condition_files_are_refused(string text) => AssertRefused(text, null);

    [Theory]
    [InlineData("Crohn's", "crohns-disease")]
    [InlineData("crohns_disease", "crohns-disease")]
    [InlineData("CD", "crohns-disease")]
    [InlineData("Crohn's disease", "crohns-disease")]
    [InlineData("FM", "fibromyalgia")]
    [InlineData("Fibromyalgia", "fibromyalgia")]
    [InlineData("ms", "multiple-sclerosis")]
    [InlineData("Multiple Sclerosis", "multiple-sclerosis")]
    [InlineData("generic", "generic")]
    public void Find_matches_ids_names_and_aliases_ignoring_case_and_punctuation(string name, string id) =>
        Assert.Equal(id, ConditionCatalog.Find(name).Id);

    [Fact]
    public void Find_refuses_an_unknown_condition_and_lists_the_known_ids()
    {
        var error = Assert.Throws<InvalidInputException>(() => ConditionCatalog.Find("lupus"));
        Assert.Contains("'lupus'", error.Message, StringComparison.Ordinal);
        Assert.All(ConditionCatalog.All, c => Assert.Contains(c.Id, error.Message, StringComparison.Ordinal));
        Assert.DoesNotContain('\n', error.Message);
    }

    private static void AssertRefused(string text, string? expected)
    {
        var error = Assert.Throws<InvalidInputException>(() => ConditionReader.Read(text, "mine.yaml"));
        Assert.Contains("mine.yaml", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
        Assert.EndsWith(".", error.Message.TrimEnd(), StringComparison.Ordinal);
        if (expected is not null)
        {
            Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        }
    }
}
