using Ldn.Core.Compounding;
using Xunit;

namespace Ldn.Core.Tests.Compounding;

public sealed class ExactQuantityTests
{
    private static decimal Mg(string text) => ExactQuantity.ParseMilligrams(text, "dose", 0.01m, 300m);

    private static decimal Ml(string text) => ExactQuantity.ParseMillilitres(text, "volume", 0.001m, 5000m);

    [Theory]
    [InlineData("4.5mg", "4.5")]
    [InlineData("4.5 mg", "4.5")]
    [InlineData(" 4.5MG ", "4.5")]
    [InlineData("4.5", "4.5")]
    [InlineData("1500ug", "1.5")]
    [InlineData("1500 µg", "1.5")]
    [InlineData("1500mcg", "1.5")]
    [InlineData("0.05g", "50")]
    [InlineData("1e1mg", "10")]
    public void Masses_read_as_exact_milligrams(string text, string expected) =>
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), Mg(text));

    [Theory]
    [InlineData("50mL", "50")]
    [InlineData("50 ml", "50")]
    [InlineData("0.05L", "50")]
    [InlineData("50µL", "0.05")]
    [InlineData("2", "2")]
    public void Volumes_read_as_exact_millilitres(string text, string expected) =>
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), Ml(text));

    [Theory]
    [InlineData("1mg/mL", "1")]
    [InlineData("1 mg / ml", "1")]
    [InlineData("500ug/mL", "0.5")]
    [InlineData("1g/L", "1")]
    [InlineData("2", "2")]
    public void Concentrations_read_as_exact_mg_per_mL(string text, string expected) =>
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), ExactQuantity.ParseMilligramsPerMillilitre(text, "concentration", 0.001m, 100m));

    [Fact]
    public void Tenths_stay_exact()
    {
        // Parsed through double, 0.1 + 0.2 would be 0.30000000000000004.
        Assert.Equal(0.3m, Ml("0.1mL") + Ml("0.2mL"));
        Assert.Equal(Mg("0.3mg"), Mg("100ug") + Mg("0.2mg"));
    }

    [Theory]
    [InlineData("4.5kg", "'kg' is not a unit of mass")]
    [InlineData("-1mg", "greater than zero")]
    [InlineData("0mg", "greater than zero")]
    [InlineData("abc", "must start with a number")]
    [InlineData("NaN", "must start with a number")]
    [InlineData("Infinity", "must start with a number")]
    [InlineData("４.５mg", "must start with a number")]
    [InlineData("4,5mg", "not a unit")]
    [InlineData("1e30mg", "too large")]
    [InlineData("1e400mg", "too large")]
    [InlineData("1e-30mg", "too small")]
    [InlineData("301mg", "above the largest")]
    [InlineData("1ug", "below the smallest")]
    [InlineData("", "empty")]
    [InlineData("mg", "must start with a number")]
    public void Bad_masses_give_one_sentence(string text, string fragment)
    {
        var error = Assert.Throws<InvalidInputException>(() => Mg(text));
        Assert.Contains(fragment, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
        Assert.EndsWith(".", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0mL")]
    [InlineData("100L")]
    [InlineData("-5mL")]
    [InlineData("5mg")]
    [InlineData("1e30L")]
    public void Bad_volumes_are_refused(string text) => Assert.Throws<InvalidInputException>(() => Ml(text));

    [Theory]
    [InlineData("30", 30)]
    [InlineData(" 1 ", 1)]
    public void Counts_read_as_whole_numbers(string text, int expected) =>
        Assert.Equal(expected, ExactQuantity.ParseCount(text, "number of capsules", 10_000));

    [Theory]
    [InlineData("0")]
    [InlineData("-3")]
    [InlineData("30.5")]
    [InlineData("abc")]
    [InlineData("10001")]
    [InlineData("99999999999")]
    public void Bad_counts_are_refused(string text) =>
        Assert.Throws<InvalidInputException>(() => ExactQuantity.ParseCount(text, "number of capsules", 10_000));
}
