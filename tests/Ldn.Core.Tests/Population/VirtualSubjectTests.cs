using Ldn.Core.Conditions;
using Ldn.Core.Dosing;
using Ldn.Core.Pharmacology.Parameters;
using Ldn.Core.Population;
using Ldn.Core.Units;
using Xunit;

namespace Ldn.Core.Tests.Population;

public sealed class VirtualSubjectTests
{
    private static readonly IReadOnlyList<Administration> Daily =
        Regimen.Repeated(Mass.FromMilligrams(4.5), ClockTime.Parse("22:00"), Duration.FromHours(24), 28, Formulation.Capsule).Administrations;

    private static (double Volume, double Baseline, double DoseFactor, double[] Doses) Describe(VirtualSubject s)
    {
        var taken = new List<Administration>();
        s.TakeDoses(Daily, taken);
        return (s.Parameters.ParentVolume.Litres, s.BaselineScore, s.DoseFactor, [.. taken.Select(d => d.Time.Hours + d.Amount.Milligrams)]);
    }

    [Fact]
    public void Subject_i_is_the_same_in_a_population_of_10_and_of_100()
    {
        var model = ParameterSets.Default;
        var ten = Enumerable.Range(0, 10).Select(i => Describe(VirtualSubject.Draw(model, ConditionCatalog.Generic, 7, i))).ToList();
        var hundred = Enumerable.Range(0, 100).Reverse().Select(i => Describe(VirtualSubject.Draw(model, ConditionCatalog.Generic, 7, i))).Reverse().ToList();
        for (var i = 0; i < 10; i++)
        {
            Assert.Equal(ten[i].Volume, hundred[i].Volume);
            Assert.Equal(ten[i].Baseline, hundred[i].Baseline);
            Assert.Equal(ten[i].DoseFactor, hundred[i].DoseFactor);
            Assert.Equal(ten[i].Doses, hundred[i].Doses);
        }

        Assert.NotEqual(ten[0].Volume, ten[1].Volume);
    }

    [Fact]
    public void Parent_volume_varies_with_the_stated_omega_and_5_percent_of_doses_are_missed()
    {
        var model = ParameterSets.Default;
        var omega = model.Variability.Omegas[model.Variability.Parameters.ToList().IndexOf("parentVolume")];
        Assert.Equal(Math.Sqrt(Math.Log(1 + (0.45 * 0.45))), omega, 12);
        var logs = new List<double>();
        long planned = 0, taken = 0;
        var list = new List<Administration>();
        for (var i = 0; i < 4000; i++)
        {
            var subject = VirtualSubject.Draw(model, ConditionCatalog.Generic, 2024, i);
            logs.Add(Math.Log(subject.Parameters.ParentVolume.Litres / model.ParentVolume.Litres));
            subject.TakeDoses(Daily, list);
            planned += Daily.Count;
            taken += list.Count;
        }

        var mean = logs.Average();
        var sd = Math.Sqrt(logs.Sum(x => (x - mean) * (x - mean)) / (logs.Count - 1));
        Assert.InRange(sd, 0.9 * omega, 1.1 * omega);
        Assert.InRange(mean, -0.05, 0.05);
        var missed = 1 - ((double)taken / planned);
        Assert.InRange(missed, 0.045, 0.055);
    }

    [Fact]
    public void A_correlation_matrix_that_is_not_positive_definite_is_refused_with_one_sentence()
    {
        const string anchor = "  correlations:\n";
        var text = ParameterSets.DefaultText;
        Assert.Contains(anchor, text, StringComparison.Ordinal);
        var broken = text.Replace(anchor, anchor + Correlation("parentEliminationRate~absorptionRate", 0.9)
            + Correlation("absorptionRate~receptorSensitivity", 0.9) + Correlation("parentEliminationRate~receptorSensitivity", -0.9), StringComparison.Ordinal);
        var error = Assert.Throws<InvalidInputException>(() => ParameterSetReader.Read(broken, "mine.yaml"));
        Assert.Contains("not positive definite", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }

    private static string Correlation(string pair, double value) =>
        FormattableString.Invariant($"    {pair}:\n      value: {value}\n      unit: \"1\"\n      status: assumed\n      source: test.\n");
}
