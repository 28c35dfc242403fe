using System.CommandLine;
using System.Globalization;
using Ldn.Core;
using Ldn.Core.Journal;
using Ldn.Storage;
using NodaTime;
using Spectre.Console;

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

    /// <summary>The files of the SQLite journal <c>--db</c> names (none for PostgreSQL), which no output may overwrite.</summary>
    public static IReadOnlyList<string> Files(ParseResult parse) => JournalStores.LocalFiles(DbValue(parse));

    public static IJournalStore Open(ParseResult parse) => JournalStores.Open(DbValue(parse), Clock);

    /// <summary>
    /// <c>--db</c> as given, null when left out. Typed but empty (<c>--db ""</c>, an unset shell variable) is refused:
    /// falling back to the default journal would read or change a journal the user did not name.
    /// </summary>
    private static string? DbValue(ParseResult parse) => parse.GetValue(Db) is { } db && string.IsNullOrWhiteSpace(db)
        ? throw new InvalidInputException("--db is empty; give a journal file or a PostgreSQL connection string, or leave --db out for the default journal.")
        : parse.GetValue(Db);

    /// <summary>The clock of every journal command: <see cref="Now"/>.</summary>
    public static IClock Clock { get; } = new CommandClock();

    /// <summary>The journal's use cases on the store named by <c>--db</c>; dispose the store when done.</summary>
    public static (IJournalStore Store, JournalService Journal) OpenService(ParseResult parse)
    {
        var store = Open(parse);
        return (store, new JournalService(store, Clock));
    }

    /// <summary>
    /// Runs a recording use case; when it needs confirmation, asks in a terminal ("Record it anyway?") and
    /// runs it again confirmed, else refuses in one sentence that says how to confirm. Nothing is recorded
    /// without an answer.
    /// </summary>
    public static T Confirmed<T>(Func<bool, T> record, bool yes, TextWriter stdout)
    {
        ArgumentNullException.ThrowIfNull(record);
        try
        {
            return record(yes);
        }
        catch (ConfirmationRequiredException question) when (!yes)
        {
            if (Interactive(stdout) && Output.ConsoleFactory.For(stdout).Confirm(Markup.Escape(question.Message + ". Record it anyway?"), false))
            {
                return record(true);
            }

            throw new InvalidInputException($"{question.Message}; nothing was recorded (add --yes to record it).");
        }
    }

    /// <summary>True when a person is at the terminal: questions can be asked.</summary>
    public static bool Interactive(TextWriter stdout) => stdout == Console.Out && !Console.IsInputRedirected && !Console.IsOutputRedirected;

    /// <summary><c>--tz ZONE</c>: the zone the patient was in (IANA, or UTC±HH:mm).</summary>
    public static Option<string?> TimeZoneOption() => new("--tz") { Description = "The time zone you were in, e.g. America/Los_Angeles (default: the journal's; a time typed with an offset keeps that offset)." };

    /// <summary><c>--yes</c>: record what would otherwise be asked about.</summary>
    public static Option<bool> YesOption() => new("--yes", "-y") { Description = "Record it even if it looks like a mistake (a second dose that day, above 10 mg or twice the plan, a side effect already ongoing, a name only close to a known kind)." };

    /// <summary>Prints the notes of a recorded entry to stderr (they are for the person, not for a pipe).</summary>
    public static void WriteNotes(IEnumerable<string> notes, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(notes);
        ArgumentNullException.ThrowIfNull(stderr);
        foreach (var note in notes)
        {
            stderr.WriteLine("Note: " + note);
        }
    }

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

    private sealed class CommandClock : IClock
    {
        public Instant GetCurrentInstant() => Now();
    }

    private sealed class ClockScope(Instant? previous) : IDisposable
    {
        public void Dispose() => _clock.Value = previous;
    }
}
