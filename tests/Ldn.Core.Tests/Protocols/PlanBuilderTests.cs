using Ldn.Core.Compounding;
using Ldn.Core.Dosing;
using Ldn.Core.Protocols;
using Ldn.Core.Safety;
using Ldn.Core.Units;
using NodaTime;
using Xunit;

namespace Ldn.Core.Tests.Protocols;

public sealed class PlanBuilderTests
{
    private static readonly DateOnly December1 = new(2026, 12, 1);

    private static PlanRequest Request(string protocol) => new() { Protocol = ProtocolCatalog.Find(protocol), Start = December1 };

    [Fact]
    public void The_standard_plan_from_December_1_has_the_dates_a_person_would_write_on_paper()
    {
        var plan = PlanBuilder.Build(Request("standard"));
        Assert.Equal(
            [(new DateOnly(2026, 12, 1), (DateOnly?)new DateOnly(2026, 12, 14), 1.5m), (new DateOnly(2026, 12, 15), new DateOnly(2026, 12, 28), 3m), (new DateOnly(2026, 12, 29), null, 4.5m)],
            plan.Steps.Select(s => (s.From, s.To, s.DoseMg)));
        Assert.All(plan.Steps, s => Assert.Equal("22:00", s.At.ToString()));
        Assert.Empty(plan.Warnings);
    }

    [Fact]
    public void A_liquid_plan_gives_the_volume_to_draw_and_the_dose_it_holds()
    {
        var plan = PlanBuilder.Build(Request("standard") with { Formulation = Formulation.Liquid, ConcentrationMgPerMl = 1m });
        Assert.Equal([1.5m, 3m, 4.5m], plan.Steps.Select(s => s.Liquid!.VolumeMl));
        Assert.Equal([1.5m, 3m, 4.5m], plan.Steps.Select(s => s.Liquid!.ActualDoseMg));
        // One fill each, exact: 3 mL marked every 0.1 mL, and for 4.5 mL a 10 mL syringe marked every 0.5 mL
        // (a 5 mL one marked every 0.2 mL would give 4.6 mL).
        Assert.Equal([3m, 3m, 10m], plan.Steps.Select(s => s.Syringe!.CapacityMl));
    }

    [Fact]
    public void A_liquid_too_weak_for_the_syringe_marks_shows_its_rounding_in_the_dose_drawn()
    {
        // 0.7 mg/mL: 1.5 mg is 2.142857… mL, drawn as 2.14 mL on 0.01 mL marks (three fills of a 1 mL
        // syringe), which holds 2.14 × 0.7 = 1.498 mg.
        var plan = PlanBuilder.Build(Request("standard") with { Formulation = Formulation.Liquid, ConcentrationMgPerMl = 0.7m, Syringe = Syringe.Default });
        var first = plan.Steps[0].Liquid!;
        Assert.Equal(2.14m, first.VolumeMl);
        Assert.Equal(1.498m, first.ActualDoseMg);
        Assert.Equal(3, first.Draws);
    }

    [Theory]
    [InlineData("23kg", 2.3)]
    [InlineData("30kg", 3.0)]
    [InlineData("31.4kg", 3.1)]
    [InlineData("31.5kg", 3.2)]
    [InlineData("45kg", 4.5)]
    [InlineData("70kg", 4.5)]
    public void The_pediatric_dose_is_a_tenth_of_a_mg_per_kg_to_the_nearest_tenth_and_at_most_four_and_a_half(string weight, double expected)
    {
        var plan = PlanBuilder.Build(Request("pediatric") with { Weight = BodyWeight.Parse(weight) });
        Assert.Equal((decimal)expected, Assert.Single(plan.Steps).DoseMg);
        Assert.Equal("20:00", plan.At.ToString());
    }

    [Fact]
    public void A_weight_based_protocol_without_a_weight_and_a_liquid_without_a_strength_are_refused()
    {
        Assert.Contains("--weight", Assert.Throws<InvalidInputException>(() => PlanBuilder.Build(Request("pediatric"))).Message, StringComparison.Ordinal);
        Assert.Contains("--concentration", Assert.Throws<InvalidInputException>(() => PlanBuilder.Build(Request("standard") with { Formulation = Formulation.Liquid })).Message, StringComparison.Ordinal);
        Assert.Contains("liquid only", Assert.Throws<InvalidInputException>(() => PlanBuilder.Build(Request("standard") with { ConcentrationMgPerMl = 1m })).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_weight_given_to_a_fixed_dose_protocol_is_reported_as_unused()
    {
        var plan = PlanBuilder.Build(Request("standard") with { Weight = BodyWeight.Parse("60kg") });
        Assert.Contains(plan.Warnings, w => w.Code == "weight-not-used");
    }

    [Fact]
    public void A_dose_above_four_and_a_half_mg_warns_and_one_above_ten_is_refused()
    {
        var six = ProtocolReader.Read("schema: ldn-protocol/1\nid: six\nname: Six\nsource: FINAL 2024\nat: \"22:00\"\nsteps:\n  - { doseMg: 6 }\n", "six.yaml");
        var plan = PlanBuilder.Build(new PlanRequest { Protocol = six, Start = December1 });
        Assert.Contains(plan.Warnings, w => w.Severity == SafetySeverity.Warning && w.Message.Contains("4.5 mg", StringComparison.Ordinal));

        var twelve = six with { Steps = [new ProtocolStep(StepDose.Fixed(12m), 1, null)] };
        var error = Assert.Throws<InvalidInputException>(() => PlanBuilder.Build(new PlanRequest { Protocol = twelve, Start = December1 }));
        Assert.StartsWith("No plan was made:", error.Message, StringComparison.Ordinal);
        Assert.Contains("10 mg", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_opioid_stops_the_plan()
    {
        var request = Request("standard") with { Patient = new PatientProfile { Medications = [new MedicationUse("Tramadol 50 mg")] } };
        var error = Assert.Throws<InvalidInputException>(() => PlanBuilder.Build(request));
        Assert.StartsWith("No plan was made:", error.Message, StringComparison.Ordinal);
        Assert.Contains("ramadol", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_dose_time_that_the_clocks_skip_or_repeat_is_named_with_its_date()
    {
        var oslo = DateTimeZoneProviders.Tzdb["Europe/Oslo"];
        var plan = PlanBuilder.Build(Request("standard") with { At = ClockTime.Parse("02:30"), TimeZone = oslo, Start = new DateOnly(2027, 3, 20) });
        var skipped = plan.Warnings.First(w => w.Code == "clock-time-skipped");
        Assert.Contains("2027-03-28", skipped.Message, StringComparison.Ordinal);
        Assert.Contains("03:30", skipped.Message, StringComparison.Ordinal);
        Assert.Contains(plan.Warnings, w => w.Code == "clock-time-repeated" && w.Message.Contains("2027-10-31", StringComparison.Ordinal));

        var evening = PlanBuilder.Build(Request("standard") with { TimeZone = oslo, Start = new DateOnly(2027, 3, 20) });
        Assert.DoesNotContain(evening.Warnings, w => w.Code.StartsWith("clock-time", StringComparison.Ordinal));
    }

    // Field report (issue 13): Samoa moved from UTC−10 to UTC+14 and skipped 2011-12-30; the 24-h difference of
    // offsets overflowed a ±18 h Offset and the plan crashed. Every size of transition must be handled.
    [Theory]
    [InlineData("Pacific/Apia", 2011, 12, 29, "22:00", "2011-12-30", "next dose is on 2011-12-31 at 22:00")]
    [InlineData("Pacific/Kwajalein", 1993, 8, 19, "09:00", "1993-08-21", "next dose is on 1993-08-22 at 09:00")]
    [InlineData("America/New_York", 2027, 3, 10, "02:30", "2027-03-14", "remind at 03:30 that day")]
    public void A_skipped_dose_time_of_any_size_is_named_not_a_crash(string zoneId, int y, int m, int d, string at, string day, string expected)
    {
        var zone = DateTimeZoneProviders.Tzdb[zoneId];
        var plan = PlanBuilder.Build(Request("standard") with { At = ClockTime.Parse(at), TimeZone = zone, Start = new DateOnly(y, m, d) });
        var skipped = plan.Warnings.First(w => w.Code == "clock-time-skipped");
        Assert.Contains(day, skipped.Message, StringComparison.Ordinal);
        Assert.Contains(expected, skipped.Message, StringComparison.Ordinal);
    }
}
