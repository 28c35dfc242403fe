using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Ldn.Core.Advice;
using Ldn.Core.Dosing;
using NodaTime;
using NodaTime.Text;
using Ldn.Core.Text;

namespace Ldn.Core.Journal;

/// <summary>
/// One journal entry as the JSON object it has in the export document (<c>ldn-journal/2</c>): a dose as
/// <c>{"id","revision","at","timeZone","doseMg","formulation","skipped","note"}</c>, a plan version as
/// <c>{"id","revision","from","to","setAt","adjustment","document"}</c>, and so on. The history keeps these
/// texts as the before and after values of each change, so an undo of an edit reads the old value back with
/// <see cref="Read"/>, and <c>history --json</c> prints them as they are.
/// </summary>
public static class JournalEntryJson
{
    /// <summary>
    /// The entry as compact JSON. Times are ISO 8601 with the offset of the entry's own zone; a medication
    /// has no zone, so its times use <paramref name="homeTimeZoneId"/> (the profile's zone, or UTC).
    /// </summary>
    public static string Write(IJournalEntry entry, string homeTimeZoneId = "UTC") =>
        JsonSerializer.Serialize(Document(entry, homeTimeZoneId), JournalDocument.Options);

    /// <summary>The entry of <paramref name="kind"/> that <paramref name="json"/> (written by <see cref="Write"/>) describes.</summary>
    /// <exception cref="InvalidInputException">The text is not such an entry; one sentence.</exception>
    public static IJournalEntry Read(JournalEntryKind kind, string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        var reader = new JournalEntryReader($"The stored {JournalEntryKinds.Name(kind)} value");
        try
        {
            return kind switch
            {
                JournalEntryKind.Dose => reader.Dose(Deserialize<DoseDocument>(json), "it"),
                JournalEntryKind.CheckIn => reader.CheckIn(Deserialize<CheckInDocument>(json), "it", null),
                JournalEntryKind.SideEffect => reader.SideEffect(Deserialize<SideEffectDocument>(json), "it"),
                JournalEntryKind.Event => reader.Event(Deserialize<EventDocument>(json), "it"),
                JournalEntryKind.Medication => reader.Medication(Deserialize<MedicationDocument>(json), "it"),
                JournalEntryKind.Plan => reader.Plan(Deserialize<PlanVersionDocument>(json), "it"),
                _ => throw new ArgumentOutOfRangeException(nameof(kind)),
            };
        }
        catch (JsonException e)
        {
            throw new InvalidInputException($"The stored {JournalEntryKinds.Name(kind)} value is not an entry ({JsonErrors.Describe(e)}).", e);
        }
    }

    /// <summary>The entry as its document record (<see cref="DoseDocument"/> …), for the export document and <see cref="Write"/>.</summary>
    public static object Document(IJournalEntry entry, string homeTimeZoneId = "UTC") => entry switch
    {
        DoseEntry d => Document(d),
        CheckInEntry c => Document(c),
        SideEffectEntry s => Document(s),
        EventEntry e => Document(e),
        MedicationEntry m => Document(m, homeTimeZoneId),
        PlanVersion p => Document(p, null),
        null => throw new ArgumentNullException(nameof(entry)),
        _ => throw new ArgumentOutOfRangeException(nameof(entry), entry.GetType().Name, "Not a journal entry type."),
    };

    public static DoseDocument Document(DoseEntry d)
    {
        ArgumentNullException.ThrowIfNull(d);
        return new(d.Id, d.Revision, At(d.At, d.TimeZoneId), d.TimeZoneId, d.DoseMg, d.Formulation.Name(), d.Skipped, d.Note);
    }

    public static CheckInDocument Document(CheckInEntry c)
    {
        ArgumentNullException.ThrowIfNull(c);
        return new(c.Id, c.Revision, At(c.At, c.TimeZoneId), c.TimeZoneId, c.Fatigue, c.Pain, c.Sleep, c.Mood, c.Focus, c.Scores(), c.Note);
    }

    public static SideEffectDocument Document(SideEffectEntry s)
    {
        ArgumentNullException.ThrowIfNull(s);
        return new(s.Id, s.Revision, s.Kind, s.TypedName, s.Severity.ToString().ToLowerInvariant(), At(s.From, s.TimeZoneId), s.To is { } to ? At(to, s.TimeZoneId) : null, s.TimeZoneId, s.Note);
    }

    public static EventDocument Document(EventEntry e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return new(e.Id, e.Revision, At(e.At, e.TimeZoneId), e.TimeZoneId, EventKinds.Name(e.Kind), e.Note);
    }

    public static MedicationDocument Document(MedicationEntry m, string homeTimeZoneId)
    {
        ArgumentNullException.ThrowIfNull(m);
        return new(m.Id, m.Revision, m.Name, At(m.Since, homeTimeZoneId), m.Until is { } u ? At(u, homeTimeZoneId) : null);
    }

    /// <summary>A plan version; <paramref name="to"/> is the day before the next version starts (null for the newest, and in the history).</summary>
    public static PlanVersionDocument Document(PlanVersion p, LocalDate? to)
    {
        ArgumentNullException.ThrowIfNull(p);
        return new(p.Id, p.Revision, Date(p.From), to is { } t ? Date(t) : null, InstantPattern.ExtendedIso.Format(p.SetAt), p.Adjustment, JsonNode.Parse(p.PlanJson));
    }

    private static T Deserialize<T>(string json) =>
        JsonSerializer.Deserialize<T>(json, JournalDocument.Options) ?? throw new JsonException("it is null");

    private static string At(Instant instant, string zone) => JournalTime.Format(instant, zone);

    private static string Date(LocalDate date) => date.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture);
}

/// <summary>
/// Turns entry documents back into entries, checking every field; a problem is one sentence that starts
/// with <c>subject</c> ("The journal file 'x.json'") and names the entry ("dose 3").
/// </summary>
/// <param name="subject">How the source is named at the start of each sentence.</param>
/// <param name="bounded">True for files coming in (imports): every time and date must lie within
/// <see cref="JournalTime.Earliest"/>–<see cref="JournalTime.Latest"/>. Stored values are read unbounded, so a journal
/// an older version filled with such a time still opens and the entry can be shown and corrected.</param>
internal sealed class JournalEntryReader(string subject, bool bounded = false)
{
    public InvalidInputException Fail(string what) => new($"{subject} {what}.");

    public Instant Time(string? text, string what) =>
        text is not null && OffsetDateTimePattern.ExtendedIso.Parse(text) is { Success: true } t ? InRange(t.Value.ToInstant(), text, what) : throw Fail($"has an unusable time '{text}' in {what}");

    public Instant Utc(string? text, string what) =>
        text is not null && InstantPattern.ExtendedIso.Parse(text) is { Success: true } t ? InRange(t.Value, text, what) : Time(text, what);

    public LocalDate Date(string? text, string what)
    {
        var date = text is not null && LocalDatePattern.Iso.Parse(text) is { Success: true } d ? d.Value : throw Fail($"has an unusable date '{text}' in {what}");
        InRange(date.AtStartOfDayInZone(DateTimeZone.Utc).ToInstant(), text, what);
        return date;
    }

    private Instant InRange(Instant instant, string text, string what) =>
        !bounded || (instant >= JournalTime.Earliest && instant < JournalTime.Latest)
            ? instant
            : throw Fail($"has the time '{text}' in {what}, outside {JournalTime.Earliest.InUtc().Year}–{JournalTime.Latest.InUtc().Year - 1}; correct it in the file and import again");

    public string Zone(string? id, string what) => JournalTime.Zone(id ?? throw Fail($"has no timeZone in {what}")).Id;

    public DoseEntry Dose(DoseDocument d, string what)
    {
        Note(d.Note);
        return new DoseEntry(d.Id, Time(d.At, what), Zone(d.TimeZone, what), d.DoseMg ?? throw Fail($"has {what} without doseMg"), Formulations.Parse(d.Formulation ?? "capsule"), d.Skipped, d.Note)
        {
            Revision = Revision(d.Revision, what),
        };
    }

    /// <summary>A check-in; <paramref name="scales"/> (when given) is the catalogue its scores must belong to.</summary>
    public CheckInEntry CheckIn(CheckInDocument c, string what, IReadOnlyList<SymptomScale>? scales)
    {
        Note(c.Note);
        var scores = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (id, value) in new[] { (SymptomScales.Fatigue, c.Fatigue), (SymptomScales.Pain, c.Pain), (SymptomScales.Sleep, c.Sleep), (SymptomScales.Mood, c.Mood), (SymptomScales.Focus, c.Focus) })
        {
            if (value is { } v)
            {
                scores[id] = v;
            }
        }

        foreach (var (id, value) in c.Scores ?? new Dictionary<string, int>())
        {
            if (scores.TryGetValue(id, out var named) && named != value)
            {
                throw Fail($"gives {what} two {id} scores ({named} and {value})");
            }

            if (scales is not null && !scales.Any(s => s.Id == id))
            {
                throw Fail($"has {what} with a score on '{id}', which is not one of its scales");
            }

            scores[id] = value;
        }

        if (scores.Values.Any(v => v is < 0 or > 10))
        {
            throw Fail($"has {what} with a score outside 0–10");
        }

        var entry = new CheckInEntry(c.Id, Time(c.At, what), Zone(c.TimeZone, what), c.Fatigue ?? Get(SymptomScales.Fatigue), c.Pain ?? Get(SymptomScales.Pain),
            c.Sleep ?? Get(SymptomScales.Sleep), c.Mood ?? Get(SymptomScales.Mood), c.Focus ?? Get(SymptomScales.Focus), c.Note)
        {
            Revision = Revision(c.Revision, what),
        };

        // Without other scores the entry keeps the shared empty map, so it equals one made without them.
        var others = scores.Where(p => !SymptomScales.IsBuiltIn(p.Key)).ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
        return others.Count == 0 ? entry : entry with { OtherScores = others };

        int? Get(string id) => scores.TryGetValue(id, out var v) ? v : null;
    }

    public SideEffectEntry SideEffect(SideEffectDocument s, string what)
    {
        Note(s.Note);
        var severity = RuleSet.ParseSeverity(s.Severity ?? "") ?? throw Fail($"gives {what} the severity '{s.Severity}' (use mild, moderate or severe)");
        return new SideEffectEntry(s.Id, SideEffectKinds.Parse(s.Kind ?? throw Fail($"has {what} without a kind")), severity, Time(s.From, what), s.To is null ? null : Time(s.To, what), Zone(s.TimeZone, what), s.Note)
        {
            Revision = Revision(s.Revision, what),
            TypedName = s.TypedName,
        };
    }

    public EventEntry Event(EventDocument e, string what)
    {
        Note(e.Note);
        return new EventEntry(e.Id, Time(e.At, what), Zone(e.TimeZone, what), EventKinds.Parse(e.Kind ?? throw Fail($"has {what} without a kind")), e.Note)
        {
            Revision = Revision(e.Revision, what),
        };
    }

    public MedicationEntry Medication(MedicationDocument m, string what) =>
        new(m.Id, m.Name ?? throw Fail($"has {what} without a name"), Time(m.Since, what), m.Until is null ? null : Time(m.Until, what))
        {
            Revision = Revision(m.Revision, what),
        };

    /// <summary>A plan version; a document without <c>from</c> (an <c>ldn-journal/1</c> plan) starts on its first step.</summary>
    public PlanVersion Plan(PlanVersionDocument p, string what)
    {
        var planJson = p.Document?.ToJsonString(JournalDocument.Options) ?? throw Fail($"has {what} without its document");
        Protocols.PlanDocument.ReadSteps(planJson, $"{what} of the journal");
        var setAt = p.SetAt is not null && InstantPattern.ExtendedIso.Parse(p.SetAt) is { Success: true } set ? set.Value : throw Fail($"has an unusable setAt '{p.SetAt}' in {what}");
        var version = p.From is null ? PlanVersion.Initial(planJson, setAt) with { Id = p.Id } : new PlanVersion(p.Id, Date(p.From, what), setAt, planJson, p.Adjustment);
        return version with { Revision = Revision(p.Revision, what) };
    }

    private int Revision(int? revision, string what) => revision switch
    {
        null => 1,
        >= 1 => revision.Value,
        _ => throw Fail($"gives {what} the revision {revision} (revisions start at 1)"),
    };

    private void Note(string? note)
    {
        if (note is { Length: > JournalDocument.MaxNoteLength })
        {
            throw Fail($"has a note of {note.Length} characters; notes hold at most {JournalDocument.MaxNoteLength}");
        }
    }
}
