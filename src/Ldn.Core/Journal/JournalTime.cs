using System.Globalization;
using NodaTime;
using NodaTime.Text;
using NodaTime.TimeZones;

namespace Ldn.Core.Journal;

/// <summary>
/// When something happened, as a person types it, in their time zone: <c>now</c>, <c>22:00</c> (today),
/// <c>yesterday 22:00</c> or <c>yesterday at 22:00</c>, <c>2026-12-01 22:00</c>, <c>2026-12-01T22:00</c>, or an
/// ISO 8601 time with <c>Z</c> or an offset, with or without seconds (<c>2026-12-01T22:00+01:00</c>,
/// <c>2026-12-01T21:00:00Z</c>). A time typed with an offset keeps that offset as the entry's zone (a fixed
/// zone written <c>UTC-08:00</c>) unless a zone was named, so a dose taken abroad lands on its own local day. Local times are placed in the zone with the day's own offset, so
/// "yesterday at 22:00" is right on the day after a daylight-saving change; a time the clocks skipped is
/// moved forward by the gap and a repeated time takes its first occurrence (as calendars do). Entries more
/// than an hour in the future, or before 1970, are refused: they are typos.
/// </summary>
public static class JournalTime
{
    private static readonly LocalTimePattern Clock = LocalTimePattern.CreateWithInvariantCulture("H:mm");
    private static readonly LocalDatePattern Date = LocalDatePattern.Iso;
    private static readonly LocalDateTimePattern DateAndClock = LocalDateTimePattern.CreateWithInvariantCulture("uuuu-MM-dd H:mm");
    private static readonly LocalDateTimePattern IsoLocal = LocalDateTimePattern.CreateWithInvariantCulture("uuuu-MM-dd'T'H:mm");
    /// <summary>ISO 8601 with Z or an offset (±HH or ±HH:mm), seconds and fractions optional.</summary>
    private static readonly OffsetDateTimePattern[] IsoOffsets =
    [
        OffsetDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm':'ss;FFFFFFFFFo<G>"),
        OffsetDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mmo<G>"),
    ];

    /// <summary>How a fixed-offset zone is written and read: UTC+01:00, UTC-08:00, UTC+05:30, UTC+00:00.</summary>
    private static readonly OffsetPattern FixedZoneOffset = OffsetPattern.CreateWithInvariantCulture("+HH:mm");

    /// <summary>The prefix of a fixed-offset zone id.</summary>
    public const string FixedZonePrefix = "UTC";

    /// <summary>RFC 3339 output: always ±HH:mm (ExtendedIso would write "+01" for a whole-hour offset).</summary>
    private static readonly OffsetDateTimePattern Rfc3339 = OffsetDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm':'ss;FFFFFFFFFo<+HH:mm>");

    public static Instant Earliest { get; } = Instant.FromUtc(1970, 1, 1, 0, 0);

    /// <summary>The first instant no journal time may reach (2201-01-01 UTC): the same 2200 bound plans and dates use.</summary>
    public static Instant Latest { get; } = Instant.FromUtc(2201, 1, 1, 0, 0);

    /// <summary>The instant of <paramref name="text"/> read in <paramref name="zone"/> (see the class summary).</summary>
    /// <exception cref="InvalidInputException">Not a time, in the future (beyond an hour's slack) or before 1970.</exception>
    public static Instant Parse(string? text, DateTimeZone zone, Instant now) => ParseWithZone(text, zone, now, zoneNamed: true).At;

    /// <summary>
    /// The instant of <paramref name="text"/> and the zone the entry is to keep: <paramref name="zone"/> when
    /// <paramref name="zoneNamed"/> (the user gave <c>--tz</c>) or when the text has no offset; otherwise the
    /// typed offset as a fixed zone (<c>UTC-08:00</c>).
    /// </summary>
    /// <exception cref="InvalidInputException">Not a time, in the future (beyond an hour's slack) or before 1970.</exception>
    public static (Instant At, DateTimeZone Zone) ParseWithZone(string? text, DateTimeZone zone, Instant now, bool zoneNamed)
    {
        ArgumentNullException.ThrowIfNull(zone);
        if (text is null || text.Trim().Equals("now", StringComparison.OrdinalIgnoreCase))
        {
            return (now, zone);
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            throw new InvalidInputException("The time is empty: leave the option out for now, or write 22:00, yesterday 22:00 or 2026-12-01 22:00.");
        }

        var trimmed = text.Trim();
        var today = now.InZone(zone).Date;
        Instant instant;
        if (ReadOffset(trimmed) is { } typed)
        {
            instant = typed.ToInstant();
            if (Math.Abs(typed.Offset.Seconds) > 14 * 3600)
            {
                throw new InvalidInputException($"'{text}' has an offset beyond ±14:00, which no place on earth uses.");
            }

            if (!zoneNamed)
            {
                zone = FixedZone(typed.Offset);
            }
        }
        else
        {
            instant = Read(trimmed, zone, today)
                ?? throw new InvalidInputException(
                    $"'{text}' is not a time: write now, 22:00, yesterday 22:00, 2026-12-01 22:00 or 2026-12-01T22:00+01:00.");
        }

        return (Check(instant, text, zone, now), zone);
    }

    private static Instant Check(Instant instant, string text, DateTimeZone zone, Instant now)
    {
        if (instant > now + Duration.FromHours(1))
        {
            throw new InvalidInputException($"'{text}' is in the future ({instant.InZone(zone).ToString("uuuu-MM-dd HH:mm", CultureInfo.InvariantCulture)} in {zone.Id}); a journal records what has happened.");
        }

        return instant < Earliest
            ? throw new InvalidInputException($"'{text}' is before 1970; check the year.")
            : instant;
    }

    /// <summary>A calendar date, yyyy-MM-dd, or today/yesterday.</summary>
    public static LocalDate ParseDate(string text, DateTimeZone zone, Instant now)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(zone);
        var today = now.InZone(zone).Date;
        var trimmed = text.Trim();
        if (trimmed.Equals("today", StringComparison.OrdinalIgnoreCase))
        {
            return today;
        }

        if (trimmed.Equals("yesterday", StringComparison.OrdinalIgnoreCase))
        {
            return today.PlusDays(-1);
        }

        var parsed = Date.Parse(trimmed);
        return parsed.Success && parsed.Value.Year is >= 1970 and <= 2200
            ? parsed.Value
            : throw new InvalidInputException($"'{text}' is not a date: write yyyy-MM-dd (e.g. 2026-12-01), today or yesterday.");
    }

    /// <summary>The instant as ISO 8601 with the zone's offset at that moment: 2026-12-01T22:00:00+01:00.</summary>
    public static string Format(Instant instant, string timeZoneId) =>
        Rfc3339.Format(instant.InZone(Zone(timeZoneId)).ToOffsetDateTime());

    /// <summary>A fixed-offset zone whose id is written <c>UTC-08:00</c> (what a typed offset becomes).</summary>
    public static DateTimeZone FixedZone(Offset offset) => new FixedOffsetZone(offset);

    /// <summary>
    /// An IANA zone by id (exact, then case-insensitive), or a fixed offset written <c>UTC-08:00</c> or
    /// <c>UTC+05:30</c>.
    /// </summary>
    /// <exception cref="InvalidInputException">An unknown id; the sentence names the closest zones.</exception>
    public static DateTimeZone Zone(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        if (id.Trim() is { Length: > 3 } fixedId && fixedId.StartsWith(FixedZonePrefix, StringComparison.OrdinalIgnoreCase)
            && FixedZoneOffset.Parse(fixedId[FixedZonePrefix.Length..]) is { Success: true } offset
            && Math.Abs(offset.Value.Seconds) <= 14 * 3600)
        {
            return FixedZone(offset.Value);
        }

        if (id.Trim() is { Length: > 3 } utcLike && utcLike.StartsWith(FixedZonePrefix, StringComparison.OrdinalIgnoreCase) && utcLike[3] is '+' or '-')
        {
            throw new InvalidInputException($"'{id}' is not a usable fixed offset: write it like UTC-08:00 or UTC+05:30, within ±14:00.");
        }

        var provider = DateTimeZoneProviders.Tzdb;
        var match = provider.GetZoneOrNull(id.Trim()) ?? provider.Ids.Where(z => string.Equals(z, id.Trim(), StringComparison.OrdinalIgnoreCase)).Select(z => provider[z]).FirstOrDefault();
        return match ?? throw new InvalidInputException(Text.NameMatch.Suggest(id, provider.Ids) is { Count: > 0 } near
            ? $"'{id}' is not a known IANA time zone{Text.NameMatch.DidYouMean(near)}"
            : $"'{id}' is not a known IANA time zone (e.g. Europe/Oslo, America/New_York, Asia/Tokyo).");
    }

    private static OffsetDateTime? ReadOffset(string text)
    {
        foreach (var pattern in IsoOffsets)
        {
            if (pattern.Parse(text) is { Success: true } parsed)
            {
                return parsed.Value;
            }
        }

        return null;
    }

    private static Instant? Read(string text, DateTimeZone zone, LocalDate today)
    {
        if (Clock.Parse(text) is { Success: true } clock)
        {
            return InZone(today.At(clock.Value), zone);
        }

        foreach (var prefix in new[] { "yesterday at ", "yesterday ", "today at ", "today " })
        {
            if (text.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) && Clock.Parse(text[prefix.Length..].Trim()) is { Success: true } time)
            {
                var day = prefix.StartsWith("yesterday", StringComparison.Ordinal) ? today.PlusDays(-1) : today;
                return InZone(day.At(time.Value), zone);
            }
        }

        if (DateAndClock.Parse(text) is { Success: true } local)
        {
            return InZone(local.Value, zone);
        }

        return IsoLocal.Parse(text) is { Success: true } iso ? InZone(iso.Value, zone) : null;
    }

    /// <summary>Skipped local times move forward by the gap, repeated ones take the earlier instant (RFC 5545 §3.3.5 rules).</summary>
    private static Instant InZone(LocalDateTime local, DateTimeZone zone) =>
        zone.ResolveLocal(local, Resolvers.LenientResolver).ToInstant();

    /// <summary>
    /// A zone at one fixed offset whose id is <c>UTC±HH:mm</c>: NodaTime's own fixed zones are named
    /// <c>UTC-08</c>, which reads as an IANA-like id; this spelling says what it is and round-trips
    /// through <see cref="Zone"/>.
    /// </summary>
    private sealed class FixedOffsetZone(Offset offset)
        : DateTimeZone(FixedZonePrefix + FixedZoneOffset.Format(offset), true, offset, offset)
    {
        public override ZoneInterval GetZoneInterval(Instant instant) =>
            new(Id, Instant.MinValue, Instant.MaxValue, MinOffset, Offset.Zero);

        public override bool Equals(object? obj) => obj is FixedOffsetZone other && other.Id == Id;

        public override int GetHashCode() => Id.GetHashCode(StringComparison.Ordinal);
    }
}
