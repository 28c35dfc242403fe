using Ldn.Core.Dosing;
using Ldn.Core.Units;
using Xunit;

namespace Ldn.Core.Tests.Pharmacology;

public sealed class RegimenTests
{
    private static readonly ClockTime Bedtime = ClockTime.Parse("22:00");

    [Fact]
    public void Repeated_dosing_expands_to_one_administration_per_dose()
    {
        var regimen = Regimen.Repeated(Mass.FromMilligrams(4.5), Bedtime, Duration.FromHours(24), 28, Formulation.Capsule);
        Assert.Equal(28, regimen.Administrations.Count);
        Assert.Equal(27 * 24.0, regimen.Administrations[^1].Time.Hours);
        Assert.Equal(28 * 24.0, regimen.Horizon.Hours);
        Assert.Equal((Duration.FromHours(648), Duration.FromHours(672)), regimen.SummaryWindow());
    }

    [Fact]
    public void A_single_dose_is_summarised_over_the_whole_horizon()
    {
        var regimen = Regimen.Repeated(Mass.FromMilligrams(50), Bedtime, Duration.FromHours(24), 1, Formulation.Tablet, Duration.FromDays(10));
        Assert.Equal((Duration.Zero, Duration.FromDays(10)), regimen.SummaryWindow());
    }

    // Field report (issue 13): `simulate --count 2 --horizon 24h` summarised "hour 24 to 24", a zero-length window.
    [Theory]
    [InlineData(24.0, 2, 1, 0.0, 24.0)]
    [InlineData(48.0, 3, 1, 24.0, 48.0)]
    [InlineData(30.0, 2, 0, 24.0, 30.0)]
    [InlineData(24.5, 5, 3, 24.0, 24.5)]
    public void Doses_at_or_after_the_horizon_end_are_left_out_and_counted(double horizonHours, int count, int leftOut, double windowFrom, double windowTo)
    {
        var regimen = Regimen.Repeated(Mass.FromMilligrams(4.5), Bedtime, Duration.FromHours(24), count, Formulation.Capsule, Duration.FromHours(horizonHours));
        Assert.Equal(leftOut, regimen.DosesAfterHorizon);
        Assert.Equal(count - leftOut, regimen.Administrations.Count);
        Assert.All(regimen.Administrations, a => Assert.True(a.Time.Hours < horizonHours));
        var (from, to) = regimen.SummaryWindow();
        Assert.True(to > from, $"window {from}–{to} has no length");
        Assert.Equal((windowFrom, windowTo), (from.Hours, to.Hours));
        Assert.Equal(leftOut > 0, regimen.DosesAfterHorizonNote?.Contains("left out", StringComparison.Ordinal) ?? false);
    }

    [Fact]
    public void A_titration_is_a_list_of_dose_events()
    {
        var steps = new[]
        {
            new DoseEvent(Mass.FromMilligrams(1.5), Duration.Zero, Duration.FromDays(1), 14, Formulation.Capsule),
            new DoseEvent(Mass.FromMilligrams(3), Duration.FromDays(14), Duration.FromDays(1), 14, Formulation.Capsule),
        };
        var regimen = new Regimen(Bedtime, steps, Duration.FromDays(28));
        Assert.Equal(28, regimen.Administrations.Count);
        Assert.Equal(3, regimen.Administrations[^1].Amount.Milligrams);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(0.001)]
    [InlineData(1000)]
    [InlineData(double.NaN)]
    public void Implausible_doses_are_refused(double milligrams) =>
        Assert.Throws<InvalidInputException>(() => Regimen.Repeated(Mass.FromMilligrams(milligrams), Bedtime, Duration.FromHours(24), 1, Formulation.Capsule));

    [Fact]
    public void Zero_doses_are_refused() =>
        Assert.Throws<InvalidInputException>(() => Regimen.Repeated(Mass.FromMilligrams(4.5), Bedtime, Duration.FromHours(24), 0, Formulation.Capsule));

    [Fact]
    public void A_horizon_of_a_century_is_refused()
    {
        var error = Assert.Throws<InvalidInputException>(() =>
            Regimen.Repeated(Mass.FromMilligrams(4.5), Bedtime, Duration.FromHours(24), 1, Formulation.Capsule, Duration.FromDays(36525)));
        Assert.Contains("ten years", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0.5)]
    [InlineData(24 * 31)]
    public void Intervals_outside_one_hour_to_thirty_days_are_refused(double hours) =>
        Assert.Throws<InvalidInputException>(() => Regimen.Repeated(Mass.FromMilligrams(4.5), Bedtime, Duration.FromHours(hours), 2, Formulation.Capsule));
}
