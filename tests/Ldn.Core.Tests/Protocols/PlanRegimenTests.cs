using Ldn.Core.Dosing;
using Ldn.Core.Protocols;
using Ldn.Core.Units;
using Xunit;

namespace Ldn.Core.Tests.Protocols;

public sealed class PlanRegimenTests
{
    private static TitrationPlan Standard() =>
        PlanBuilder.Build(new PlanRequest { Protocol = ProtocolCatalog.Find("standard"), Start = new DateOnly(2026, 12, 1) });

    [Fact]
    public void Each_step_becomes_daily_doses_at_its_clock_time_on_one_time_axis()
    {
        var regimen = PlanRegimen.Create(Standard().Steps);
        // 14 + 14 days of titration, then maintenance to the twelve-week default horizon (84 days).
        Assert.Equal(Duration.FromDays(84), regimen.Horizon);
        var doses = regimen.Administrations;
        Assert.Equal(84, doses.Count(a => a.Time < regimen.Horizon));
        Assert.Equal(14, doses.Count(a => a.Amount == Mass.FromMilligrams(1.5)));
        Assert.Equal(14, doses.Count(a => a.Amount == Mass.FromMilligrams(3)));
        Assert.Equal(Duration.FromDays(14), doses.First(a => a.Amount == Mass.FromMilligrams(3)).Time);
        Assert.Equal(Duration.FromDays(28), doses.First(a => a.Amount == Mass.FromMilligrams(4.5)).Time);
        Assert.Equal("22:00", regimen.StartClock.ToString());
    }

    [Fact]
    public void A_long_titration_is_followed_by_four_weeks_of_maintenance()
    {
        var gentle = PlanBuilder.Build(new PlanRequest { Protocol = ProtocolCatalog.Find("gentle"), Start = new DateOnly(2026, 12, 1) });
        var regimen = PlanRegimen.Create(gentle.Steps);
        Assert.Equal(Duration.FromDays((8 * 14) + 28), regimen.Horizon);
    }

    [Fact]
    public void A_liquid_step_is_simulated_at_the_dose_the_drawn_volume_holds()
    {
        var plan = PlanBuilder.Build(new PlanRequest
        {
            Protocol = ProtocolCatalog.Find("fixed-4.5"),
            Start = new DateOnly(2026, 12, 1),
            Formulation = Formulation.Liquid,
            ConcentrationMgPerMl = 50m / 30m,
        });
        var regimen = PlanRegimen.Create(plan.Steps, Duration.FromDays(2));
        Assert.Equal((double)plan.Steps[0].Liquid!.ActualDoseMg, regimen.Administrations[0].Amount.Milligrams, 12);
        Assert.Equal(Formulation.Liquid, regimen.Administrations[0].Formulation);
    }

    [Fact]
    public void Overlapping_steps_are_refused()
    {
        var steps = Standard().Steps;
        var overlapping = new[] { steps[0], steps[1] with { From = steps[0].To!.Value } };
        var error = Assert.Throws<InvalidInputException>(() => PlanRegimen.Create(overlapping));
        Assert.Contains("overlap", error.Message, StringComparison.Ordinal);
    }
}
