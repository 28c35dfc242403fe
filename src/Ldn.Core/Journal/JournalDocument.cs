using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using NodaTime;
using NodaTime.Text;
using Ldn.Core.Text;

namespace Ldn.Core.Journal;

/// <summary>
/// The journal as one JSON document (schema <c>ldn-journal/2</c>): what <c>ldn journal show --json</c>
/// prints (the contract: <c>doses[at, doseMg, formulation, skipped]</c>, <c>checkIns</c>,
/// <c>sideEffects[kind, severity, from, to]</c>, <c>events</c>) plus the profile, the plan in force, every
/// plan version, the scale catalogue, the medications and the history, so that <c>export --json</c> and
/// <c>import --json</c> round-trip without loss (ids, revisions, deleted entries through their history).
/// Times are ISO 8601 with the offset of the entry's own zone at that instant, and the zone id beside;
/// history times are UTC. <c>ldn-journal/1</c> documents (no versions, scales, revisions or history) still read.
/// </summary>
public sealed record JournalDocument
{
    public const string SchemaId = "ldn-journal/2";

    /// <summary>The first schema, still read: one plan, no revisions, scales or history.</summary>
    public const string SchemaV1 = "ldn-journal/1";

    /// <summary>Notes are free text, but a 10 MB "note" is an attack or an accident, not a note.</summary>
    public const int MaxNoteLength = 10_000;

    public static JsonSerializerOptions Options { get; } = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    /// <summary>Always <see cref="SchemaId"/> in a document this tool writes; required when reading one.</summary>
    public string? Schema { get; init; }

    public ProfileDocument? Profile { get; init; }

    /// <summary>The plan version in force on the document's day (see <see cref="From"/>); derived from <see cref="Plans"/>, ignored on reading when they are there.</summary>
    public PlanVersionDocument? Plan { get; init; }

    /// <summary>Every live plan version, by start date: <c>from</c>, <c>to</c> (the day before the next version starts; null for the newest).</summary>
    public IReadOnlyList<PlanVersionDocument> Plans { get; init; } = [];

    /// <summary>The symptom-scale catalogue: the five built-in scales, then the journal's own.</summary>
    public IReadOnlyList<ScaleDocument> Scales { get; init; } = [];

    public IReadOnlyList<MedicationDocument> Medications { get; init; } = [];

    public IReadOnlyList<DoseDocument> Doses { get; init; } = [];

    public IReadOnlyList<CheckInDocument> CheckIns { get; init; } = [];

    public IReadOnlyList<SideEffectDocument> SideEffects { get; init; } = [];

    public IReadOnlyList<EventDocument> Events { get; init; } = [];

    /// <summary>Every change, oldest first (empty when the journal was loaded without its history).</summary>
    public IReadOnlyList<ChangeDocument> History { get; init; } = [];

    /// <summary>
    /// The document of <paramref name="data"/>. <c>plan</c> is the version in force on <paramref name="today"/>
    /// (the first version when <paramref name="today"/> is before it starts); null <paramref name="today"/>:
    /// the newest version.
    /// </summary>
    public static JournalDocument From(JournalData data, LocalDate? today = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        var p = data.Profile;
        var plans = data.Plans.Select((v, i) => JournalEntryJson.Document(v, i + 1 < data.Plans.Count ? data.Plans[i + 1].From.PlusDays(-1) : null)).ToList();
        var inForce = today is { } day ? Math.Max(data.Plans.ToList().FindLastIndex(v => v.From <= day), 0) : data.Plans.Count - 1;
        return new JournalDocument
        {
            Schema = SchemaId,
            Profile = new ProfileDocument(p.Name, p.TimeZoneId, p.Conditions, p.HepaticImpairment, p.RenalImpairment, p.Pregnant, p.Breastfeeding, p.TransplantImmunosuppression, p.PlannedSurgery?.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture)),
            Plan = plans.Count == 0 ? null : plans[inForce],
            Plans = plans,
            Scales = [.. data.Scales.Select(s => new ScaleDocument(s.Id, s.Label, s.LowAnchor, s.HighAnchor, s.HigherIsWorse, s.CodeSystem, s.Code, s.BuiltIn))],
            Medications = [.. data.Medications.Select(m => JournalEntryJson.Document(m, p.TimeZoneId))],
            Doses = [.. data.Doses.Select(JournalEntryJson.Document)],
            CheckIns = [.. data.CheckIns.Select(JournalEntryJson.Document)],
            SideEffects = [.. data.SideEffects.Select(JournalEntryJson.Document)],
            Events = [.. data.Events.Select(JournalEntryJson.Document)],
            History = [.. data.History.Select(ChangeDocument.From)],
        };
    }

    /// <summary>Reads a document (an export, or a hand-made file; <c>ldn-journal/2</c> or <c>/1</c>) and checks every field; one sentence on the first problem.</summary>
    public static JournalData Read(string json, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(json);
        JournalDocument? document;
        try
        {
            document = JsonSerializer.Deserialize<JournalDocument>(json, Options);
        }
        catch (JsonException e)
        {
            throw new InvalidInputException($"The journal file '{sourceName}' is not a journal export: {JsonErrors.Describe(e)}.", e);
        }

        if (document is null || document.Schema is not (SchemaId or SchemaV1))
        {
            throw new InvalidInputException($"The journal file '{sourceName}' must declare \"schema\": \"{SchemaId}\" (or the older \"{SchemaV1}\").");
        }

        return document.ToData(sourceName);
    }

    /// <summary>Checks every field and builds the journal; one sentence naming <paramref name="sourceName"/> on the first problem.</summary>
    public JournalData ToData(string sourceName)
    {
        var reader = new JournalEntryReader($"The journal file '{sourceName}'", bounded: true);
        var profileDoc = Profile ?? throw reader.Fail("has no profile");
        var home = JournalTime.Zone(profileDoc.TimeZone ?? throw reader.Fail("has no profile time zone"));
        LocalDate? surgery = null;
        if (profileDoc.PlannedSurgery is { } s)
        {
            surgery = LocalDatePattern.Iso.Parse(s) is { Success: true } d ? d.Value : throw reader.Fail($"has an unusable plannedSurgery '{s}'");
        }

        var profile = new JournalProfile
        {
            Name = profileDoc.Name,
            TimeZoneId = home.Id,
            Conditions = profileDoc.Conditions ?? [],
            HepaticImpairment = profileDoc.HepaticImpairment,
            RenalImpairment = profileDoc.RenalImpairment,
            Pregnant = profileDoc.Pregnant,
            Breastfeeding = profileDoc.Breastfeeding,
            TransplantImmunosuppression = profileDoc.TransplantImmunosuppression,
            PlannedSurgery = surgery,
        };

        var scales = ReadScales(reader);
        var plans = Plans.Count > 0
            ? Plans.Select((p, i) => reader.Plan(p, $"plan version {i + 1}"))
            : Plan is { } single ? [reader.Plan(single, "the plan")] : [];
        return new JournalData
        {
            Profile = profile,
            Plans = [.. plans.OrderBy(p => p.From).ThenBy(p => p.Id)],
            Scales = scales,
            Medications = [.. Medications.Select((m, i) => reader.Medication(m, $"medication {i + 1}"))],
            Doses = [.. Doses.Select((d, i) => reader.Dose(d, $"dose {i + 1}"))],
            CheckIns = [.. CheckIns.Select((c, i) => reader.CheckIn(c, $"check-in {i + 1}", scales))],
            SideEffects = [.. SideEffects.Select((x, i) => reader.SideEffect(x, $"side effect {i + 1}"))],
            Events = [.. Events.Select((e, i) => reader.Event(e, $"event {i + 1}"))],
            History = [.. History.Select((c, i) => ReadChange(reader, c, $"change {i + 1}"))],
        };
    }

    private List<SymptomScale> ReadScales(JournalEntryReader reader)
    {
        var scales = SymptomScales.BuiltIn.ToList();
        foreach (var (scale, i) in Scales.Select((x, i) => (x, i)))
        {
            var what = $"scale {i + 1}";
            var id = scale.Id ?? throw reader.Fail($"has {what} without an id");
            if (SymptomScales.IsBuiltIn(id))
            {
                continue;   // the built-in scales are every journal's; their texts are not the file's to change
            }

            if (SymptomScales.IdFor(id) != id || scales.Any(x => x.Id == id))
            {
                throw reader.Fail($"has {what} with the id '{id}', which is not a new lower-case id such as brain-fog");
            }

            scales.Add(new SymptomScale(id, scale.Label ?? throw reader.Fail($"has {what} without a label"), scale.LowAnchor ?? "none", scale.HighAnchor ?? "worst",
                scale.HigherIsWorse, scale.CodeSystem, scale.Code));
        }

        return scales;
    }

    private static JournalChange ReadChange(JournalEntryReader reader, ChangeDocument c, string what)
    {
        var kind = JournalEntryKinds.Parse(c.Kind ?? throw reader.Fail($"has {what} without a kind"));
        var change = Enum.GetValues<JournalChangeType>().Where(t => JournalChange.Name(t) == c.Change).Select(t => (JournalChangeType?)t).FirstOrDefault()
            ?? throw reader.Fail($"has {what} with the change '{c.Change}' (use add, edit, delete or restore)");
        string? Value(JsonNode? node)
        {
            if (node is null)
            {
                return null;
            }

            var json = node.ToJsonString(Options);
            var entry = JournalEntryJson.Read(kind, json);
            return entry.Id == c.Id ? json : throw reader.Fail($"has {what} whose value belongs to {JournalEntryKinds.Name(kind)} {entry.Id}, not {c.Id}");
        }

        if (c.Sequence < 1 || c.Revision < 1)
        {
            throw reader.Fail($"has {what} without a sequence and revision of 1 or more");
        }

        return new JournalChange(c.Sequence, kind, c.Id, c.Revision, change, reader.Utc(c.At, what), Value(c.Before), Value(c.After), c.Reason, c.Undoes);
    }
}

public sealed record ProfileDocument(string? Name, string? TimeZone, IReadOnlyList<string>? Conditions, bool HepaticImpairment, bool RenalImpairment, bool Pregnant, bool Breastfeeding, bool TransplantImmunosuppression, string? PlannedSurgery);

/// <summary>
/// A plan version: in force <c>from</c> (local date) <c>to</c> (null for the newest), made at <c>setAt</c> by
/// <c>adjustment</c> (set, hold, step-down, advance, move-to-morning, move-to-evening), with the plan
/// <c>document</c> (the JSON of <c>ldn plan --json</c>). An <c>ldn-journal/1</c> plan has only setAt and document.
/// </summary>
public sealed record PlanVersionDocument(long Id, int? Revision, string? From, string? To, string? SetAt, string? Adjustment, JsonNode? Document);

/// <summary>A scale of the catalogue (see <see cref="SymptomScale"/>).</summary>
public sealed record ScaleDocument(string? Id, string? Label, string? LowAnchor, string? HighAnchor, bool HigherIsWorse, string? CodeSystem, string? Code, bool BuiltIn);

public sealed record MedicationDocument(long Id, int? Revision, string? Name, string? Since, string? Until);

public sealed record DoseDocument(long Id, int? Revision, string? At, string? TimeZone, decimal? DoseMg, string? Formulation, bool Skipped, string? Note);

/// <summary>A check-in: the five built-in scores by name (the contract), and <c>scores</c> with every score given, by scale id.</summary>
public sealed record CheckInDocument(long Id, int? Revision, string? At, string? TimeZone, int? Fatigue, int? Pain, int? Sleep, int? Mood, int? Focus, IReadOnlyDictionary<string, int>? Scores, string? Note);

/// <summary>A side effect; <c>typedName</c> is the name as typed when it was an alias of <c>kind</c>.</summary>
public sealed record SideEffectDocument(long Id, int? Revision, string? Kind, string? TypedName, string? Severity, string? From, string? To, string? TimeZone, string? Note);

public sealed record EventDocument(long Id, int? Revision, string? At, string? TimeZone, string? Kind, string? Note);

/// <summary>
/// One change of the history (see <see cref="JournalChange"/>): <c>before</c> and <c>after</c> are the entry's
/// documents (JSON objects), <c>undoes</c> the sequence of the change an undo reverses.
/// </summary>
public sealed record ChangeDocument(long Sequence, string? Kind, long Id, int Revision, string? Change, string? At, JsonNode? Before, JsonNode? After, string? Reason, long? Undoes)
{
    /// <summary>A change as the export and <c>ldn journal history --json</c> write it: the entry's documents as JSON objects, the time as an ISO instant.</summary>
    public static ChangeDocument From(JournalChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        return new ChangeDocument(
            change.Sequence, JournalEntryKinds.Name(change.Kind), change.EntryId, change.Revision, JournalChange.Name(change.Change), InstantPattern.ExtendedIso.Format(change.At),
            change.Before is null ? null : JsonNode.Parse(change.Before), change.After is null ? null : JsonNode.Parse(change.After), change.Reason, change.Undoes);
    }
}
