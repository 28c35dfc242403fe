using System.Globalization;
using Hl7.Fhir.Model;
using System.Text.Json;
using Hl7.Fhir.Serialization;
using Instant = NodaTime.Instant;
using Ldn.Core.Advice;
using Ldn.Core.Dosing;
using Ldn.Core.Protocols;
using Ldn.Core.Journal;
using Ldn.Core.Journal.Fhir;
using NodaTime;
using NodaTime.Text;

namespace Ldn.Interop.Fhir;

/// <summary>
/// The treatment journal as a FHIR R4 Bundle of type <c>collection</c>: the Patient, each plan version as a
/// MedicationRequest (the newest active, earlier ones stopped, completed or cancelled, each with the
/// period it was in force and one dosage instruction per titration step in it), every logged dose as a
/// MedicationAdministration pointing at the version in force on its day, each check-in as a panel
/// Observation with one Observation per score (the five built-in scales and the journal's own), side
/// effects as AdverseEvent with the symptom as a Condition (the words typed kept as the text), events as
/// Observations and the other medications as MedicationStatements. Entries are identified by <c>urn:uuid:</c> UUIDs derived from the
/// journal's own ids (see <see cref="FhirIds"/>), so exporting the same journal twice gives the same file.
/// The resources are Firely SDK (Hl7.Fhir.R4) classes written by its serializer, so the JSON form (order,
/// escaping, no empty arrays) is the SDK's. The mapping, the codes and where each was checked are in docs/fhir.md.
/// </summary>
public static class FhirExport
{
    /// <summary>The project's code system for check-in scales without a LOINC code (and the check-in panel).</summary>
    public const string CheckInSystem = "https://ldn-workbench.example/fhir/CodeSystem/check-in";

    /// <summary>
    /// The project's code system for the scales a journal adds itself ("brain-fog"): the code is the
    /// scale's id, which means something only together with the label and anchors in <c>code.text</c>.
    /// Kept apart from <see cref="CheckInSystem"/> so an own scale can never take a built-in code.
    /// </summary>
    public const string OwnScaleSystem = "https://ldn-workbench.example/fhir/CodeSystem/own-scale";

    public const string SideEffectSystem = "https://ldn-workbench.example/fhir/CodeSystem/side-effect";

    public const string EventSystem = "https://ldn-workbench.example/fhir/CodeSystem/journal-event";

    public const string Loinc = "http://loinc.org";

    /// <summary>LOINC 72514-3, "Pain severity - 0-10 verbal numeric rating [Score] - Reported".</summary>
    public const string PainLoincCode = "72514-3";

    public const string Snomed = "http://snomed.info/sct";

    /// <summary>SNOMED CT "Oral route" (FHIR value set route-codes).</summary>
    public const string OralRouteCode = "26643006";

    /// <summary>SNOMED CT "Sublingual route" (FHIR value set route-codes).</summary>
    public const string SublingualRouteCode = "37839007";

    public const string Ucum = "http://unitsofmeasure.org";

    public const string MedicationText = "naltrexone hydrochloride (low-dose)";

    private const string ObservationCategorySystem = "http://terminology.hl7.org/CodeSystem/observation-category";
    private const string SeveritySystem = "http://terminology.hl7.org/CodeSystem/adverse-event-severity";
    private const string OutcomeSystem = "http://terminology.hl7.org/CodeSystem/adverse-event-outcome";
    private const string ConditionClinicalSystem = "http://terminology.hl7.org/CodeSystem/condition-clinical";

    // Fractions of a second are written only when there are any (a time typed to the minute stays "22:00:00"),
    // so a time recorded by the clock ("now") and the id of a plan version (from when it was made) survive an import.
    private static readonly OffsetDateTimePattern DateTimePattern =
        OffsetDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm':'ss;FFFFFFFo<+HH:mm>");

    private static readonly InstantPattern InstantText = InstantPattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm':'ss;FFFFFFF'Z'");

    /// <summary>System.Text.Json set up by the SDK for FHIR JSON (its converters; indented).</summary>
    private static readonly JsonSerializerOptions Json = new JsonSerializerOptions { WriteIndented = true }.ForFhir(ModelInfo.ModelInspector);

    /// <summary>The bundle as indented JSON text, written by the SDK's serializer.</summary>
    /// <param name="data">The journal (or the window of it) to export.</param>
    /// <param name="generatedAt">The bundle's <c>timestamp</c>; passed in so that the export never reads a clock.</param>
    public static string ToBundle(JournalData data, Instant generatedAt) => JsonSerializer.Serialize(ToBundleResource(data, generatedAt), Json);

    /// <summary>The bundle as the SDK's resource (a <c>collection</c> of the entries described on the class).</summary>
    public static Bundle ToBundleResource(JournalData data, Instant generatedAt)
    {
        ArgumentNullException.ThrowIfNull(data);
        var bundle = new Bundle
        {
            Id = FhirIds.Uuid("bundle"),
            Type = Bundle.BundleType.Collection,
            // As the instant's own text ("…Z"), which the SDK keeps as given (a DateTimeOffset would be written "+00:00").
            TimestampElement = new Hl7.Fhir.Model.Instant { JsonValue = InstantText.Format(generatedAt) },
        };
        void Add(string urn, Resource resource) => bundle.Entry.Add(new Bundle.EntryComponent { FullUrl = urn, Resource = resource });

        var patient = FhirIds.Urn("patient");
        Add(patient, PatientOf(data.Profile));

        var requests = PlanUrns(data.Plans);
        for (var i = 0; i < data.Plans.Count; i++)
        {
            Add(requests[i], PlanRequest(data, i, patient, i > 0 ? requests[i - 1] : null));
        }

        foreach (var dose in data.Doses)
        {
            var version = VersionOn(data.Plans, dose.At.InZone(JournalTime.Zone(dose.TimeZoneId)).Date);
            Add(FhirIds.Urn("dose", Id(dose.Id)), Administration(dose, patient, version is { } v ? requests[v] : null));
        }

        foreach (var checkIn in data.CheckIns)
        {
            var members = new List<ResourceReference>();
            foreach (var (key, value) in Scores(checkIn))
            {
                if (value is { } score)
                {
                    var urn = FhirIds.Urn("check-in", Id(checkIn.Id), key);
                    Add(urn, ScoreObservation(checkIn, BuiltInCode(key), score, patient));
                    members.Add(Reference(urn));
                }
            }

            foreach (var (scaleId, score) in OwnScores(checkIn, data.Scales))
            {
                // A path of its own ("…/scale/<id>"), so an own scale can never share a built-in's URN.
                var urn = FhirIds.Urn("check-in", Id(checkIn.Id), "scale", scaleId);
                Add(urn, ScoreObservation(checkIn, OwnScaleCode(scaleId, data.Scales), score, patient));
                members.Add(Reference(urn));
            }

            Add(FhirIds.Urn("check-in", Id(checkIn.Id)), CheckInPanel(checkIn, members, patient));
        }

        if (data.SideEffects.Count > 0)
        {
            var medication = FhirIds.Urn("medication", "naltrexone");
            Add(medication, new Medication { Code = Naltrexone() });
            foreach (var effect in data.SideEffects)
            {
                var condition = FhirIds.Urn("side-effect", Id(effect.Id), "condition");
                Add(condition, SideEffectCondition(effect, patient));
                Add(FhirIds.Urn("side-effect", Id(effect.Id)), AdverseEventOf(effect, patient, condition, medication));
            }
        }

        foreach (var journalEvent in data.Events)
        {
            Add(FhirIds.Urn("event", Id(journalEvent.Id)), EventObservation(journalEvent, patient));
        }

        var homeZone = JournalTime.Zone(data.Profile.TimeZoneId);
        foreach (var medication in data.Medications)
        {
            Add(FhirIds.Urn("medication-statement", Id(medication.Id)), StatementOf(medication, homeZone, patient));
        }

        return bundle;
    }

    /// <summary>The five built-in check-in scales in export order with their codes (null for one left out).</summary>
    internal static IEnumerable<(string Key, int? Value)> Scores(CheckInEntry c) =>
        [("fatigue", c.Fatigue), ("pain", c.Pain), ("sleep-quality", c.Sleep), ("mood", c.Mood), ("focus", c.Focus)];

    /// <summary>
    /// The scores on the journal's own scales in the catalogue's order; a score on a scale missing from
    /// the catalogue (a window without it) comes last, by id, rather than being dropped.
    /// </summary>
    internal static IEnumerable<(string ScaleId, int Value)> OwnScores(CheckInEntry c, IReadOnlyList<SymptomScale> scales)
    {
        var order = scales.Select(s => s.Id).ToList();
        return c.OtherScores
            .OrderBy(p => order.IndexOf(p.Key) is var i and >= 0 ? i : int.MaxValue)
            .ThenBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => (p.Key, p.Value));
    }

    /// <summary>
    /// One <c>urn:uuid</c> per plan version, from the instant it was set (so the single plan of a journal
    /// made before versions keeps its id); versions set at the same instant add their id to stay apart.
    /// </summary>
    private static List<string> PlanUrns(IReadOnlyList<PlanVersion> plans) =>
    [
        .. plans.Select(p =>
        {
            var ticks = p.SetAt.ToUnixTimeTicks().ToString(CultureInfo.InvariantCulture);
            return plans.Count(q => q.SetAt == p.SetAt) > 1 ? FhirIds.Urn("plan", ticks, Id(p.Id)) : FhirIds.Urn("plan", ticks);
        }),
    ];

    /// <summary>The index of the version in force on <paramref name="day"/> (as <see cref="JournalData.PlanOn"/>), or null before the first.</summary>
    private static int? VersionOn(IReadOnlyList<PlanVersion> plans, LocalDate day)
    {
        for (var i = plans.Count - 1; i >= 0; i--)
        {
            if (plans[i].From <= day)
            {
                return i;
            }
        }

        return null;
    }

    private static Patient PatientOf(JournalProfile profile)
    {
        var patient = new Patient();
        if (!string.IsNullOrWhiteSpace(profile.Name))
        {
            // The profile holds one display name; it is not split into given and family names.
            patient.Name.Add(new HumanName { Text = Text(profile.Name) });
        }
        else
        {
            // FHIR JSON allows no empty object, and a Patient with only its resourceType is one (Firely refused our
            // own export of a journal with no owner name on import). The record is in use: say so, and nothing more.
            patient.Active = true;
        }

        return patient;
    }

    /// <summary>
    /// Plan version <paramref name="index"/> as a MedicationRequest. Status (R4 medicationrequest-status):
    /// the newest version is <c>active</c>; an earlier one is <c>completed</c> when its last step had ended
    /// by the day before the next version started, <c>stopped</c> when it was replaced during its course,
    /// and <c>cancelled</c> when a version from the same day replaced it before it was ever in force. The
    /// period in force is <c>dispenseRequest.validityPeriod</c> (none for a cancelled version), and the
    /// dosage instructions are the steps within it, their bounds cut to it (a cancelled version keeps the
    /// steps it ordered from its start).
    /// </summary>
    private static MedicationRequest PlanRequest(JournalData data, int index, string patient, string? previous)
    {
        var plan = data.Plans[index];
        var end = data.PlanEnd(plan);
        var status = end is not { } last ? MedicationRequest.MedicationrequestStatus.Active
            : last < plan.From ? MedicationRequest.MedicationrequestStatus.Cancelled
            : plan.Steps[^1].To is { } courseEnd && LocalDate.FromDateOnly(courseEnd) <= last ? MedicationRequest.MedicationrequestStatus.Completed
            : MedicationRequest.MedicationrequestStatus.Stopped;
        var cancelled = status == MedicationRequest.MedicationrequestStatus.Cancelled;

        var resource = new MedicationRequest
        {
            Status = status,
            Intent = MedicationRequest.MedicationRequestIntent.Plan,
            Medication = Naltrexone(),
            Subject = Reference(patient),
            AuthoredOn = InstantText.Format(plan.SetAt),
            Note = Note(cancelled
                ? $"Plan version {index + 1} of {data.Plans.Count}, made with '{MadeWith(plan)}' for {Date(plan.From.ToDateOnly())}; never in force."
                : $"Plan version {index + 1} of {data.Plans.Count}, made with '{MadeWith(plan)}', in force from {Date(plan.From.ToDateOnly())}."),
        };
        if (status is MedicationRequest.MedicationrequestStatus.Stopped or MedicationRequest.MedicationrequestStatus.Cancelled)
        {
            var next = data.Plans[index + 1];
            resource.StatusReason = new CodeableConcept { Text = $"Replaced from {Date(next.From.ToDateOnly())} by the plan version made with '{MadeWith(next)}'." };
        }

        if (previous is not null)
        {
            resource.PriorPrescription = Reference(previous);
        }

        // A version never in force keeps the steps it ordered from its start. FHIR JSON allows no empty
        // arrays, which the serializer honours: a version in force only after its last step has no instruction.
        // The steps are numbered within the version, as PlanVersion.StepsInForce numbers them for 'show', so a
        // version imported from this export numbers them the same way and exports again to the same text.
        foreach (var step in plan.StepsInForce(cancelled ? null : end))
        {
            resource.DosageInstruction.Add(DosageInstruction(step));
        }

        // A cancelled version was never in force, so it has no validity period (its end would precede its start).
        if (!cancelled)
        {
            resource.DispenseRequest = new MedicationRequest.DispenseRequestComponent
            {
                ValidityPeriod = new Hl7.Fhir.Model.Period { Start = Date(plan.From.ToDateOnly()), End = end is { } to ? Date(to.ToDateOnly()) : null },
            };
        }

        return resource;
    }

    private static string MadeWith(PlanVersion version) =>
        version.Adjustment is null or "set" ? "ldn journal plan set" : $"ldn journal plan adjust {version.Adjustment}";

    private static Dosage DosageInstruction(PlanStep step) => new()
    {
        Sequence = step.Number,
        Text = StepText(step),
        Timing = new Timing
        {
            Repeat = new Timing.RepeatComponent
            {
                Bounds = new Hl7.Fhir.Model.Period { Start = Date(step.From), End = step.To is { } to ? Date(to) : null },
                Frequency = 1,
                Period = 1,
                PeriodUnit = Timing.UnitsOfTime.D,
                TimeOfDay = [string.Create(CultureInfo.InvariantCulture, $"{step.At.Hour:00}:{step.At.Minute:00}:00")],
            },
        },
        Route = Route(step.Formulation),
        DoseAndRate = [new Dosage.DoseAndRateComponent { Dose = Milligrams(step.DoseMg) }],
    };

    private static string StepText(PlanStep step)
    {
        var days = step.To is { } to ? $"from {Date(step.From)} to {Date(to)}" : $"from {Date(step.From)} onwards";
        var form = step.Formulation.Name();
        var text = string.Create(CultureInfo.InvariantCulture, $"Step {step.Number}: {Number(step.DoseMg)} mg naltrexone ({form}) once daily at {step.At.Hour:00}:{step.At.Minute:00}, {days}");
        if (step.Liquid is { } liquid)
        {
            text += string.Create(CultureInfo.InvariantCulture, $"; measure {Number(liquid.VolumeMl)} mL of the liquid, which holds {Number(liquid.ActualDoseMg)} mg");
        }

        return text + ".";
    }

    private static MedicationAdministration Administration(DoseEntry dose, string patient, string? request)
    {
        var resource = new MedicationAdministration
        {
            Status = dose.Skipped ? MedicationAdministration.MedicationAdministrationStatusCodes.NotDone : MedicationAdministration.MedicationAdministrationStatusCodes.Completed,
            Medication = Naltrexone(),
            Subject = Reference(patient),
            Effective = new FhirDateTime(DateTime(dose.At, dose.TimeZoneId)),
            Request = request is null ? null : Reference(request),
            Dosage = new MedicationAdministration.DosageComponent
            {
                Text = string.Create(CultureInfo.InvariantCulture, $"{Number(dose.DoseMg)} mg ({dose.Formulation.Name()})"),
                Route = Route(dose.Formulation),
                Dose = Milligrams(dose.DoseMg),
            },
        };
        if (dose.Skipped)
        {
            resource.StatusReason.Add(new CodeableConcept { Text = string.IsNullOrWhiteSpace(dose.Note) ? "Skipped (no reason given)" : Text(dose.Note) });
        }
        else if (!string.IsNullOrWhiteSpace(dose.Note))
        {
            resource.Note = Note(dose.Note);
        }

        return resource;
    }

    private static CodeableConcept BuiltInCode(string key) => key == "pain"
        ? new CodeableConcept(Loinc, PainLoincCode, "Pain severity - 0-10 verbal numeric rating [Score] - Reported", "Pain (0 = no pain, 10 = worst imaginable)")
        : new CodeableConcept(CheckInSystem, key, ScaleText(key), ScaleText(key));

    /// <summary>
    /// An own scale: its verified code when the catalogue has one, else the scale id in
    /// <see cref="OwnScaleSystem"/>; <c>text</c> gives the label and what 0 and 10 mean ("Brain fog (0 =
    /// none, 10 = worst)"), which is what the number means.
    /// </summary>
    private static CodeableConcept OwnScaleCode(string scaleId, IReadOnlyList<SymptomScale> scales)
    {
        var scale = scales.FirstOrDefault(s => s.Id == scaleId);
        var text = scale is null ? $"{scaleId} (0–10)" : $"{scale.Label} (0 = {scale.LowAnchor}, 10 = {scale.HighAnchor})";
        var (system, code) = scale is { CodeSystem: { } s, Code: { } c } ? (s, c) : (OwnScaleSystem, CodeOf(scaleId));
        return new CodeableConcept(system, code, Text(scale?.Label ?? scaleId), Text(text));
    }

    private static Observation ScoreObservation(CheckInEntry checkIn, CodeableConcept code, int score, string patient) => new()
    {
        Status = ObservationStatus.Final,
        Category = [Survey()],
        Code = code,
        Subject = Reference(patient),
        Effective = new FhirDateTime(DateTime(checkIn.At, checkIn.TimeZoneId)),
        Value = new Integer(score),
    };

    private static string ScaleText(string key) => key switch
    {
        "fatigue" => "Fatigue (0 = none, 10 = worst)",
        "sleep-quality" => "Sleep quality (0 = worst, 10 = best)",
        "mood" => "Mood (0 = worst, 10 = best)",
        "focus" => "Focus (0 = worst, 10 = best)",
        _ => throw new ArgumentOutOfRangeException(nameof(key), key, "not a check-in scale"),
    };

    private static Observation CheckInPanel(CheckInEntry checkIn, List<ResourceReference> members, string patient) => new()
    {
        Status = ObservationStatus.Final,
        Category = [Survey()],
        Code = new CodeableConcept(CheckInSystem, "check-in", "Daily check-in", "Daily check-in"),
        Subject = Reference(patient),
        Effective = new FhirDateTime(DateTime(checkIn.At, checkIn.TimeZoneId)),
        Note = string.IsNullOrWhiteSpace(checkIn.Note) ? [] : Note(checkIn.Note),
        HasMember = members,
    };

    private static Condition SideEffectCondition(SideEffectEntry effect, string patient) => new()
    {
        ClinicalStatus = Coded(ConditionClinicalSystem, effect.To is null ? "active" : "resolved", effect.To is null ? "Active" : "Resolved"),
        Code = SideEffectCode(effect),
        Subject = Reference(patient),
        Onset = new FhirDateTime(DateTime(effect.From, effect.TimeZoneId)),
        Abatement = effect.To is { } to ? new FhirDateTime(DateTime(to, effect.TimeZoneId)) : null,
        Note = string.IsNullOrWhiteSpace(effect.Note) ? [] : Note(effect.Note),
    };

    private static AdverseEvent AdverseEventOf(SideEffectEntry effect, string patient, string condition, string medication)
    {
        var (severity, severityDisplay) = effect.Severity switch
        {
            SideEffectSeverity.Mild => ("mild", "Mild"),
            SideEffectSeverity.Moderate => ("moderate", "Moderate"),
            SideEffectSeverity.Severe => ("severe", "Severe"),
            _ => throw new ArgumentOutOfRangeException(nameof(effect), effect.Severity, "unknown severity"),
        };
        return new AdverseEvent
        {
            Actuality = AdverseEvent.AdverseEventActuality.Actual,
            Event = SideEffectCode(effect),
            Subject = Reference(patient),
            Date = DateTime(effect.From, effect.TimeZoneId),
            ResultingCondition = [Reference(condition)],
            Severity = Coded(SeveritySystem, severity, severityDisplay),
            Outcome = effect.To is null ? Coded(OutcomeSystem, "ongoing", "Ongoing") : Coded(OutcomeSystem, "resolved", "Resolved"),
            SuspectEntity = [new AdverseEvent.SuspectEntityComponent { Instance = Reference(medication) }],
        };
    }

    /// <summary>
    /// The kind as the coding, and as <c>text</c> the words the patient typed when an alias was mapped
    /// ("nightmares" for vivid dreams): R4 defines CodeableConcept.text as the concept "as
    /// seen/selected/uttered by the user who entered the data", so the mapping stays visible.
    /// </summary>
    private static CodeableConcept SideEffectCode(SideEffectEntry effect) =>
        new(SideEffectSystem, CodeOf(effect.Kind), Text(effect.Kind), Text(string.IsNullOrWhiteSpace(effect.TypedName) ? effect.Kind : effect.TypedName));

    private static Observation EventObservation(EventEntry journalEvent, string patient)
    {
        var (code, text) = journalEvent.Kind switch
        {
            JournalEventKind.Flare => ("flare", "Flare of the condition"),
            JournalEventKind.Infection => ("infection", "Infection"),
            JournalEventKind.MedicationChange => ("medication-change", "Medication change"),
            JournalEventKind.Other => ("other", "Other event"),
            _ => throw new ArgumentOutOfRangeException(nameof(journalEvent), journalEvent.Kind, "unknown event kind"),
        };
        return new Observation
        {
            Status = ObservationStatus.Final,
            Code = new CodeableConcept(EventSystem, code, text, text),
            Subject = Reference(patient),
            Effective = new FhirDateTime(DateTime(journalEvent.At, journalEvent.TimeZoneId)),
            Note = string.IsNullOrWhiteSpace(journalEvent.Note) ? [] : Note(journalEvent.Note),
        };
    }

    private static MedicationStatement StatementOf(MedicationEntry medication, DateTimeZone zone, string patient) => new()
    {
        Status = medication.Until is null ? MedicationStatement.MedicationStatusCodes.Active : MedicationStatement.MedicationStatusCodes.Completed,
        Medication = new CodeableConcept { Text = Text(medication.Name) },
        Subject = Reference(patient),
        Effective = new Hl7.Fhir.Model.Period
        {
            Start = DateTimePattern.Format(medication.Since.InZone(zone).ToOffsetDateTime()),
            End = medication.Until is { } until ? DateTimePattern.Format(until.InZone(zone).ToOffsetDateTime()) : null,
        },
    };

    private static CodeableConcept Naltrexone() => new() { Text = MedicationText };

    private static CodeableConcept Route(Formulation formulation) => formulation == Formulation.Sublingual
        ? Coded(Snomed, SublingualRouteCode, "Sublingual route")
        : Coded(Snomed, OralRouteCode, "Oral route");

    private static CodeableConcept Survey() => Coded(ObservationCategorySystem, "survey", "Survey");

    private static CodeableConcept Coded(string system, string code, string display) => new() { Coding = [new Coding(system, code, display)] };

    private static Quantity Milligrams(decimal mg) => new() { Value = Normalize(mg), Unit = "mg", System = Ucum, Code = "mg" };

    private static ResourceReference Reference(string urn) => new(urn);

    private static List<Annotation> Note(string text) => [new Annotation { Text = new Markdown(Text(text)) }];

    /// <summary>
    /// FHIR strings may not hold control characters other than tab, CR and LF (R4 datatypes, "string"); any
    /// other is replaced by U+FFFD so the file stays valid. The Unicode line and paragraph separators
    /// (U+2028, U+2029) and NEL (U+0085) are line breaks that R4's string pattern <c>[ \r\n\t\S]+</c>
    /// does not admit (they are neither \S nor one of the four allowed blanks), so they become LF: the
    /// break is kept in the one form FHIR allows. Everything else is kept as typed (a no-break space too,
    /// see tests/fhir-check); the JSON writer escapes it, so markup or quotes in a note stay data.
    /// </summary>
    internal static string Text(string text) =>
        text.Any(NeedsReplacing) ? string.Concat(text.Select(Replacement)) : text;

    private static bool NeedsReplacing(char c) => (c < ' ' && c is not ('\t' or '\r' or '\n')) || c is '\u0085' or '\u2028' or '\u2029';

    private static char Replacement(char c) => c switch
    {
        '\u0085' or '\u2028' or '\u2029' => '\n',
        _ when c < ' ' && c is not ('\t' or '\r' or '\n') => '\uFFFD',
        _ => c,
    };

    /// <summary>The instant with the offset of the entry's own zone, an IANA id or a fixed <c>UTC-08:00</c> (<see cref="JournalTime.Zone"/>).</summary>
    private static string DateTime(Instant at, string zoneId) => DateTimePattern.Format(at.InZone(JournalTime.Zone(zoneId)).ToOffsetDateTime());

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);

    private static decimal Normalize(decimal value) => value / 1.000000000000000000000000000000000m;

    private static string Number(decimal value) => Normalize(value).ToString(CultureInfo.InvariantCulture);

    /// <summary>A FHIR code has no leading or trailing whitespace and no runs of it; the kind's text stays in <c>text</c>.</summary>
    private static string CodeOf(string kind) => string.Join('-', kind.Trim().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
