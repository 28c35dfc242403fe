using System.Globalization;
using NodaTime;
using NodaTime.Text;
using NodaTime.TimeZones;

namespace Ldn.Core.Journal;

/// <summary>
/// When something happened, as a person types it, in their time zone: <c>now</c>, <c>22:00</c> (today),
/// <c>yesterday 22:00</c> or <c>yesterday at 22:00</c>, <c>2026-12-01 22:00</c>, <c>2026-12-01T22:00</c>, or a
/// full ISO instant with offset. Local times are placed in the zone with the day's own offset, so
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
    private static readonly OffsetDateTimePattern IsoOffset = OffsetDateTimePattern.ExtendedIso;

    /// <summary>RFC 3339 output: always ±HH:mm (ExtendedIso would write "+01" for a whole-hour offset).</summary>
    private static readonly OffsetDateTimePattern Rfc3339 = OffsetDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm':'ss;FFFFFFFFFo<+HH:mm>");

    public static Instant Earliest { get; } = Instant.FromUtc(1970, 1, 1, 0, 0);

    public static Instant Parse(string? text, DateTimeZone zone, Instant now)
    {
        ArgumentNullException.ThrowIfNull(zone);
        if (string.IsNullOrWhiteSpace(text) || text.Trim().Equals("now", StringComparison.OrdinalIgnoreCase))
        {
            return now;
        }

        var trimmed = text.Trim();
        var today = now.InZone(zone).Date;
        var instant = Read(trimmed, zone, today)
            ?? throw new InvalidInputException(
                $"'{text}' is not a time: write now, 22:00, yesterday 22:00, 2026-12-01 22:00 or 2026-12-01T22:00+01:00.");
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

    /// <summary>An IANA zone by id (exact, then case-insensitive); InvalidInputException for an unknown id.</summary>
    public static DateTimeZone Zone(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        var provider = DateTimeZoneProviders.Tzdb;
        var match = provider.GetZoneOrNull(id.Trim()) ?? provider.Ids.Where(z => string.Equals(z, id.Trim(), StringComparison.OrdinalIgnoreCase)).Select(z => provider[z]).FirstOrDefault();
        return match ?? throw new InvalidInputException(Text.NameMatch.Suggest(id, provider.Ids) is { Count: > 0 } near
            ? $"'{id}' is not a known IANA time zone{Text.NameMatch.DidYouMean(near)}"
            : $"'{id}' is not a known IANA time zone (e.g. Europe/Oslo, America/New_York, Asia/Tokyo).");
    }

    private static Instant? Read(string text, DateTimeZone zone, LocalDate today)
    {
        if (IsoOffset.Parse(text) is { Success: true } offset)
        {
            return offset.Value.ToInstant();
        }

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
}
