using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Ldn.Core.Advice;
using Ldn.Core.Dosing;
using NodaTime;
using NodaTime.Text;

namespace Ldn.Core.Journal;

/// <summary>
/// The journal as one JSON document (schema <c>ldn-journal/1</c>): what <c>ldn journal show --json</c>
/// prints (the issue's contract: <c>doses</c>, <c>checkIns</c>, <c>sideEffects</c>, <c>events</c>) plus the
/// profile, plan and medications, so that <c>export --json</c> and <c>import --json</c> round-trip without
/// loss. Times are ISO 8601 with the offset of the entry's own zone at that instant, and the zone id beside.
/// </summary>
public sealed record JournalDocument
{
    public const string SchemaId = "ldn-journal/1";

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

    public PlanRecordDocument? Plan { get; init; }

    public IReadOnlyList<MedicationDocument> Medications { get; init; } = [];

    public IReadOnlyList<DoseDocument> Doses { get; init; } = [];

    public IReadOnlyList<CheckInDocument> CheckIns { get; init; } = [];

    public IReadOnlyList<SideEffectDocument> SideEffects { get; init; } = [];

    public IReadOnlyList<EventDocument> Events { get; init; } = [];

    public static JournalDocument From(JournalData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var p = data.Profile;
        return new JournalDocument
        {
            Schema = SchemaId,
            Profile = new ProfileDocument(p.Name, p.TimeZoneId, p.Conditions, p.HepaticImpairment, p.RenalImpairment, p.Pregnant, p.Breastfeeding, p.TransplantImmunosuppression, p.PlannedSurgery?.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture)),
            Plan = data.Plan is { } plan ? new PlanRecordDocument(InstantPattern.ExtendedIso.Format(plan.SetAt), JsonNode.Parse(plan.PlanJson)) : null,
            Medications = [.. data.Medications.Select(m => new MedicationDocument(m.Id, m.Name, At(m.Since, p.TimeZoneId), m.Until is { } u ? At(u, p.TimeZoneId) : null))],
            Doses = [.. data.Doses.Select(d => new DoseDocument(d.Id, At(d.At, d.TimeZoneId), d.TimeZoneId, d.DoseMg, d.Formulation.Name(), d.Skipped, d.Note))],
            CheckIns = [.. data.CheckIns.Select(c => new CheckInDocument(c.Id, At(c.At, c.TimeZoneId), c.TimeZoneId, c.Fatigue, c.Pain, c.Sleep, c.Mood, c.Focus, c.Note))],
            SideEffects = [.. data.SideEffects.Select(s => new SideEffectDocument(s.Id, s.Kind, s.Severity.ToString().ToLowerInvariant(), At(s.From, s.TimeZoneId), s.To is { } to ? At(to, s.TimeZoneId) : null, s.TimeZoneId, s.Note))],
            Events = [.. data.Events.Select(e => new EventDocument(e.Id, At(e.At, e.TimeZoneId), e.TimeZoneId, EventKinds.Name(e.Kind), e.Note))],
        };
    }

    /// <summary>Reads a document (an export, or a hand-made file) and checks every field; one sentence on the first problem.</summary>
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
            throw new InvalidInputException($"The journal file '{sourceName}' is not a journal export: {e.Message.Split(". Path", 2)[0].TrimEnd('.')}.", e);
        }

        if (document is null || document.Schema != SchemaId)
        {
            throw new InvalidInputException($"The journal file '{sourceName}' must declare \"schema\": \"{SchemaId}\".");
        }

        return document.ToData(sourceName);
    }

    /// <summary>Checks every field and builds the journal; one sentence naming <paramref name="sourceName"/> on the first problem.</summary>
    public JournalData ToData(string sourceName)
    {
        var profileDoc = Profile ?? throw new InvalidInputException($"The journal file '{sourceName}' has no profile.");
        InvalidInputException Fail(string what) => new($"The journal file '{sourceName}' {what}.");
        var home = JournalTime.Zone(profileDoc.TimeZone ?? throw Fail("has no profile time zone"));
        LocalDate? surgery = null;
        if (profileDoc.PlannedSurgery is { } s)
        {
            surgery = LocalDatePattern.Iso.Parse(s) is { Success: true } d ? d.Value : throw Fail($"has an unusable plannedSurgery '{s}'");
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

        foreach (var note in Doses.Select(d => d.Note).Concat(CheckIns.Select(c => c.Note)).Concat(SideEffects.Select(x => x.Note)).Concat(Events.Select(e => e.Note)))
        {
            if (note is { Length: > MaxNoteLength })
            {
                throw Fail($"has a note of {note.Length} characters; notes hold at most {MaxNoteLength}");
            }
        }

        foreach (var (c, i) in CheckIns.Select((c, i) => (c, i)))
        {
            if (new[] { c.Fatigue, c.Pain, c.Sleep, c.Mood, c.Focus }.Any(v => v is < 0 or > 10))
            {
                throw Fail($"has check-in {i + 1} with a score outside 0–10");
            }
        }

        Instant Time(string? text, string what) =>
            text is not null && OffsetDateTimePattern.ExtendedIso.Parse(text) is { Success: true } t ? t.Value.ToInstant() : throw Fail($"has an unusable time '{text}' in {what}");
        string ZoneOf(string? id, string what) => JournalTime.Zone(id ?? throw Fail($"has no timeZone in {what}")).Id;

        PlanVersion? plan = null;
        if (Plan is { } p)
        {
            var planJson = p.Document?.ToJsonString() ?? throw Fail("has a plan without its document");
            Protocols.PlanDocument.ReadSteps(planJson, sourceName + " (plan)");
            plan = PlanVersion.Initial(
                planJson,
                p.SetAt is not null && InstantPattern.ExtendedIso.Parse(p.SetAt) is { Success: true } set ? set.Value : throw Fail($"has an unusable plan setAt '{p.SetAt}'"));
        }

        return new JournalData
        {
            Profile = profile,
            Plans = plan is null ? [] : [plan],
            Medications = [.. Medications.Select((m, i) => new MedicationEntry(0, m.Name ?? throw Fail($"has medication {i + 1} without a name"), Time(m.Since, $"medication {i + 1}"), m.Until is null ? null : Time(m.Until, $"medication {i + 1}")))],
            Doses = [.. Doses.Select((d, i) => new DoseEntry(0, Time(d.At, $"dose {i + 1}"), ZoneOf(d.TimeZone, $"dose {i + 1}"), d.DoseMg ?? throw Fail($"has dose {i + 1} without doseMg"), Formulations.Parse(d.Formulation ?? "capsule"), d.Skipped, d.Note))],
            CheckIns = [.. CheckIns.Select((c, i) => new CheckInEntry(0, Time(c.At, $"check-in {i + 1}"), ZoneOf(c.TimeZone, $"check-in {i + 1}"), c.Fatigue, c.Pain, c.Sleep, c.Mood, c.Focus, c.Note))],
            SideEffects = [.. SideEffects.Select((s, i) => new SideEffectEntry(0, SideEffectKinds.Parse(s.Kind ?? throw Fail($"has side effect {i + 1} without a kind")), Severity(s.Severity, i, Fail), Time(s.From, $"side effect {i + 1}"), s.To is null ? null : Time(s.To, $"side effect {i + 1}"), ZoneOf(s.TimeZone, $"side effect {i + 1}"), s.Note))],
            Events = [.. Events.Select((e, i) => new EventEntry(0, Time(e.At, $"event {i + 1}"), ZoneOf(e.TimeZone, $"event {i + 1}"), EventKinds.Parse(e.Kind ?? throw Fail($"has event {i + 1} without a kind")), e.Note))],
        };
    }

    private static SideEffectSeverity Severity(string? text, int index, Func<string, InvalidInputException> fail) =>
        RuleSet.ParseSeverity(text ?? "") ?? throw fail($"gives side effect {index + 1} the severity '{text}' (use mild, moderate or severe)");

    private static string At(Instant instant, string zone) => JournalTime.Format(instant, zone);
}

public sealed record ProfileDocument(string? Name, string? TimeZone, IReadOnlyList<string>? Conditions, bool HepaticImpairment, bool RenalImpairment, bool Pregnant, bool Breastfeeding, bool TransplantImmunosuppression, string? PlannedSurgery);

/// <summary>The active plan: when it was set, and the document of <c>ldn plan --json</c> as it was.</summary>
public sealed record PlanRecordDocument(string? SetAt, JsonNode? Document);

public sealed record MedicationDocument(long Id, string? Name, string? Since, string? Until);

public sealed record DoseDocument(long Id, string? At, string? TimeZone, decimal? DoseMg, string? Formulation, bool Skipped, string? Note);

public sealed record CheckInDocument(long Id, string? At, string? TimeZone, int? Fatigue, int? Pain, int? Sleep, int? Mood, int? Focus, string? Note);

public sealed record SideEffectDocument(long Id, string? Kind, string? Severity, string? From, string? To, string? TimeZone, string? Note);

public sealed record EventDocument(long Id, string? At, string? TimeZone, string? Kind, string? Note);
