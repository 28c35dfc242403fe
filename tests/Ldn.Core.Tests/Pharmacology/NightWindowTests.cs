using FsCheck;
using FsCheck.Fluent;
using Ldn.Core.Pharmacology;
using Ldn.Core.Units;
using Xunit;

namespace Ldn.Core.Tests.Pharmacology;

public sealed class NightWindowTests
{
    private static readonly ClockTime TenPm = ClockTime.FromHoursAndMinutes(22, 0);

    [Fact]
    public void From_22_00_over_84_days_the_last_night_ends_at_07_00_of_the_last_day()
    {
        // Hour 0 = 22:00 on day 1; day 84 runs from hour 1992 (22:00) to the horizon at 2016 (22:00).
        // Its 07:00 is hour 2001, so the night is 1993–2001.
        var night = NightWindow.Last(TenPm, Duration.FromDays(84));
        Assert.NotNull(night);
        Assert.Equal(1993, night.Value.From.Hours, 9);
        Assert.Equal(2001, night.Value.To.Hours, 9);
        Assert.Equal("23:00", TenPm.Plus(night.Value.From).ToString());
        Assert.Equal("07:00", TenPm.Plus(night.Value.To).ToString());
    }

    [Fact]
    public void From_08_00_the_last_night_ends_an_hour_before_the_horizon()
    {
        var eight = ClockTime.FromHoursAndMinutes(8, 0);
        var night = NightWindow.Last(eight, Duration.FromDays(84));
        Assert.NotNull(night);
        Assert.Equal(2007, night.Value.From.Hours, 9);
        Assert.Equal(2015, night.Value.To.Hours, 9);

        // One day from 08:00 holds exactly one night, 23:00–07:00 = hours 15–23.
        var first = NightWindow.Last(eight, Duration.FromDays(1));
        Assert.NotNull(first);
        Assert.Equal(15, first.Value.From.Hours, 9);
        Assert.Equal(23, first.Value.To.Hours, 9);
    }

    [Theory]
    [InlineData(22, 0, 8.99)] // 23:00 is hour 1, 07:00 hour 9: one minute short.
    [InlineData(22, 0, 1)]
    [InlineData(23, 0, 7.5)] // shorter than a night at all
    [InlineData(0, 0, 24)] // midnight to midnight: 23:00 is there but 07:00 is the next day
    [InlineData(1, 0, 29)] // 01:00 start misses its first night; the next one ends at hour 30
    public void A_horizon_without_a_full_night_gives_null(int hour, int minute, double horizonHours) =>
        Assert.Null(NightWindow.Last(ClockTime.FromHoursAndMinutes(hour, minute), Duration.FromHours(horizonHours)));

    [Theory]
    [InlineData(23, 0, 8, 0)] // starting at 23:00, the first night is hours 0–8
    [InlineData(22, 0, 9, 1)]
    [InlineData(1, 0, 30, 22)]
    public void A_horizon_that_just_holds_a_night_gives_it(int hour, int minute, double horizonHours, double from)
    {
        var night = NightWindow.Last(ClockTime.FromHoursAndMinutes(hour, minute), Duration.FromHours(horizonHours));
        Assert.NotNull(night);
        Assert.Equal(from, night.Value.From.Hours, 9);
        Assert.Equal(from + 8, night.Value.To.Hours, 9);
    }

    [Fact]
    public void The_window_is_always_the_last_full_23_to_07_night_inside_the_horizon()
    {
        // Any start minute, horizons from 1 minute to 40 days in whole minutes: compare with a brute-force
        // search over every 07:00 on the time axis.
        var cases = (from start in Gen.Choose(0, (24 * 60) - 1)
                     from minutes in Gen.Choose(1, 40 * 24 * 60)
                     select (start, minutes)).ToArbitrary();
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(500), Prop.ForAll(cases, c =>
        {
            var startClock = ClockTime.FromHoursAndMinutes(c.start / 60, c.start % 60);
            var horizon = c.minutes / 60.0;
            var night = NightWindow.Last(startClock, Duration.FromHours(horizon));

            double? expectedEnd = null;
            var end = ((((7 * 60) - c.start) % 1440) + 1440) % 1440 / 60.0;
            for (; end <= horizon + 1e-9; end += 24)
            {
                if (end - 8 >= 0)
                {
                    expectedEnd = end;
                }
            }

            if (expectedEnd is null)
            {
                Assert.Null(night);
                return;
            }

            Assert.NotNull(night);
            Assert.Equal(expectedEnd.Value, night.Value.To.Hours, 9);
            Assert.Equal(expectedEnd.Value - 8, night.Value.From.Hours, 9);
            Assert.Equal("23:00", startClock.Plus(night.Value.From).ToString());
            Assert.Equal("07:00", startClock.Plus(night.Value.To).ToString());
        }));
    }
}
