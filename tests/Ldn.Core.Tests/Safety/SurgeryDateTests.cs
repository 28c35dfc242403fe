using Ldn.Core.Safety;
using Xunit;

namespace Ldn.Core.Tests.Safety;

/// <summary>
/// Issue 13: a planned surgery in year 9999 was taken as a date to plan for. A surgery date, like every date the tool takes,
/// lies between 1900 and 2200 (IsoDate.ParseBounded); outside that it is refused in one sentence naming the date.
/// </summary>
public sealed class SurgeryDateTests
{
    [Theory]
    [InlineData("1900-01-01", 1900, 1, 1)]
    [InlineData("2027-03-15", 2027, 3, 15)]
    [InlineData("2200-12-31", 2200, 12, 31)]
    public void A_surgery_date_from_1970_to_2200_is_kept(string text, int year, int month, int day) =>
        Assert.Equal(new DateOnly(year, month, day), new PatientOptions { Surgery = text }.ToProfile().PlannedSurgery);

    [Theory]
    [InlineData("9999-12-31")]
    [InlineData("2201-01-01")]
    [InlineData("1899-12-31")]
    [InlineData("0001-01-01")]
    public void A_surgery_date_outside_1970_to_2200_is_refused_naming_it(string text)
    {
        var refused = Assert.Throws<InvalidInputException>(() => new PatientOptions { Surgery = text }.ToProfile());
        Assert.Equal($"The surgery date {text} is outside the years 1900–2200 this tool takes.", refused.Message);
    }
}
