using Ldn.Core.Dosing;
using Ldn.Core.Units;
using Xunit;

namespace Ldn.Core.Tests.Units;

public sealed class ParsingTests
{
    [Theory]
    [InlineData("4.5mg", 4.5)]
    [InlineData("4.5 mg", 4.5)]
    [InlineData(" 4.5MG ", 4.5)]
    [InlineData("0.5", 0.5)]
    [InlineData("1500ug", 1.5)]
    [InlineData("1500 µg", 1.5)]
    [InlineData("1500mcg", 1.5)]
    [InlineData("0.05g", 50)]
    [InlineData("1e1mg", 10)]
    public void Mass_parses_written_doses(string text, double milligrams) =>
        Assert.Equal(milligrams, Mass.Parse(text).Milligrams, 12);

    [Theory]
    [InlineData("4.5kg")]
    [InlineData("4,5mg")]
    [InlineData("mg")]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("four")]
    [InlineData("NaN")]
    [InlineData("Infinity")]
    [InlineData("1e400mg")]
    [InlineData("4.5 mg/day")]
    [InlineData("4.5ｍｇ")]
    public void Mass_rejects_anything_else_with_one_sentence(string text)
    {
        var error = Assert.Throws<InvalidInputException>(() => Mass.Parse(text));
        Assert.DoesNotContain('\n', error.Message);
        Assert.EndsWith(".", error.Message);
    }

    [Theory]
    [InlineData("1.5mL", 1.5)]
    [InlineData("1.5 ml", 1.5)]
    [InlineData("2", 2)]
    [InlineData("0.05L", 50)]
    public void Volume_parses(string text, double millilitres) =>
        Assert.Equal(millilitres, Volume.Parse(text).Millilitres, 12);

    [Theory]
    [InlineData("1.5mg")]
    [InlineData("1.5 cups")]
    public void Volume_rejects_other_units(string text) =>
        Assert.Throws<InvalidInputException>(() => Volume.Parse(text));

    [Theory]
    [InlineData("24h", 24)]
    [InlineData("14d", 336)]
    [InlineData("15min", 0.25)]
    [InlineData("2w", 336)]
    [InlineData("1.5 h", 1.5)]
    public void Duration_parses(string text, double hours) =>
        Assert.Equal(hours, Duration.Parse(text).Hours, 12);

    [Theory]
    [InlineData("24")]
    [InlineData("24 parsecs")]
    [InlineData("100 centuries")]
    [InlineData("h")]
    public void Duration_requires_a_known_unit(string text) =>
        Assert.Throws<InvalidInputException>(() => Duration.Parse(text));

    [Theory]
    [InlineData("22:00", 22, 0)]
    [InlineData("08:30", 8, 30)]
    [InlineData("8:30", 8, 30)]
    [InlineData("00:00", 0, 0)]
    [InlineData("23:59", 23, 59)]
    public void ClockTime_parses_24_hour_times(string text, int hour, int minute)
    {
        var time = ClockTime.Parse(text);
        Assert.Equal((hour, minute), (time.Hour, time.Minute));
        Assert.Equal($"{hour:00}:{minute:00}", time.ToString());
    }

    [Theory]
    [InlineData("25:00")]
    [InlineData("24:00")]
    [InlineData("12:60")]
    [InlineData("22")]
    [InlineData("10pm")]
    [InlineData("-1:00")]
    [InlineData("22:00:00")]
    [InlineData("２２:００")]
    public void ClockTime_rejects_impossible_times(string text) =>
        Assert.Throws<InvalidInputException>(() => ClockTime.Parse(text));

    [Fact]
    public void ClockTime_wraps_past_midnight() =>
        Assert.Equal("02:30", ClockTime.Parse("22:00").Plus(Duration.FromHours(28.5)).ToString());

    [Fact]
    public void Mass_concentration_converts_to_molar_with_the_molar_mass()
    {
        // 1 ng/mL of naltrexone (341.41 g/mol) is 1000/341.41 = 2.929 nM.
        var molar = MassConcentration.FromNanogramsPerMillilitre(1).ToMolar(MolarMass.FromGramsPerMole(341.41));
        Assert.Equal(2.92903, molar.Nanomolar, 4);
        Assert.Equal(1.0, molar.ToMass(MolarMass.FromGramsPerMole(341.41)).NanogramsPerMillilitre, 12);
    }

    [Fact]
    public void Dividing_a_mass_by_a_volume_gives_ng_per_mL() =>
        Assert.Equal(16.234, (Mass.FromMilligrams(50) / Volume.FromLitres(3080)).NanogramsPerMillilitre, 3);

    [Theory]
    [InlineData("capsule", Formulation.Capsule)]
    [InlineData("Tablet", Formulation.Tablet)]
    [InlineData("liquid", Formulation.Liquid)]
    [InlineData("sublingual", Formulation.Sublingual)]
    public void Formulations_parse_by_name(string text, Formulation expected) =>
        Assert.Equal(expected, Formulations.Parse(text));

    [Fact]
    public void Unknown_formulation_lists_the_known_ones()
    {
        var error = Assert.Throws<InvalidInputException>(() => Formulations.Parse("patch"));
        Assert.Contains("sublingual", error.Message, StringComparison.Ordinal);
    }
}
