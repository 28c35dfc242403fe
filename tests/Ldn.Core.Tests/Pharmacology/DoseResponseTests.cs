using Ldn.Core.Conditions;
using Ldn.Core.Dosing;
using Ldn.Core.Pharmacology;
using Ldn.Core.Pharmacology.Parameters;
using Ldn.Core.Units;
using Ldn.Tests.Shared;
using Xunit;

namespace Ldn.Core.Tests.Pharmacology;

public sealed class DoseResponseTests
{
    private static readonly ClockTime Bedtime = ClockTime.Parse("22:00");

    private static readonly double[] Doses = [0.5, 1.5, 4.5, 10, 50];

    /// <summary>Synthetic rows for scenario A at 22:00 with the given week-12 inflammation changes.</summary>
    private static List<DoseResponseRow> Curve(params double?[] changes) =>
        [.. changes.Select((change, i) => new DoseResponseRow(OccupancyScenario.A, Mass.FromMilligrams(Doses[i]), Bedtime, 0.1 * i, 0.05 * i, 12, 1, change))];

    [Fact]
    public void An_intermediate_peak_lost_at_the_highest_dose_is_an_inverted_U()
    {
        var verdict = DoseResponse.Judge(OccupancyScenario.A, Bedtime, Curve(-0.02, -0.08, -0.12, -0.05, 0));
        Assert.True(verdict.InvertedU);
        Assert.Equal(DoseResponseShape.InvertedU, verdict.Shape);
        Assert.Equal(4.5, verdict.BestDose!.Value.Milligrams);
        Assert.Equal(-0.12, verdict.BestInflammationChange);
        Assert.Equal(50, verdict.HighestDose.Milligrams);
        Assert.Equal([50.0], verdict.ZeroBenefitDoses.Select(d => d.Milligrams));
        Assert.StartsWith("What-if (scenario A), daily dose at 22:00: under this what-if", verdict.Statement, StringComparison.Ordinal);
        Assert.Contains("peaks at an intermediate dose, 4.5 mg", verdict.Statement, StringComparison.Ordinal);
        Assert.Empty(FindingPhrases.Findings(verdict.Statement));
    }

    [Fact]
    public void A_peak_that_keeps_half_or_more_at_the_highest_dose_is_not_an_inverted_U()
    {
        // 0.06 / 0.12 is exactly the 50% limit: "less than half" is required.
        var verdict = DoseResponse.Judge(OccupancyScenario.A, Bedtime, Curve(-0.02, -0.08, -0.12, -0.10, -0.06));
        Assert.False(verdict.InvertedU);
        Assert.Equal(DoseResponseShape.PeakRetained, verdict.Shape);
        Assert.Equal(0.5, verdict.HighestDoseRetainedFraction!.Value, 12);
        Assert.Contains("hinges on the choice of limit", verdict.Statement, StringComparison.Ordinal);

        var justBelow = DoseResponse.Judge(OccupancyScenario.A, Bedtime, Curve(-0.02, -0.08, -0.12, -0.10, -0.0599));
        Assert.True(justBelow.InvertedU);
    }

    [Fact]
    public void A_benefit_that_rises_with_dose_is_not_an_inverted_U()
    {
        var verdict = DoseResponse.Judge(OccupancyScenario.B, Bedtime, Curve(-0.01, -0.03, -0.05, -0.07, -0.09));
        Assert.False(verdict.InvertedU);
        Assert.Equal(DoseResponseShape.Rising, verdict.Shape);
        Assert.Equal(50, verdict.BestDose!.Value.Milligrams);
        Assert.Empty(verdict.ZeroBenefitDoses);
        Assert.Contains("largest at the highest dose tested", verdict.Statement, StringComparison.Ordinal);
        Assert.Empty(FindingPhrases.Findings(verdict.Statement));
    }

    [Fact]
    public void No_benefit_anywhere_is_reported_as_such_with_every_dose_listed()
    {
        var verdict = DoseResponse.Judge(OccupancyScenario.B, Bedtime, Curve(0, 0, -0.0001, 0.01, 0));
        Assert.False(verdict.InvertedU);
        Assert.Equal(DoseResponseShape.NoBenefit, verdict.Shape);
        Assert.Null(verdict.BestDose);
        Assert.Equal(Doses, verdict.ZeroBenefitDoses.Select(d => d.Milligrams));
        Assert.Contains("under this what-if no tested dose lowers the modelled week-12 inflammation index", verdict.Statement, StringComparison.Ordinal);
        Assert.Empty(FindingPhrases.Findings(verdict.Statement));
    }

    [Fact]
    public void A_benefit_largest_at_the_lowest_dose_points_below_the_tested_range()
    {
        var verdict = DoseResponse.Judge(OccupancyScenario.B, Bedtime, Curve(-0.125, -0.08, 0, 0, 0));
        Assert.False(verdict.InvertedU);
        Assert.Equal(DoseResponseShape.LargestAtLowest, verdict.Shape);
        Assert.Equal(0.5, verdict.BestDose!.Value.Milligrams);
        Assert.Equal([4.5, 10.0, 50.0], verdict.ZeroBenefitDoses.Select(d => d.Milligrams));
        Assert.Contains("below 1.5 mg", verdict.Statement, StringComparison.Ordinal);
    }

    [Fact]
    public void Rows_are_judged_in_dose_order_whatever_order_they_come_in()
    {
        var curve = Curve(-0.02, -0.08, -0.12, -0.05, 0);
        curve.Reverse();
        var verdict = DoseResponse.Judge(OccupancyScenario.A, Bedtime, curve);
        Assert.True(verdict.InvertedU);
        Assert.Equal(4.5, verdict.BestDose!.Value.Milligrams);
    }

    [Fact]
    public void Without_a_week_12_value_there_is_no_verdict()
    {
        var verdict = DoseResponse.Judge(OccupancyScenario.A, Bedtime, Curve(null, null, null, null, null));
        Assert.False(verdict.InvertedU);
        Assert.Equal(DoseResponseShape.NotAssessed, verdict.Shape);
        Assert.Contains("shorter than 12 weeks", verdict.Statement, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_doses_cannot_show_a_U()
    {
        var verdict = DoseResponse.Judge(OccupancyScenario.A, Bedtime, Curve(-0.1, 0));
        Assert.Equal(DoseResponseShape.NotAssessed, verdict.Shape);
        Assert.False(verdict.InvertedU);
    }

    [Fact]
    public void A_real_sweep_gives_both_scenarios_with_blockade_rising_with_dose()
    {
        var request = new DoseResponseRequest(
            [Mass.FromMilligrams(4.5), Mass.FromMilligrams(0.5), Mass.FromMilligrams(50)],
            [Bedtime, ClockTime.Parse("08:00")],
            12,
            [OccupancyScenario.A, OccupancyScenario.B],
            Formulation.Capsule);
        var result = DoseResponse.Run(request, ParameterSets.Default, ConditionCatalog.Generic.Parameters, tlr4: false);

        Assert.Equal(2 * 2 * 3, result.Rows.Count);
        Assert.Equal(4, result.Verdicts.Count);
        foreach (var scenario in new[] { OccupancyScenario.A, OccupancyScenario.B })
        {
            foreach (var at in request.Times)
            {
                var curve = result.Rows.Where(r => r.Scenario == scenario && r.At == at).ToList();
                Assert.Equal([0.5, 4.5, 50.0], curve.Select(r => r.Dose.Milligrams));
                Assert.True(curve[0].MorPeak < curve[1].MorPeak && curve[1].MorPeak < curve[2].MorPeak, $"{scenario} {at}: peak blockade must rise with dose");
                Assert.True(curve[0].MorTrough < curve[1].MorTrough && curve[1].MorTrough < curve[2].MorTrough, $"{scenario} {at}: trough blockade must rise with dose");
                Assert.All(curve, r => Assert.NotNull(r.InflammationChangeWeek12));
                Assert.All(curve, r => Assert.NotNull(r.NocturnalSignalling));
            }
        }

        // Scenario B holds blockade all day, so its trough is far above A's at every dose.
        var troughA = result.Rows.Where(r => r.Scenario == OccupancyScenario.A && r.At == Bedtime).Select(r => r.MorTrough);
        var troughB = result.Rows.Where(r => r.Scenario == OccupancyScenario.B && r.At == Bedtime).Select(r => r.MorTrough);
        Assert.All(troughA.Zip(troughB), pair => Assert.True(pair.Second > 2 * pair.First));
    }

    [Fact]
    public void A_sweep_is_deterministic_despite_running_in_parallel()
    {
        var request = new DoseResponseRequest(
            [.. new[] { 0.5, 1, 3, 4.5, 10 }.Select(Mass.FromMilligrams)], [Bedtime], 2, [OccupancyScenario.A, OccupancyScenario.B], Formulation.Capsule);
        var first = DoseResponse.Run(request, ParameterSets.Default, ConditionCatalog.Generic.Parameters, tlr4: false);
        var second = DoseResponse.Run(request, ParameterSets.Default, ConditionCatalog.Generic.Parameters, tlr4: false);
        Assert.Equal(first.Rows, second.Rows);
        Assert.All(first.Rows, r => Assert.Null(r.InflammationChangeWeek12));
        Assert.All(first.Verdicts, v => Assert.Equal(DoseResponseShape.NotAssessed, v.Shape));
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData("1,,2")]
    [InlineData("1,2,")]
    [InlineData("4.5kg")]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("1000")]
    [InlineData("abc")]
    public void Bad_dose_lists_are_refused(string text) =>
        Assert.Throws<InvalidInputException>(() => DoseResponse.ParseDoses(text));

    [Fact]
    public void More_than_50_doses_are_refused()
    {
        var text = string.Join(',', Enumerable.Range(1, 51));
        var error = Assert.Throws<InvalidInputException>(() => DoseResponse.ParseDoses(text));
        Assert.Contains("at most 50", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Dose_lists_are_read_with_units_sorted_and_deduplicated() =>
        Assert.Equal([0.5, 1.5, 4.5], DoseResponse.ParseDoses("4.5mg, 1500ug,0.5,4.5").Select(d => d.Milligrams));

    [Fact]
    public void The_default_doses_are_the_documented_ones() =>
        Assert.Equal([0.5, 1, 1.5, 3, 4.5, 6, 10, 25, 50], DoseResponse.DefaultDoses.Select(d => d.Milligrams));

    [Theory]
    [InlineData("0")]
    [InlineData("-3")]
    [InlineData("521")]
    [InlineData("99999999999")]
    [InlineData("12.5")]
    [InlineData("twelve")]
    public void Bad_week_counts_are_refused(string text) =>
        Assert.Throws<InvalidInputException>(() => DoseResponse.ParseWeeks(text));

    [Fact]
    public void Times_are_read_as_a_list_in_the_order_given()
    {
        Assert.Equal(["22:00", "08:00"], DoseResponse.ParseTimes("22:00, 08:00").Select(t => t.ToString()));
        Assert.Throws<InvalidInputException>(() => DoseResponse.ParseTimes("25:00"));
        Assert.Throws<InvalidInputException>(() => DoseResponse.ParseTimes("22:00,"));
        var hourly = string.Join(',', Enumerable.Range(0, 24).Select(h => $"{h:00}:00"));
        Assert.Equal(24, DoseResponse.ParseTimes(hourly).Count);
        Assert.Throws<InvalidInputException>(() => DoseResponse.ParseTimes(hourly + ",23:30"));
    }
}
