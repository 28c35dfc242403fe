using System.Globalization;
using System.Text.Json;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using Ldn.Core;
using Ldn.Core.Dosing;
using Ldn.Core.Journal;
using NodaTime;
using Instant = NodaTime.Instant;

namespace Ldn.Interop.Fhir;

/// <summary>
/// Reads a FHIR R4 Bundle (JSON, parsed by the Firely SDK) into a journal to import into a new journal, all or
/// nothing: the whole file is mapped before anything is written, and the first thing it cannot map stops it
/// with one sentence naming the entry. It takes what <see cref="FhirExport"/> writes and what another system
/// sends for a prescription or a history:
/// <list type="bullet">
/// <item>Patient: the name's text (or given and family names) becomes the journal's name;</item>
/// <item>MedicationRequest for naltrexone: a plan version, one step per dosage instruction (bounds, time of
///   day, dose in mg, sublingual route or capsule), in force from its validity period's start, ordered by
///   <c>authoredOn</c>; a request for another medicine is one of the other medications;</item>
/// <item>MedicationAdministration of naltrexone: a logged dose (status not-done: skipped);</item>
/// <item>MedicationStatement: one of the other medications, with its period;</item>
/// <item>Observation: a check-in score (LOINC 72514-3 pain, or the check-in code system's fatigue,
///   sleep-quality, mood, focus; integer 0–10), scores at the same instant forming one check-in, whose
///   panel gives the note; or a journal event (the journal-event code system).</item>
/// </list>
/// Times must carry a UTC offset (a dateTime with a time) and keep it as the entry's fixed zone; a date alone is
/// taken as midnight UTC for medications. Anything else (other resource types, other codes, a dose in another
/// unit) is refused. Ranges and times are then checked by the store's import as for any import.
/// </summary>
public static class FhirImport
{
    /// <summary>RxNorm 7243, naltrexone (the ingredient).</summary>
    public const string RxNormNaltrexone = "7243";

    private static readonly JsonSerializerOptions Json = new JsonSerializerOptions().ForFhir(ModelInfo.ModelInspector);

    /// <summary>The check-in code system's codes (as <see cref="FhirExport"/> writes them) and the journal's scale ids.</summary>
    private static readonly Dictionary<string, string> CheckInCodes = new(StringComparer.Ordinal)
    {
        ["fatigue"] = SymptomScales.Fatigue, ["sleep-quality"] = SymptomScales.Sleep, ["mood"] = SymptomScales.Mood, ["focus"] = SymptomScales.Focus,
    };

    /// <param name="json">The Bundle's JSON text.</param>
    /// <param name="sourceName">The file's name, for messages.</param>
    /// <param name="homeZoneId">The new journal's zone (IANA id or <c>UTC+01:00</c>).</param>
    /// <exception cref="InvalidInputException">Not a FHIR R4 Bundle, or an entry the import cannot map (one sentence).</exception>
    public static JournalData Read(string json, string sourceName, string homeZoneId)
    {
        ArgumentNullException.ThrowIfNull(json);
        Bundle bundle;
        try
        {
            bundle = JsonSerializer.Deserialize<Bundle>(json, Json) ?? throw new InvalidInputException($"'{sourceName}' holds no FHIR Bundle.");
        }
        catch (DeserializationFailedException e)
        {
            var first = e.Exceptions.FirstOrDefault()?.Message ?? "it does not follow FHIR R4 JSON";
            throw new InvalidInputException($"'{sourceName}' is not a FHIR R4 Bundle: {Sentence(first)}.", e);
        }
        catch (JsonException e)
        {
            throw new InvalidInputException($"'{sourceName}' is not JSON (line {(e.LineNumber ?? 0) + 1}).", e);
        }

        var name = (string?)null;
        var plans = new List<(Instant SetAt, LocalDate From, string Json)>();
        var doses = new List<DoseEntry>();
        var medications = new List<MedicationEntry>();
        var events = new List<EventEntry>();
        var scores = new Dictionary<(Instant, string), Dictionary<string, int>>();
        var panelNotes = new Dictionary<(Instant, string), string>();
        for (var i = 0; i < bundle.Entry.Count; i++)
        {
            var resource = bundle.Entry[i].Resource;
            var where = $"Entry {i + 1} of '{sourceName}'";
            switch (resource)
            {
                case Patient patient:
                    name = patient.Name.FirstOrDefault() is { } n ? n.Text ?? string.Join(' ', n.Given.Append(n.Family).Where(p => !string.IsNullOrWhiteSpace(p))) : name;
                    break;
                case MedicationRequest request when IsNaltrexone(request.Medication):
                    plans.Add(Plan(request, where));
                    break;
                case MedicationRequest request:
                    medications.Add(new MedicationEntry(0, MedicineName(request.Medication, where), At(request.AuthoredOn, where, "authoredOn").At, null));
                    break;
                case MedicationAdministration administration:
                    doses.Add(Dose(administration, where));
                    break;
                case MedicationStatement statement:
                    medications.Add(Statement(statement, where));
                    break;
                case Observation observation:
                    Observe(observation, where, scores, panelNotes, events);
                    break;
                case null:
                    throw new InvalidInputException($"{where} has no resource.");
                default:
                    throw new InvalidInputException(
                        $"{where} is of type {resource.TypeName}, which the import cannot map; it takes Patient, MedicationRequest, MedicationAdministration, MedicationStatement and Observation.");
            }
        }

        var checkIns = scores.Keys.Union(panelNotes.Keys).OrderBy(k => k.Item1)
            .Select(k => CheckInEntry.WithScores(0, k.Item1, k.Item2, scores.GetValueOrDefault(k) ?? [], panelNotes.GetValueOrDefault(k)))
            .ToList();
        return new JournalData
        {
            Profile = new JournalProfile { Name = name, TimeZoneId = homeZoneId },
            Plans = [.. plans.OrderBy(p => p.SetAt).Select(p => new PlanVersion(0, p.From, p.SetAt, p.Json, "set"))],
            Doses = [.. doses.OrderBy(d => d.At)],
            CheckIns = checkIns,
            Events = [.. events.OrderBy(e => e.At)],
            Medications = medications,
        };
    }

    private static bool IsNaltrexone(DataType? medication) => medication is CodeableConcept concept
        && ((concept.Text?.Contains("naltrexone", StringComparison.OrdinalIgnoreCase) ?? false)
            || concept.Coding.Any(c => c.Code == RxNormNaltrexone && c.System == "http://www.nlm.nih.gov/research/umls/rxnorm"
                || (c.Display?.Contains("naltrexone", StringComparison.OrdinalIgnoreCase) ?? false)));

    private static string MedicineName(DataType? medication, string where) =>
        medication is CodeableConcept concept && (concept.Text ?? concept.Coding.FirstOrDefault(c => !string.IsNullOrWhiteSpace(c.Display))?.Display) is { } text && !string.IsNullOrWhiteSpace(text)
            ? text
            : throw new InvalidInputException($"{where} names no medicine as text or a coding's display.");

    private static (Instant SetAt, LocalDate From, string Json) Plan(MedicationRequest request, string where)
    {
        if (request.DosageInstruction.Count == 0)
        {
            throw new InvalidInputException($"{where} is a naltrexone request without a dosage instruction.");
        }

        var steps = request.DosageInstruction.OrderBy(d => d.Sequence ?? 0).Select((d, i) => Step(d, i + 1, $"{where} (dosage instruction {i + 1})")).ToList();
        var plan = new Dictionary<string, object?> { ["protocol"] = "imported", ["protocolName"] = "Imported from FHIR", ["steps"] = steps };
        var first = (string)steps[0]["from"]!;
        var from = request.DispenseRequest?.ValidityPeriod?.Start is { Length: >= 10 } start ? start[..10] : first;
        // Without authoredOn the version counts as made at the start of its first day (UTC).
        var setAt = request.AuthoredOn is null ? Since(first, where) : At(request.AuthoredOn, where, "authoredOn").At;

        return (setAt, LocalDate.FromDateOnly(DateOnly.TryParseExact(from, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day
            : throw new InvalidInputException($"{where} has a validity period that does not start on a date.")), JsonSerializer.Serialize(plan));
    }

    private static Dictionary<string, object?> Step(Dosage dosage, int number, string where)
    {
        var repeat = dosage.Timing?.Repeat;
        if (repeat?.Bounds is not Hl7.Fhir.Model.Period { Start: { Length: >= 10 } start } bounds)
        {
            throw new InvalidInputException($"{where} has no timing.repeat.boundsPeriod with a start date.");
        }

        if (repeat.PeriodUnit is { } unit && (unit != Timing.UnitsOfTime.D || repeat.Period != 1 || repeat.Frequency is not (null or 1)))
        {
            throw new InvalidInputException($"{where} is not once a day, the only schedule a plan step has.");
        }

        var at = repeat.TimeOfDay.FirstOrDefault() is { Length: >= 5 } time ? time[..5] : throw new InvalidInputException($"{where} has no timeOfDay.");
        return new Dictionary<string, object?>
        {
            ["step"] = number,
            ["from"] = start[..10],
            ["to"] = bounds.End is { Length: >= 10 } end ? end[..10] : null,
            ["doseMg"] = Milligrams(dosage.DoseAndRate.FirstOrDefault()?.Dose as Quantity, where),
            ["at"] = at,
            ["formulation"] = FormulationOf(dosage.Route).Name(),
        };
    }

    private static DoseEntry Dose(MedicationAdministration administration, string where)
    {
        if (!IsNaltrexone(administration.Medication))
        {
            throw new InvalidInputException($"{where} is an administration of another medicine than naltrexone; record other medicines as a MedicationStatement.");
        }

        var skipped = administration.Status switch
        {
            MedicationAdministration.MedicationAdministrationStatusCodes.Completed => false,
            MedicationAdministration.MedicationAdministrationStatusCodes.NotDone => true,
            _ => throw new InvalidInputException($"{where} has status '{administration.StatusElement?.JsonValue}'; only completed and not-done doses are imported."),
        };
        var (at, zone) = At((administration.Effective as FhirDateTime)?.Value, where, "effectiveDateTime");
        var note = skipped ? administration.StatusReason.FirstOrDefault()?.Text : administration.Note.FirstOrDefault()?.Text;
        if (skipped && note == "Skipped (no reason given)")
        {
            note = null;
        }

        // The export writes the formulation in the dosage text ("1 mg (liquid)"); the route alone tells only sublingual.
        var formulation = Formulations.All.FirstOrDefault(f => administration.Dosage?.Text?.EndsWith($"({f.Name()})", StringComparison.Ordinal) == true, FormulationOf(administration.Dosage?.Route));
        return new DoseEntry(0, at, zone, Milligrams(administration.Dosage?.Dose, where), formulation, skipped, note);
    }

    private static MedicationEntry Statement(MedicationStatement statement, string where)
    {
        var name = MedicineName(statement.Medication, where);
        return statement.Effective switch
        {
            Hl7.Fhir.Model.Period { Start: { } start } period => new MedicationEntry(0, name, Since(start, where), period.End is { } end ? Since(end, where) : null),
            FhirDateTime { Value: { } at } => new MedicationEntry(0, name, Since(at, where), null),
            _ => throw new InvalidInputException($"{where} has no effective date or period start."),
        };
    }

    private static void Observe(Observation observation, string where, Dictionary<(Instant, string), Dictionary<string, int>> scores, Dictionary<(Instant, string), string> notes, List<EventEntry> events)
    {
        var coding = observation.Code?.Coding.FirstOrDefault(c => c.System is FhirExport.Loinc or FhirExport.CheckInSystem or FhirExport.EventSystem);
        var (at, zone) = At((observation.Effective as FhirDateTime)?.Value, where, "effectiveDateTime");
        var note = observation.Note.FirstOrDefault()?.Text;
        switch (coding)
        {
            case { System: FhirExport.CheckInSystem, Code: "check-in" }:
                if (!string.IsNullOrWhiteSpace(note))
                {
                    notes[(at, zone)] = note;
                }

                return;
            case { System: FhirExport.Loinc, Code: FhirExport.PainLoincCode }:
                Score(SymptomScales.Pain);
                return;
            case { System: FhirExport.CheckInSystem } c when CheckInCodes.TryGetValue(c.Code ?? "", out var key):
                Score(key);
                return;
            case { System: FhirExport.EventSystem } c:
                var kind = c.Code switch
                {
                    "flare" => JournalEventKind.Flare,
                    "infection" => JournalEventKind.Infection,
                    "medication-change" => JournalEventKind.MedicationChange,
                    "other" => JournalEventKind.Other,
                    _ => throw new InvalidInputException($"{where} has journal-event code '{c.Code}', which is not flare, infection, medication-change or other."),
                };
                events.Add(new EventEntry(0, at, zone, kind, note));
                return;
            default:
                var first = observation.Code?.Coding.FirstOrDefault();
                throw new InvalidInputException(
                    $"{where} is an Observation coded {(first is null ? "only as text" : $"'{first.Code}' in {first.System}")}, which is neither a check-in score (LOINC {FhirExport.PainLoincCode} pain or the check-in code system) nor a journal event.");
        }

        void Score(string key)
        {
            if (observation.Value is not Integer { Value: { } value })
            {
                throw new InvalidInputException($"{where} is a check-in score without a whole-number valueInteger.");
            }

            var set = scores.TryGetValue((at, zone), out var existing) ? existing : scores[(at, zone)] = [];
            set[key] = value;
        }
    }

    private static decimal Milligrams(Quantity? quantity, string where) =>
        quantity is { Value: { } value } && (quantity.Code == "mg" || (quantity.Code is null && quantity.Unit == "mg"))
            ? value
            : throw new InvalidInputException($"{where} has no dose in mg (a Quantity with code 'mg').");

    private static Formulation FormulationOf(CodeableConcept? route) =>
        route?.Coding.Any(c => c.Code == FhirExport.SublingualRouteCode) == true ? Formulation.Sublingual : Formulation.Capsule;

    /// <summary>A FHIR dateTime with a time and an offset, as the instant and the fixed zone of that offset.</summary>
    private static (Instant At, string Zone) At(string? text, string where, string element)
    {
        if (text is { Length: > 10 } && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var at) && text.Contains('T', StringComparison.Ordinal)
            && (text.EndsWith('Z') || text[^6] is '+' or '-'))
        {
            var offset = Offset.FromTimeSpan(at.Offset);
            return (Instant.FromDateTimeOffset(at), JournalTime.FixedZone(offset).Id);
        }

        throw new InvalidInputException($"{where} has no {element} with a time and a UTC offset (got '{text}').");
    }

    /// <summary>A dateTime with an offset, or a date alone as midnight UTC.</summary>
    private static Instant Since(string text, string where) =>
        text.Length == 10 && DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            ? LocalDate.FromDateOnly(day).AtStartOfDayInZone(DateTimeZone.Utc).ToInstant()
            : At(text, where, "period").At;

    private static string Sentence(string message) => message.Split(". ")[0].TrimEnd('.');
}
