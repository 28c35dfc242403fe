using System.Globalization;
using NodaTime;

namespace Ldn.Core.Journal;

/// <summary>
/// The journal's use cases, the same for every front end (the <c>ldn journal</c> commands and the web
/// workbench): recording entries with the questions a careful tool asks first, corrections with history
/// and undo, plan versions, and the views that read the journal (a window of days, the plan in force on a
/// day, the advice state). It holds no state of its own beyond the profile it read; the store does the
/// I/O and the clock says what "now" is, so tests fix both.
/// </summary>
public sealed partial class JournalService
{
    /// <summary>Doses before this local hour belong to the night before (a 00:30 bedtime dose is that night's dose).</summary>
    public const int DoseDayStartHour = 6;

    /// <summary>A dose above this many mg is outside low-dose naltrexone (clinical-evidence.md §3.3) and is asked about.</summary>
    public const decimal LdnCeilingMg = 10m;

    private readonly IClock _clock;
    private JournalProfile? _profile;

    /// <exception cref="ArgumentNullException">A null store or clock.</exception>
    public JournalService(IJournalStore store, IClock clock)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(clock);
        Store = store;
        _clock = clock;
    }

    public IJournalStore Store { get; }

    public Instant Now => _clock.GetCurrentInstant();

    /// <summary>The journal's profile (read once).</summary>
    /// <exception cref="InvalidInputException">The journal is not initialised.</exception>
    public JournalProfile Profile => _profile ??= Store.Profile();

    /// <summary>The journal's home zone: times typed without a zone are read in it, and days are its days.</summary>
    public DateTimeZone HomeZone => JournalTime.Zone(Profile.TimeZoneId);

    /// <summary>Today in the journal's home zone.</summary>
    public LocalDate Today => Now.InZone(HomeZone).Date;

    /// <summary>The day a dose belongs to: its own zone's date, or the day before for a dose before <see cref="DoseDayStartHour"/>.</summary>
    public static LocalDate DoseDay(Instant at, string timeZoneId)
    {
        var local = at.InZone(JournalTime.Zone(timeZoneId)).LocalDateTime;
        return local.Hour < DoseDayStartHour ? local.Date.PlusDays(-1) : local.Date;
    }

    /// <summary>An entry's local day in its own zone.</summary>
    public static LocalDate LocalDay(Instant at, string timeZoneId) => at.InZone(JournalTime.Zone(timeZoneId)).Date;

    /// <summary>"2026-12-01 22:00" in the entry's own zone, with the zone when it is not the journal's.</summary>
    public string Describe(Instant at, string timeZoneId)
    {
        var local = at.InZone(JournalTime.Zone(timeZoneId)).ToString("uuuu-MM-dd HH:mm", CultureInfo.InvariantCulture);
        return timeZoneId == Profile.TimeZoneId ? local : $"{local} ({timeZoneId})";
    }

    /// <summary>Reads a typed time: in <paramref name="timeZone"/> when named, else in <paramref name="defaultZoneId"/> (or the journal's zone), keeping a typed offset as the entry's zone.</summary>
    internal EntryTime When(string? text, string? timeZone, string? defaultZoneId = null)
    {
        var named = timeZone is not null;
        var zone = named ? JournalTime.Zone(timeZone!) : JournalTime.Zone(defaultZoneId ?? Profile.TimeZoneId);
        var (at, entryZone) = JournalTime.ParseWithZone(text, zone, Now, named);
        return new EntryTime(at, entryZone);
    }

    internal static string? CleanNote(string? text) => text?.Trim() is { Length: > 0 } note
        ? note.Length <= JournalDocument.MaxNoteLength ? note : throw new InvalidInputException($"A note holds at most {JournalDocument.MaxNoteLength} characters (got {note.Length}).")
        : null;

    internal static string Mg(decimal value) => Advice.AdviceState.Mg(value);
}
