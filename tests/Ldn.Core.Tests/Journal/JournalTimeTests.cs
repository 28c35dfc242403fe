using Ldn.Core.Journal;
using NodaTime;
using Xunit;

namespace Ldn.Core.Tests.Journal;

public sealed class JournalTimeTests
{
    private static readonly DateTimeZone Oslo = DateTimeZoneProviders.Tzdb["Europe/Oslo"];

    // Monday 2027-03-29 08:00 in Oslo (CEST, +02:00): the day after the spring change.
    private static readonly Instant MorningAfterSpringChange = Instant.FromUtc(2027, 3, 29, 6, 0);

    [Theory]
    [InlineData("yesterday 22:00", "2027-03-28T20:00:00Z")]     // 22:00 CEST on the change day
    [InlineData("yesterday at 22:00", "2027-03-28T20:00:00Z")]
    [InlineData("07:15", "2027-03-29T05:15:00Z")]
    [InlineData("2027-03-27 22:00", "2027-03-27T21:00:00Z")]    // 22:00 CET, the day before the change
    [InlineData("2027-03-27T22:00", "2027-03-27T21:00:00Z")]
    [InlineData("2027-03-28 02:30", "2027-03-28T01:30:00Z")]    // skipped by the clocks: moved forward to 03:30 CEST
    [InlineData("2027-03-28T22:00:00+05:00", "2027-03-28T17:00:00Z")]
    [InlineData("now", "2027-03-29T06:00:00Z")]
    public void Local_times_are_placed_with_the_offset_of_their_own_day(string text, string expected) =>
        Assert.Equal(NodaTime.Text.InstantPattern.ExtendedIso.Parse(expected).Value, JournalTime.Parse(text, Oslo, MorningAfterSpringChange));

    [Fact]
    public void A_repeated_autumn_time_takes_its_first_occurrence()
    {
        var now = Instant.FromUtc(2027, 11, 1, 8, 0);
        Assert.Equal(Instant.FromUtc(2027, 10, 31, 0, 30), JournalTime.Parse("2027-10-31 02:30", Oslo, now));
    }

    [Theory]
    [InlineData("25:00", "is not a time")]
    [InlineData("tomorrow", "is not a time")]
    [InlineData("2030-01-01 22:00", "is in the future")]
    [InlineData("1969-12-31 22:00", "before 1970")]
    [InlineData("22:00 pm", "is not a time")]
    public void Nonsense_is_one_sentence(string text, string expected)
    {
        var error = Assert.Throws<InvalidInputException>(() => JournalTime.Parse(text, Oslo, MorningAfterSpringChange));
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Instants_are_written_with_the_offset_of_that_moment()
    {
        Assert.Equal("2027-03-27T22:00:00+01:00", JournalTime.Format(Instant.FromUtc(2027, 3, 27, 21, 0), "Europe/Oslo"));
        Assert.Equal("2027-03-28T22:00:00+02:00", JournalTime.Format(Instant.FromUtc(2027, 3, 28, 20, 0), "Europe/Oslo"));
        Assert.Contains("did you mean Europe/Oslo", Assert.Throws<InvalidInputException>(() => JournalTime.Zone("Europe/Olso")).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2026-12-01T22:00+01:00", "2026-12-01T21:00:00Z", "UTC+01:00")]
    [InlineData("2026-12-01T22:00:00+01:00", "2026-12-01T21:00:00Z", "UTC+01:00")]
    [InlineData("2026-12-02T22:00:00-08:00", "2026-12-03T06:00:00Z", "UTC-08:00")]
    [InlineData("2026-12-01T21:00Z", "2026-12-01T21:00:00Z", "UTC+00:00")]
    [InlineData("2026-12-01T21:00:30.5Z", "2026-12-01T21:00:30.5Z", "UTC+00:00")]
    [InlineData("2026-12-01T22:00+05:30", "2026-12-01T16:30:00Z", "UTC+05:30")]
    public void A_typed_offset_is_kept_as_a_fixed_zone_unless_a_zone_was_named(string text, string expected, string fixedZone)
    {
        var now = Instant.FromUtc(2026, 12, 10, 8, 0);
        var (at, zone) = JournalTime.ParseWithZone(text, Oslo, now, zoneNamed: false);
        Assert.Equal(NodaTime.Text.InstantPattern.ExtendedIso.Parse(expected).Value, at);
        Assert.Equal(fixedZone, zone.Id);
        Assert.Equal(fixedZone, JournalTime.Zone(fixedZone).Id);
        var (named, namedZone) = JournalTime.ParseWithZone(text, Oslo, now, zoneNamed: true);
        Assert.Equal(at, named);
        Assert.Same(Oslo, namedZone);
    }

    [Fact]
    public void A_dose_in_los_angeles_keeps_its_own_local_day()
    {
        var (at, zone) = JournalTime.ParseWithZone("2026-12-02T22:00:00-08:00", Oslo, Instant.FromUtc(2026, 12, 10, 8, 0), zoneNamed: false);
        Assert.Equal(new LocalDateTime(2026, 12, 2, 22, 0), at.InZone(zone).LocalDateTime);
        Assert.Equal(new LocalDate(2026, 12, 3), at.InZone(Oslo).Date);
    }

    [Theory]
    [InlineData("UTC+15:00")]
    [InlineData("UTC+1")]
    [InlineData("UTC-08:00x")]
    public void Fixed_zones_outside_the_earth_or_badly_written_are_refused(string id) =>
        Assert.Throws<InvalidInputException>(() => JournalTime.Zone(id));
}
