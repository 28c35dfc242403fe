using Ldn.Core.Pharmacology.Parameters;
using Ldn.Core.Pharmacology.Validation;
using Xunit;
using Xunit.Abstractions;

namespace Ldn.Core.Tests.Validation;

/// <summary>
/// The model against the human data in shared/research/pharmacology.md. Each target states its
/// published value, its tolerance and why (see <see cref="HumanDataValidation"/>); one test case per
/// target so a failure names exactly which comparison broke.
/// </summary>
public sealed class HumanDataValidationTests(ITestOutputHelper output)
{
    private static readonly Lazy<IReadOnlyList<ValidationOutcome>> Outcomes = new(() => HumanDataValidation.Run(ParameterSets.Default));

    public static TheoryData<string> TargetIds()
    {
        var data = new TheoryData<string>();
        foreach (var (target, _) in HumanDataValidation.Targets)
        {
            data.Add(target.Id);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(TargetIds))]
    public void Model_reproduces_published_value_within_stated_tolerance(string id)
    {
        var outcome = Outcomes.Value.Single(o => o.Target.Id == id);
        var t = outcome.Target;
        output.WriteLine($"{t.Quantity}: published {t.Published} {t.Unit}, simulated {outcome.Simulated:G4}, tolerance ±{t.Tolerance} ({t.Justification})");
        if (t.ExpectedToFit)
        {
            Assert.True(outcome.WithinTolerance,
                $"{t.Quantity}: simulated {outcome.Simulated:G4} {t.Unit} is {outcome.Difference:+0.###;-0.###} from the published {t.Published} (tolerance ±{t.Tolerance}).");
        }
        else
        {
            Assert.False(outcome.WithinTolerance,
                $"{t.Quantity}: documented as NOT fitting, but simulated {outcome.Simulated:G4} is within ±{t.Tolerance} of {t.Published}; update docs/model.md.");
        }
    }

    [Fact]
    public void Every_target_names_its_source_and_justifies_its_tolerance()
    {
        Assert.All(HumanDataValidation.Targets, t =>
        {
            Assert.False(string.IsNullOrWhiteSpace(t.Target.Source));
            Assert.False(string.IsNullOrWhiteSpace(t.Target.Justification));
            Assert.True(t.Target.AtLeast ? t.Target.Tolerance == 0 : t.Target.Tolerance > 0);
        });
        Assert.Equal(HumanDataValidation.Targets.Count, HumanDataValidation.Targets.Select(t => t.Target.Id).Distinct().Count());
    }
}
