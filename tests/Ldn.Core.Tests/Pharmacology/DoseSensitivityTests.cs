using Ldn.Core.Conditions;
using Ldn.Core.Dosing;
using Ldn.Core.Evidence;
using Ldn.Core.Pharmacology;
using Ldn.Core.Pharmacology.Parameters;
using Ldn.Core.Units;
using Ldn.Tests.Shared;
using Xunit;

namespace Ldn.Core.Tests.Pharmacology;

/// <summary>The what-if sensitivity table against independent runs of the dose–response sweep and the model's monotonicity in α_P.</summary>
public sealed class DoseSensitivityTests
{
    private static readonly ClockTime Bedtime = ClockTime.Parse("22:00");

    private static readonly Lazy<DoseSensitivityTable> Table = new(() => DoseSensitivity.Run(
        ParameterSets.Default, ConditionCatalog.Generic.Parameters, Bedtime, Formulation.Capsule, false, ClinicalDoseEvidence.Default.SynthesisHint));

    [Fact]
    public void The_table_has_five_multiples_of_alpha_P_and_the_Kosten_row_by_five_structures()
    {
        var table = Table.Value;
        Assert.Equal(6, table.Rows.Count);
        Assert.All(table.Rows, r => Assert.Equal(OccupancyScenarios.All, r.Cells.Select(c => c.Structure)));
        Assert.Equal([0.25, 0.5, 1, 2, 4], table.Rows.Take(5).Select(r => r.Multiplier!.Value));
        Assert.Null(table.Rows[5].Multiplier);
        Assert.All(table.Rows.Take(5), r => Assert.All(r.Cells, c => Assert.Equal(ParameterSets.Default.SynthesisUpregulation * r.Multiplier!.Value, c.SynthesisUpregulation, 12)));
    }

    [Theory]
    [InlineData(1.0)]
    [InlineData(2.0)]
    public void A_row_equals_the_dose_response_sweep_run_with_that_alpha_P(double multiplier)
    {
        var table = Table.Value;
        var parameters = ParameterSets.Default with { SynthesisUpregulation = ParameterSets.Default.SynthesisUpregulation * multiplier };
        var sweep = DoseResponse.Run(
            new DoseResponseRequest(DoseSensitivity.Doses, [Bedtime], 12, OccupancyScenarios.All, Formulation.Capsule), parameters, ConditionCatalog.Generic.Parameters, false);
        var row = table.Rows.Single(r => r.Multiplier == multiplier);
        foreach (var cell in row.Cells)
        {
            var curve = sweep.Rows.Where(r => r.Scenario == cell.Structure).ToList();
            Assert.Equal(curve.Single(r => r.Dose == Mass.FromMilligrams(4.5)).InflammationChangeWeek12!.Value, cell.ChangeAtReference, 12);
            var verdict = sweep.Verdicts.Single(v => v.Scenario == cell.Structure);
            Assert.Equal(verdict.BestDose, cell.LargestReductionDose);
        }
    }

    [Fact]
    public void A_larger_synthesis_gain_never_lessens_the_modelled_reduction()
    {
        // S = U·P·(1 − O) rises with P, and P's set point 1 + α_P·O rises with α_P, so inflammation can only fall further.
        var rows = Table.Value.Rows.Take(5).ToList();
        for (var s = 0; s < OccupancyScenarios.All.Count; s++)
        {
            for (var r = 1; r < rows.Count; r++)
            {
                Assert.True(rows[r].Cells[s].ChangeAtReference <= rows[r - 1].Cells[s].ChangeAtReference + 1e-9,
                    $"{rows[r].Cells[s].Structure}: {rows[r].Label} gives {rows[r].Cells[s].ChangeAtReference}, above {rows[r - 1].Cells[s].ChangeAtReference}");
            }
        }
    }

    [Fact]
    public void The_Kosten_row_uses_each_structures_own_mean_blockade_on_50_mg()
    {
        var hint = ClinicalDoseEvidence.Default.SynthesisHint;
        var regimen = Regimen.Repeated(Mass.FromMilligrams(50), Bedtime, Duration.FromHours(24), 84, Formulation.Capsule, Duration.FromDays(84));
        var run = Simulator.Run(regimen, ParameterSets.Default, ConditionCatalog.Generic.Parameters, Duration.FromHours(24), OccupancyScenarios.All, false);
        foreach (var cell in Table.Value.Rows[5].Cells)
        {
            var mean = run.Scenarios.Single(r => r.Scenario == cell.Structure).Summary.MorMean;
            Assert.Equal((19.5 / 12.1 - 1) / mean, cell.SynthesisUpregulation, 9);
            Assert.InRange(cell.SynthesisUpregulation, 0.61, 1.0);
        }

        Assert.Contains("Kosten", Table.Value.Derivation, StringComparison.Ordinal);
        Assert.Empty(FindingPhrases.Findings(Table.Value.Derivation));
    }
}
