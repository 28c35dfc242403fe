using System.CommandLine;
using System.Globalization;
using Ldn.Core;
using Ldn.Core.Journal;
using Ldn.Storage;
using NodaTime;

namespace Ldn.Cli.Commands.Journal;

/// <summary>
/// What every <c>ldn journal</c> subcommand shares: the <c>--db</c> option (a SQLite file, a PostgreSQL
/// connection string, or by default the journal in the user's data folder), the clock, and the journal's
/// time zone. <c>LDN_NOW</c> (an ISO instant) fixes the clock for tests and demos; nothing else reads it.
/// </summary>
internal static class JournalContext
{
    public static Option<string?> Db { get; } = new("--db")
    {
        Description = "The journal: a SQLite file, or a PostgreSQL connection string (Host=…;Database=…). Default: journal.db in your data folder (or $LDN_JOURNAL_DB).",
        Recursive = true,
    };

    private static readonly AsyncLocal<Instant?> _clock = new();

    /// <summary>
    /// Fixes <see cref="Now"/> for the calling flow (a test running the command in-process) until the
    /// result is disposed; unlike <c>LDN_NOW</c> it does not leak into tests running in parallel.
    /// </summary>
    internal static IDisposable UseClock(Instant now)
    {
        var previous = _clock.Value;
        _clock.Value = now;
        return new ClockScope(previous);
    }

    public static Instant Now()
    {
        if (_clock.Value is { } overridden)
        {
            return overridden;
        }

        var fixedNow = Environment.GetEnvironmentVariable("LDN_NOW");
        if (string.IsNullOrWhiteSpace(fixedNow))
        {
            return SystemClock.Instance.GetCurrentInstant();
        }

        return NodaTime.Text.OffsetDateTimePattern.ExtendedIso.Parse(fixedNow) is { Success: true } parsed
            ? parsed.Value.ToInstant()
            : throw new InvalidInputException($"LDN_NOW='{fixedNow}' is not an ISO time such as 2026-12-01T08:00:00Z.");
    }

    public static IJournalStore Open(ParseResult parse) => JournalStores.Open(parse.GetValue(Db));

    /// <summary>Opens the journal and reads its profile; "not initialised" is one sentence from the store.</summary>
    public static (IJournalStore Store, JournalProfile Profile, DateTimeZone Zone) OpenInitialised(ParseResult parse)
    {
        var store = Open(parse);
        try
        {
            var profile = store.Profile();
            return (store, profile, JournalTime.Zone(profile.TimeZoneId));
        }
        catch
        {
            store.Dispose();
            throw;
        }
    }

    public static string Mg(decimal value) => value.ToString("0.###", CultureInfo.InvariantCulture) + " mg";

    public static string Local(Instant instant, string zoneId) =>
        instant.InZone(JournalTime.Zone(zoneId)).ToString("uuuu-MM-dd HH:mm", CultureInfo.InvariantCulture);

    private sealed class ClockScope(Instant? previous) : IDisposable
    {
        public void Dispose() => _clock.Value = previous;
    }
}
