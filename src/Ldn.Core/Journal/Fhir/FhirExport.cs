using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Ldn.Core.Advice;
using Ldn.Core.Dosing;
using Ldn.Core.Protocols;
using NodaTime;
using NodaTime.Text;

namespace Ldn.Core.Journal.Fhir;

/// <summary>
/// The treatment journal as a FHIR R4 Bundle of type <c>collection</c>: the Patient, each plan version as a
/// MedicationRequest (the newest active, earlier ones stopped, completed or cancelled, each with the
/// period it was in force and one dosage instruction per titration step in it), every logged dose as a
/// MedicationAdministration pointing at the version in force on its day, each check-in as a panel
/// Observation with one Observation per score (the five built-in scales and the journal's own), side
/// effects as AdverseEvent with the symptom as a Condition (the words typed kept as the text), events as
/// Observations and the other medications as MedicationStatements. Entries are identified by <c>urn:uuid:</c> UUIDs derived from the
/// journal's own ids (see <see cref="FhirIds"/>), so exporting the same journal twice gives the same file.
/// The mapping, the codes and where each was checked are in docs/fhir.md.
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

    private static readonly OffsetDateTimePattern DateTimePattern =
        OffsetDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm':'sso<+HH:mm>");

    private static readonly InstantPattern InstantText = InstantPattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm':'ss'Z'");

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    /// <summary>The bundle as indented JSON text.</summary>
    /// <param name="data">The journal (or the window of it) to export.</param>
    /// <param name="generatedAt">The bundle's <c>timestamp</c>; passed in so that the core never reads a clock.</param>
    public static string ToBundle(JournalData data, Instant generatedAt) => ToBundleJson(data, generatedAt).ToJsonString(Indented);

    public static JsonObject ToBundleJson(JournalData data, Instant generatedAt)
    {
        ArgumentNullException.ThrowIfNull(data);
        var entries = new JsonArray();
        void Add(string urn, JsonObject resource) => entries.Add(new JsonObject { ["fullUrl"] = urn, ["resource"] = resource });

        var patient = FhirIds.Urn("patient");
        Add(patient, Patient(data.Profile));

        var requests = PlanUrns(data.Plans);
        for (var i = 0; i < data.Plans.Count; i++)
        {
            Add(requests[i], MedicationRequest(data, i, patient, i > 0 ? requests[i - 1] : null));
        }

        foreach (var dose in data.Doses)
        {
            var version = VersionOn(data.Plans, dose.At.InZone(JournalTime.Zone(dose.TimeZoneId)).Date);
            Add(FhirIds.Urn("dose", Id(dose.Id)), MedicationAdministration(dose, patient, version is { } v ? requests[v] : null));
        }

        foreach (var checkIn in data.CheckIns)
        {
            var members = new JsonArray();
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
            Add(medication, new JsonObject { ["resourceType"] = "Medication", ["code"] = Naltrexone() });
            foreach (var effect in data.SideEffects)
            {
                var condition = FhirIds.Urn("side-effect", Id(effect.Id), "condition");
                Add(condition, SideEffectCondition(effect, patient));
                Add(FhirIds.Urn("side-effect", Id(effect.Id)), AdverseEvent(effect, patient, condition, medication));
            }
        }

        foreach (var journalEvent in data.Events)
        {
            Add(FhirIds.Urn("event", Id(journalEvent.Id)), EventObservation(journalEvent, patient));
        }

        var homeZone = JournalTime.Zone(data.Profile.TimeZoneId);
        foreach (var medication in data.Medications)
        {
            Add(FhirIds.Urn("medication-statement", Id(medication.Id)), MedicationStatement(medication, homeZone, patient));
        }

        return new JsonObject
        {
            ["resourceType"] = "Bundle",
            ["id"] = FhirIds.Uuid("bundle"),
            ["type"] = "collection",
            ["timestamp"] = InstantText.Format(generatedAt),
            ["entry"] = entries,
        };
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

    private static JsonObject Patient(JournalProfile profile)
    {
        var patient = new JsonObject { ["resourceType"] = "Patient" };
        if (!string.IsNullOrWhiteSpace(profile.Name))
        {
            // The profile holds one display name; it is not split into given and family names.
            patient["name"] = new JsonArray(new JsonObject { ["text"] = Text(profile.Name) });
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
    private static JsonObject MedicationRequest(JournalData data, int index, string patient, string? previous)
    {
        var plan = data.Plans[index];
        var end = data.PlanEnd(plan);
        var status = end is not { } last ? "active"
            : last < plan.From ? "cancelled"
            : plan.Steps[^1].To is { } courseEnd && LocalDate.FromDateOnly(courseEnd) <= last ? "completed"
            : "stopped";

        // A version never in force keeps the steps it ordered from its start.
        var inForceUntil = status == "cancelled" ? null : end;
        var instructions = new JsonArray();
        foreach (var step in plan.Steps)
        {
            if (Within(step, plan.From, inForceUntil) is { } cut)
            {
                instructions.Add(DosageInstruction(cut));
            }
        }

        var resource = new JsonObject { ["resourceType"] = "MedicationRequest", ["status"] = status };
        if (status is "stopped" or "cancelled")
        {
            var next = data.Plans[index + 1];
            resource["statusReason"] = new JsonObject
            {
                ["text"] = $"Replaced from {Date(next.From.ToDateOnly())} by the plan version made with '{MadeWith(next)}'.",
            };
        }

        resource["intent"] = "plan";
        resource["medicationCodeableConcept"] = Naltrexone();
        resource["subject"] = Reference(patient);
        resource["authoredOn"] = InstantText.Format(plan.SetAt);
        if (previous is not null)
        {
            resource["priorPrescription"] = Reference(previous);
        }

        resource["note"] = Note(status == "cancelled"
            ? $"Plan version {index + 1} of {data.Plans.Count}, made with '{MadeWith(plan)}' for {Date(plan.From.ToDateOnly())}; never in force."
            : $"Plan version {index + 1} of {data.Plans.Count}, made with '{MadeWith(plan)}', in force from {Date(plan.From.ToDateOnly())}.");

        // FHIR JSON allows no empty arrays; a version in force only after its last step has no instruction.
        if (instructions.Count > 0)
        {
            resource["dosageInstruction"] = instructions;
        }

        // A cancelled version was never in force, so it has no validity period (its end would precede its start).
        if (status != "cancelled")
        {
            var validity = new JsonObject { ["start"] = Date(plan.From.ToDateOnly()) };
            if (end is { } to)
            {
                validity["end"] = Date(to.ToDateOnly());
            }

            resource["dispenseRequest"] = new JsonObject { ["validityPeriod"] = validity };
        }

        return resource;
    }

    private static string MadeWith(PlanVersion version) =>
        version.Adjustment is null or "set" ? "ldn journal plan set" : $"ldn journal plan adjust {version.Adjustment}";

    /// <summary>The step with its dates cut to [<paramref name="from"/>, <paramref name="to"/>], or null when it lies outside.</summary>
    private static PlanStep? Within(PlanStep step, LocalDate from, LocalDate? to)
    {
        var start = from.ToDateOnly();
        var end = to?.ToDateOnly();
        if ((step.To is { } stepEnd && stepEnd < start) || (end is { } last && step.From > last))
        {
            return null;
        }

        DateOnly? cutEnd = (step.To, end) switch
        {
            ({ } a, { } b) => a < b ? a : b,
            (null, { } b) => b,
            ({ } a, null) => a,
            _ => null,
        };
        return step with { From = step.From > start ? step.From : start, To = cutEnd };
    }

    private static JsonObject DosageInstruction(PlanStep step)
    {
        var bounds = new JsonObject { ["start"] = Date(step.From) };
        if (step.To is { } to)
        {
            bounds["end"] = Date(to);
        }

        return new JsonObject
        {
            ["sequence"] = step.Number,
            ["text"] = StepText(step),
            ["timing"] = new JsonObject
            {
                ["repeat"] = new JsonObject
                {
                    ["boundsPeriod"] = bounds,
                    ["frequency"] = 1,
                    ["period"] = 1,
                    ["periodUnit"] = "d",
                    ["timeOfDay"] = new JsonArray(string.Create(CultureInfo.InvariantCulture, $"{step.At.Hour:00}:{step.At.Minute:00}:00")),
                },
            },
            ["route"] = Route(step.Formulation),
            ["doseAndRate"] = new JsonArray(new JsonObject { ["doseQuantity"] = Milligrams(step.DoseMg) }),
        };
    }

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

    private static JsonObject MedicationAdministration(DoseEntry dose, string patient, string? request)
    {
        var resource = new JsonObject
        {
            ["resourceType"] = "MedicationAdministration",
            ["status"] = dose.Skipped ? "not-done" : "completed",
        };
        if (dose.Skipped)
        {
            resource["statusReason"] = new JsonArray(new JsonObject { ["text"] = string.IsNullOrWhiteSpace(dose.Note) ? "Skipped (no reason given)" : Text(dose.Note) });
        }

        resource["medicationCodeableConcept"] = Naltrexone();
        resource["subject"] = Reference(patient);
        resource["effectiveDateTime"] = DateTime(dose.At, dose.TimeZoneId);
        if (request is not null)
        {
            resource["request"] = Reference(request);
        }

        if (!dose.Skipped && !string.IsNullOrWhiteSpace(dose.Note))
        {
            resource["note"] = Note(dose.Note);
        }

        resource["dosage"] = new JsonObject
        {
            ["text"] = string.Create(CultureInfo.InvariantCulture, $"{Number(dose.DoseMg)} mg ({dose.Formulation.Name()})"),
            ["route"] = Route(dose.Formulation),
            ["dose"] = Milligrams(dose.DoseMg),
        };
        return resource;
    }

    private static JsonObject BuiltInCode(string key) => key == "pain"
        ? new JsonObject
        {
            ["coding"] = new JsonArray(new JsonObject { ["system"] = Loinc, ["code"] = PainLoincCode, ["display"] = "Pain severity - 0-10 verbal numeric rating [Score] - Reported" }),
            ["text"] = "Pain (0 = no pain, 10 = worst imaginable)",
        }
        : new JsonObject
        {
            ["coding"] = new JsonArray(new JsonObject { ["system"] = CheckInSystem, ["code"] = key, ["display"] = ScaleText(key) }),
            ["text"] = ScaleText(key),
        };

    /// <summary>
    /// An own scale: its verified code when the catalogue has one, else the scale id in
    /// <see cref="OwnScaleSystem"/>; <c>text</c> gives the label and what 0 and 10 mean ("Brain fog (0 =
    /// none, 10 = worst)"), which is what the number means.
    /// </summary>
    private static JsonObject OwnScaleCode(string scaleId, IReadOnlyList<SymptomScale> scales)
    {
        var scale = scales.FirstOrDefault(s => s.Id == scaleId);
        var text = scale is null ? $"{scaleId} (0–10)" : $"{scale.Label} (0 = {scale.LowAnchor}, 10 = {scale.HighAnchor})";
        var coding = scale is { CodeSystem: { } system, Code: { } code }
            ? new JsonObject { ["system"] = system, ["code"] = code }
            : new JsonObject { ["system"] = OwnScaleSystem, ["code"] = CodeOf(scaleId) };
        coding["display"] = Text(scale?.Label ?? scaleId);
        return new JsonObject { ["coding"] = new JsonArray(coding), ["text"] = Text(text) };
    }

    private static JsonObject ScoreObservation(CheckInEntry checkIn, JsonObject code, int score, string patient) => new()
    {
        ["resourceType"] = "Observation",
        ["status"] = "final",
        ["category"] = Survey(),
        ["code"] = code,
        ["subject"] = Reference(patient),
        ["effectiveDateTime"] = DateTime(checkIn.At, checkIn.TimeZoneId),
        ["valueInteger"] = score,
    };

    private static string ScaleText(string key) => key switch
    {
        "fatigue" => "Fatigue (0 = none, 10 = worst)",
        "sleep-quality" => "Sleep quality (0 = worst, 10 = best)",
        "mood" => "Mood (0 = worst, 10 = best)",
        "focus" => "Focus (0 = worst, 10 = best)",
        _ => throw new ArgumentOutOfRangeException(nameof(key), key, "not a check-in scale"),
    };

    private static JsonObject CheckInPanel(CheckInEntry checkIn, JsonArray members, string patient)
    {
        var panel = new JsonObject
        {
            ["resourceType"] = "Observation",
            ["status"] = "final",
            ["category"] = Survey(),
            ["code"] = new JsonObject
            {
                ["coding"] = new JsonArray(new JsonObject { ["system"] = CheckInSystem, ["code"] = "check-in", ["display"] = "Daily check-in" }),
                ["text"] = "Daily check-in",
            },
            ["subject"] = Reference(patient),
            ["effectiveDateTime"] = DateTime(checkIn.At, checkIn.TimeZoneId),
        };
        if (!string.IsNullOrWhiteSpace(checkIn.Note))
        {
            panel["note"] = Note(checkIn.Note);
        }

        if (members.Count > 0)
        {
            panel["hasMember"] = members;
        }

        return panel;
    }

    private static JsonObject SideEffectCondition(SideEffectEntry effect, string patient)
    {
        var condition = new JsonObject
        {
            ["resourceType"] = "Condition",
            ["clinicalStatus"] = Coded(ConditionClinicalSystem, effect.To is null ? "active" : "resolved", effect.To is null ? "Active" : "Resolved"),
            ["code"] = SideEffectCode(effect),
            ["subject"] = Reference(patient),
            ["onsetDateTime"] = DateTime(effect.From, effect.TimeZoneId),
        };
        if (effect.To is { } to)
        {
            condition["abatementDateTime"] = DateTime(to, effect.TimeZoneId);
        }

        if (!string.IsNullOrWhiteSpace(effect.Note))
        {
            condition["note"] = Note(effect.Note);
        }

        return condition;
    }

    private static JsonObject AdverseEvent(SideEffectEntry effect, string patient, string condition, string medication)
    {
        var (severity, severityDisplay) = effect.Severity switch
        {
            SideEffectSeverity.Mild => ("mild", "Mild"),
            SideEffectSeverity.Moderate => ("moderate", "Moderate"),
            SideEffectSeverity.Severe => ("severe", "Severe"),
            _ => throw new ArgumentOutOfRangeException(nameof(effect), effect.Severity, "unknown severity"),
        };
        return new JsonObject
        {
            ["resourceType"] = "AdverseEvent",
            ["actuality"] = "actual",
            ["event"] = SideEffectCode(effect),
            ["subject"] = Reference(patient),
            ["date"] = DateTime(effect.From, effect.TimeZoneId),
            ["resultingCondition"] = new JsonArray(Reference(condition)),
            ["severity"] = Coded(SeveritySystem, severity, severityDisplay),
            ["outcome"] = effect.To is null ? Coded(OutcomeSystem, "ongoing", "Ongoing") : Coded(OutcomeSystem, "resolved", "Resolved"),
            ["suspectEntity"] = new JsonArray(new JsonObject { ["instance"] = Reference(medication) }),
        };
    }

    /// <summary>
    /// The kind as the coding, and as <c>text</c> the words the patient typed when an alias was mapped
    /// ("nightmares" for vivid dreams): R4 defines CodeableConcept.text as the concept "as
    /// seen/selected/uttered by the user who entered the data", so the mapping stays visible.
    /// </summary>
    private static JsonObject SideEffectCode(SideEffectEntry effect) => new()
    {
        ["coding"] = new JsonArray(new JsonObject { ["system"] = SideEffectSystem, ["code"] = CodeOf(effect.Kind), ["display"] = Text(effect.Kind) }),
        ["text"] = Text(string.IsNullOrWhiteSpace(effect.TypedName) ? effect.Kind : effect.TypedName),
    };

    private static JsonObject EventObservation(EventEntry journalEvent, string patient)
    {
        var (code, text) = journalEvent.Kind switch
        {
            JournalEventKind.Flare => ("flare", "Flare of the condition"),
            JournalEventKind.Infection => ("infection", "Infection"),
            JournalEventKind.MedicationChange => ("medication-change", "Medication change"),
            JournalEventKind.Other => ("other", "Other event"),
            _ => throw new ArgumentOutOfRangeException(nameof(journalEvent), journalEvent.Kind, "unknown event kind"),
        };
        var observation = new JsonObject
        {
            ["resourceType"] = "Observation",
            ["status"] = "final",
            ["code"] = new JsonObject
            {
                ["coding"] = new JsonArray(new JsonObject { ["system"] = EventSystem, ["code"] = code, ["display"] = text }),
                ["text"] = text,
            },
            ["subject"] = Reference(patient),
            ["effectiveDateTime"] = DateTime(journalEvent.At, journalEvent.TimeZoneId),
        };
        if (!string.IsNullOrWhiteSpace(journalEvent.Note))
        {
            observation["note"] = Note(journalEvent.Note);
        }

        return observation;
    }

    private static JsonObject MedicationStatement(MedicationEntry medication, DateTimeZone zone, string patient)
    {
        var period = new JsonObject { ["start"] = DateTimePattern.Format(medication.Since.InZone(zone).ToOffsetDateTime()) };
        if (medication.Until is { } until)
        {
            period["end"] = DateTimePattern.Format(until.InZone(zone).ToOffsetDateTime());
        }

        return new JsonObject
        {
            ["resourceType"] = "MedicationStatement",
            ["status"] = medication.Until is null ? "active" : "completed",
            ["medicationCodeableConcept"] = new JsonObject { ["text"] = Text(medication.Name) },
            ["subject"] = Reference(patient),
            ["effectivePeriod"] = period,
        };
    }

    private static JsonObject Naltrexone() => new() { ["text"] = MedicationText };

    private static JsonObject Route(Formulation formulation) => formulation == Formulation.Sublingual
        ? Coded(Snomed, SublingualRouteCode, "Sublingual route")
        : Coded(Snomed, OralRouteCode, "Oral route");

    private static JsonArray Survey() => new(Coded(ObservationCategorySystem, "survey", "Survey"));

    private static JsonObject Coded(string system, string code, string display) => new()
    {
        ["coding"] = new JsonArray(new JsonObject { ["system"] = system, ["code"] = code, ["display"] = display }),
    };

    private static JsonObject Milligrams(decimal mg) => new()
    {
        ["value"] = JsonValue.Create(Normalize(mg)),
        ["unit"] = "mg",
        ["system"] = Ucum,
        ["code"] = "mg",
    };

    private static JsonObject Reference(string urn) => new() { ["reference"] = urn };

    private static JsonArray Note(string text) => new(new JsonObject { ["text"] = Text(text) });

    /// <summary>
    /// FHIR strings may not hold control characters other than tab, CR and LF (R4 datatypes, "string"); any
    /// other is replaced by U+FFFD so the file stays valid. Everything else is kept as typed: the JSON writer
    /// escapes it, so markup or quotes in a note stay data.
    /// </summary>
    internal static string Text(string text) =>
        text.Any(c => c < ' ' && c is not ('\t' or '\r' or '\n'))
            ? string.Concat(text.Select(c => c < ' ' && c is not ('\t' or '\r' or '\n') ? '\uFFFD' : c))
            : text;

    /// <summary>The instant with the offset of the entry's own zone, an IANA id or a fixed <c>UTC-08:00</c> (<see cref="JournalTime.Zone"/>).</summary>
    private static string DateTime(Instant at, string zoneId) => DateTimePattern.Format(at.InZone(JournalTime.Zone(zoneId)).ToOffsetDateTime());

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);

    private static decimal Normalize(decimal value) => value / 1.000000000000000000000000000000000m;

    private static string Number(decimal value) => Normalize(value).ToString(CultureInfo.InvariantCulture);

    /// <summary>A FHIR code has no leading or trailing whitespace and no runs of it; the kind's text stays in <c>text</c>.</summary>
    private static string CodeOf(string kind) => string.Join('-', kind.Trim().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
