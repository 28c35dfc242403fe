using Ldn.Core.Advice;
using NodaTime;

namespace Ldn.Core.Journal.Analysis;

/// <summary>
/// The journal as one row per local calendar day, from the first entry to the as-of day. Every entry
/// is placed by its own time zone, so a dose at 22:00 in Tokyo and one at 22:00 in London are both
/// bedtime doses on the patient's own dates, across daylight-saving changes and travel. Doses taken
/// before <see cref="AnalysisOptions.DoseDayStartHour"/> count for the previous day (the night they
/// belong to); check-ins, side effects and events stay on their calendar date. Each day carries the plan
/// version in force that day (<see cref="JournalData.PlanOn"/>) and its step, and a mean score for each
/// scale of the journal's catalogue (<see cref="JournalData.Scales"/>).
/// </summary>
public sealed class DayTable
{
    private readonly int _startDayNumber;

    private DayTable(LocalDate? start, IReadOnlyList<JournalDay> days, LocalDate? firstDose, IReadOnlyList<string> notes, IReadOnlyList<SymptomScale> scales)
    {
        Scales = scales;
        Start = start;
        Days = days;
        FirstDoseDate = firstDose;
        Notes = notes;
        _startDayNumber = start?.ToDateOnly().DayNumber ?? 0;
    }

    /// <summary>The journal's scales, in the order of each day's <see cref="JournalDay.Scores"/>.</summary>
    public IReadOnlyList<SymptomScale> Scales { get; }

    /// <summary>The first day (the first entry's local date); null for an empty journal.</summary>
    public LocalDate? Start { get; }

    public IReadOnlyList<JournalDay> Days { get; }

    /// <summary>The dose-day of the first dose taken; null if none was taken up to the as-of day.</summary>
    public LocalDate? FirstDoseDate { get; }

    /// <summary>What the reader should know about how the table was made (unknown zones, entries after the as-of day).</summary>
    public IReadOnlyList<string> Notes { get; }

    /// <summary>The row of <paramref name="date"/>, or null outside the table.</summary>
    public JournalDay? this[LocalDate date]
    {
        get
        {
            var index = date.ToDateOnly().DayNumber - _startDayNumber;
            return Start is null || index < 0 || index >= Days.Count ? null : Days[index];
        }
    }

    public static DayTable Build(JournalData data, LocalDate asOf, AnalysisOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        options ??= AnalysisOptions.Default;
        options.Validate();
        var zones = new ZoneResolver(data.Profile.TimeZoneId);
        var scales = data.Scales.Count > 0 ? data.Scales : SymptomScales.BuiltIn;
        var scaleIds = scales.Select(x => x.Id).ToArray();
        var asOfNumber = asOf.ToDateOnly().DayNumber;
        var later = 0;

        // Pass 1: local dates, and the first one.
        var first = int.MaxValue;
        void See(int dayNumber)
        {
            if (dayNumber > asOfNumber)
            {
                later++;
            }
            else if (dayNumber < first)
            {
                first = dayNumber;
            }
        }

        var doseDays = new int[data.Doses.Count];
        var doseTimes = new LocalTime[data.Doses.Count];
        for (var i = 0; i < data.Doses.Count; i++)
        {
            var dose = data.Doses[i];
            var local = dose.At.InZone(zones.Get(dose.TimeZoneId)).LocalDateTime;
            doseTimes[i] = local.TimeOfDay;
            var date = local.Hour < options.DoseDayStartHour ? local.Date.PlusDays(-1) : local.Date;
            doseDays[i] = date.ToDateOnly().DayNumber;
            See(doseDays[i]);
        }

        var checkInDays = new int[data.CheckIns.Count];
        for (var i = 0; i < data.CheckIns.Count; i++)
        {
            var c = data.CheckIns[i];
            checkInDays[i] = DayNumber(c.At, zones.Get(c.TimeZoneId));
            See(checkInDays[i]);
        }

        foreach (var s in data.SideEffects)
        {
            See(DayNumber(s.From, zones.Get(s.TimeZoneId)));
        }

        var eventDays = new int[data.Events.Count];
        for (var i = 0; i < data.Events.Count; i++)
        {
            var e = data.Events[i];
            eventDays[i] = DayNumber(e.At, zones.Get(e.TimeZoneId));
            See(eventDays[i]);
        }

        var notes = new List<string>(zones.Notes);
        if (later > 0)
        {
            notes.Add($"{later} entr{(later == 1 ? "y is" : "ies are")} after {asOf:yyyy-MM-dd} and left out.");
        }

        if (first == int.MaxValue)
        {
            return new DayTable(null, [], null, notes, scales);
        }

        var n = asOfNumber - first + 1;

        // Pass 2: accumulate per day.
        var doseMg = new decimal[n];
        var doseCount = new int[n];
        var skipped = new bool[n];
        var firstTime = new LocalTime?[n];
        var bedtime = new bool[n];
        var morning = new bool[n];
        for (var i = 0; i < data.Doses.Count; i++)
        {
            var d = doseDays[i] - first;
            if (d >= n)
            {
                continue;
            }

            var dose = data.Doses[i];
            if (dose.Skipped)
            {
                skipped[d] = true;
                continue;
            }

            doseMg[d] += dose.DoseMg;
            doseCount[d]++;
            var time = doseTimes[i];
            var isBedtime = time.Hour >= options.BedtimeStartHour || time.Hour < options.DoseDayStartHour;
            bedtime[d] |= isBedtime;
            morning[d] |= !isBedtime;
            if (firstTime[d] is not { } earlier || DoseDayOrder(time, options) < DoseDayOrder(earlier, options))
            {
                firstTime[d] = time;
            }
        }

        var m = scaleIds.Length;
        var sums = new double[m * n];
        var counts = new int[m * n];
        var unknown = new SortedSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < data.CheckIns.Count; i++)
        {
            var d = checkInDays[i] - first;
            if (d >= n)
            {
                continue;
            }

            var c = data.CheckIns[i];
            for (var k = 0; k < m; k++)
            {
                if (c.Score(scaleIds[k]) is { } v)
                {
                    sums[(k * n) + d] += v;
                    counts[(k * n) + d]++;
                }
            }

            foreach (var id in c.OtherScores.Keys)
            {
                if (Array.IndexOf(scaleIds, id) < 0)
                {
                    unknown.Add(id);
                }
            }
        }

        if (unknown.Count > 0)
        {
            notes.Add($"Scores on scales not in the journal's catalogue ({string.Join(", ", unknown)}) are left out.");
        }

        var kinds = new List<string>?[n];
        var severity = new SideEffectSeverity?[n];
        foreach (var s in data.SideEffects)
        {
            var zone = zones.Get(s.TimeZoneId);
            var from = Math.Max(DayNumber(s.From, zone) - first, 0);
            var to = Math.Min(s.To is { } end ? DayNumber(end, zone) - first : n - 1, n - 1);
            for (var d = from; d <= to; d++)
            {
                var list = kinds[d] ??= [];
                if (!list.Contains(s.Kind, StringComparer.Ordinal))
                {
                    list.Add(s.Kind);
                }

                if (severity[d] is not { } max || s.Severity > max)
                {
                    severity[d] = s.Severity;
                }
            }
        }

        var flare = new bool[n];
        for (var i = 0; i < data.Events.Count; i++)
        {
            var d = eventDays[i] - first;
            if (d < n && data.Events[i].Kind == JournalEventKind.Flare)
            {
                flare[d] = true;
            }
        }

        // Pass 3: rows, with the dose level in force (the most recent dose-day's total).
        var days = new JournalDay[n];
        var start = LocalDate.FromDateOnly(DateOnly.FromDayNumber(first));
        decimal? level = null;
        int levelStart = 0, lastTaken = -1, firstDose = -1;
        for (var d = 0; d < n; d++)
        {
            if (doseCount[d] > 0)
            {
                if (level != doseMg[d])
                {
                    level = doseMg[d];
                    levelStart = d;
                }

                lastTaken = d;
                if (firstDose < 0)
                {
                    firstDose = d;
                }
            }
            else if (level is not null && d - lastTaken > options.LapseDays)
            {
                level = null;
            }

            var status = doseCount[d] > 0 ? DoseStatus.Taken : skipped[d] ? DoseStatus.Skipped : DoseStatus.NotLogged;
            var timing = (bedtime[d], morning[d]) switch
            {
                (true, true) => DoseTiming.Mixed,
                (true, false) => DoseTiming.Bedtime,
                (false, true) => DoseTiming.Morning,
                _ => DoseTiming.None,
            };
            var scores = new double[m];
            for (var k = 0; k < m; k++)
            {
                var count = counts[(k * n) + d];
                scores[k] = count == 0 ? double.NaN : sums[(k * n) + d] / count;
            }

            var date = start.PlusDays(d);
            var plan = data.PlanOn(date);
            days[d] = new JournalDay(
                date, status, doseMg[d], doseCount[d], firstTime[d], timing, level, level is null ? 0 : d - levelStart,
                new ScaleScores(scaleIds, scores), (IReadOnlyList<string>?)kinds[d] ?? [], severity[d], flare[d])
            {
                PlanVersionId = plan?.Id,
                PlannedStep = plan?.StepOn(date),
            };
        }

        return new DayTable(start, days, firstDose < 0 ? null : start.PlusDays(firstDose), notes, scales);
    }

    private static int DayNumber(Instant at, DateTimeZone zone) => at.InZone(zone).Date.ToDateOnly().DayNumber;

    /// <summary>Minutes since the dose day began (so 23:00 comes before 01:00).</summary>
    private static int DoseDayOrder(LocalTime time, AnalysisOptions options) =>
        ((time.Hour - options.DoseDayStartHour + 24) % 24 * 60) + time.Minute;

    /// <summary>
    /// Zones by id (IANA or a fixed offset written <c>UTC-08:00</c>, read by <see cref="JournalTime.Zone"/>),
    /// looked up once each; an unknown id falls back to the profile's zone (then UTC) with a note.
    /// </summary>
    internal sealed class ZoneResolver(string profileZoneId)
    {
        private readonly Dictionary<string, DateTimeZone> _zones = new(StringComparer.Ordinal);
        private DateTimeZone? _fallback;

        public List<string> Notes { get; } = [];

        public DateTimeZone Get(string? id)
        {
            id ??= "";
            if (_zones.TryGetValue(id, out var zone))
            {
                return zone;
            }

            zone = Read(id);
            if (zone is null)
            {
                zone = Fallback();
                Notes.Add($"Unknown time zone '{id}': its entries were placed using {zone.Id}.");
            }

            _zones[id] = zone;
            return zone;
        }

        private DateTimeZone Fallback()
        {
            if (_fallback is null)
            {
                _fallback = Read(profileZoneId ?? "") ?? DateTimeZone.Utc;
            }

            return _fallback;
        }

        internal static DateTimeZone? Read(string id)
        {
            try
            {
                return JournalTime.Zone(id);
            }
            catch (InvalidInputException)
            {
                return null;
            }
        }
    }
}
