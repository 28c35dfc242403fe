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
/// The treatment journal as a FHIR R4 Bundle of type <c>collection</c>: the Patient, the plan as a
/// MedicationRequest with one dosage instruction per titration step, every logged dose as a
/// MedicationAdministration, each check-in as a panel Observation with one Observation per score, side
/// effects as AdverseEvent with the symptom as a Condition, events as Observations and the other
/// medications as MedicationStatements. Entries are identified by <c>urn:uuid:</c> UUIDs derived from the
/// journal's own ids (see <see cref="FhirIds"/>), so exporting the same journal twice gives the same file.
/// The mapping, the codes and where each was checked are in docs/fhir.md.
/// </summary>
public static class FhirExport
{
    /// <summary>The project's code system for check-in scales without a LOINC code (and the check-in panel).</summary>
    public const string CheckInSystem = "https://ldn-workbench.example/fhir/CodeSystem/check-in";

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

        string? request = null;
        if (data.Plan is { } plan)
        {
            request = FhirIds.Urn("plan", plan.SetAt.ToUnixTimeTicks().ToString(CultureInfo.InvariantCulture));
            Add(request, MedicationRequest(plan, patient));
        }

        foreach (var dose in data.Doses)
        {
            Add(FhirIds.Urn("dose", Id(dose.Id)), MedicationAdministration(dose, patient, request));
        }

        foreach (var checkIn in data.CheckIns)
        {
            var members = new JsonArray();
            foreach (var (key, value) in Scores(checkIn))
            {
                if (value is { } score)
                {
                    var urn = FhirIds.Urn("check-in", Id(checkIn.Id), key);
                    Add(urn, ScoreObservation(checkIn, key, score, patient));
                    members.Add(Reference(urn));
                }
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

        var homeZone = Zone(data.Profile.TimeZoneId);
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

    /// <summary>The check-in scales in export order with their codes (null for one left out).</summary>
    internal static IEnumerable<(string Key, int? Value)> Scores(CheckInEntry c) =>
        [("fatigue", c.Fatigue), ("pain", c.Pain), ("sleep-quality", c.Sleep), ("mood", c.Mood), ("focus", c.Focus)];

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

    private static JsonObject MedicationRequest(PlanVersion plan, string patient)
    {
        var steps = PlanDocument.ReadSteps(plan.PlanJson, "the journal's plan");
        var instructions = new JsonArray();
        foreach (var step in steps)
        {
            var bounds = new JsonObject { ["start"] = Date(step.From) };
            if (step.To is { } to)
            {
                bounds["end"] = Date(to);
            }

            var instruction = new JsonObject
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
            instructions.Add(instruction);
        }

        return new JsonObject
        {
            ["resourceType"] = "MedicationRequest",
            ["status"] = "active",
            ["intent"] = "plan",
            ["medicationCodeableConcept"] = Naltrexone(),
            ["subject"] = Reference(patient),
            ["authoredOn"] = InstantText.Format(plan.SetAt),
            ["dosageInstruction"] = instructions,
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

    private static JsonObject ScoreObservation(CheckInEntry checkIn, string key, int score, string patient)
    {
        var code = key == "pain"
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
        return new JsonObject
        {
            ["resourceType"] = "Observation",
            ["status"] = "final",
            ["category"] = Survey(),
            ["code"] = code,
            ["subject"] = Reference(patient),
            ["effectiveDateTime"] = DateTime(checkIn.At, checkIn.TimeZoneId),
            ["valueInteger"] = score,
        };
    }

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
            ["code"] = SideEffectCode(effect.Kind),
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
            ["event"] = SideEffectCode(effect.Kind),
            ["subject"] = Reference(patient),
            ["date"] = DateTime(effect.From, effect.TimeZoneId),
            ["resultingCondition"] = new JsonArray(Reference(condition)),
            ["severity"] = Coded(SeveritySystem, severity, severityDisplay),
            ["outcome"] = effect.To is null ? Coded(OutcomeSystem, "ongoing", "Ongoing") : Coded(OutcomeSystem, "resolved", "Resolved"),
            ["suspectEntity"] = new JsonArray(new JsonObject { ["instance"] = Reference(medication) }),
        };
    }

    private static JsonObject SideEffectCode(string kind) => new()
    {
        ["coding"] = new JsonArray(new JsonObject { ["system"] = SideEffectSystem, ["code"] = CodeOf(kind) }),
        ["text"] = Text(kind),
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

    private static string DateTime(Instant at, string zoneId) => DateTimePattern.Format(at.InZone(Zone(zoneId)).ToOffsetDateTime());

    private static DateTimeZone Zone(string zoneId) =>
        DateTimeZoneProviders.Tzdb.GetZoneOrNull(zoneId) ?? throw new InvalidInputException($"'{zoneId}' is not an IANA time zone.");

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);

    private static decimal Normalize(decimal value) => value / 1.000000000000000000000000000000000m;

    private static string Number(decimal value) => Normalize(value).ToString(CultureInfo.InvariantCulture);

    /// <summary>A FHIR code has no leading or trailing whitespace and no runs of it; the kind's text stays in <c>text</c>.</summary>
    private static string CodeOf(string kind) => string.Join('-', kind.Trim().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
