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
/// nothing: the whole file is checked (<see cref="FhirBundleChecks"/>) and mapped before anything is written,
/// and the first thing it cannot map stops it with one sentence naming the entry. It takes every resource
/// <see cref="FhirExport"/> writes, so an export imports back to the same entries and exports again to the
/// same resources, and what another system sends for a prescription or a history:
/// <list type="bullet">
/// <item>Patient: the name's text (or given and family names) becomes the journal's name;</item>
/// <item>MedicationRequest for naltrexone: a plan version (<see cref="FhirPlanImport"/>); a request for
///   another medicine is one of the other medications;</item>
/// <item>MedicationAdministration of naltrexone: a logged dose (status not-done: skipped);</item>
/// <item>MedicationStatement: one of the other medications, with its period;</item>
/// <item>Observation: check-ins, scores on the journal's own scales and events (<see cref="FhirObservationImport"/>);</item>
/// <item>AdverseEvent with its Condition: a side effect (<see cref="FhirSideEffectImport"/>); a Condition no
///   AdverseEvent names and a Medication nothing names are refused.</item>
/// </list>
/// Times must carry a UTC offset and lie within 1970–2200; an entry keeps the home zone when that zone had the
/// offset at that instant, else the offset as a fixed zone. A date alone is taken as midnight UTC for
/// medications. Anything else (other resource types, other codes, a dose in another unit) is refused.
/// Ranges are then checked by the store's import as for any import.
/// </summary>
public static class FhirImport
{
    /// <summary>RxNorm 7243, naltrexone (the ingredient).</summary>
    public const string RxNormNaltrexone = "7243";

    private static readonly JsonSerializerOptions Json = new JsonSerializerOptions().ForFhir(ModelInfo.ModelInspector);

    /// <param name="json">The Bundle's JSON text.</param>
    /// <param name="sourceName">The file's name, for messages.</param>
    /// <param name="homeZoneId">The new journal's zone (IANA id or <c>UTC+01:00</c>).</param>
    /// <exception cref="InvalidInputException">Not a FHIR R4 Bundle, or an entry the import cannot map (one sentence).</exception>
    public static JournalData Read(string json, string sourceName, string homeZoneId)
    {
        ArgumentNullException.ThrowIfNull(json);
        FhirBundleChecks.Json(json, sourceName);
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

        FhirBundleChecks.Entries(bundle, sourceName);
        var context = new FhirImportContext(bundle.Entry, sourceName, JournalTime.Zone(homeZoneId));
        var named = NamedByOthers(context);
        var name = (string?)null;
        var plans = new List<FhirPlanImport.Request>();
        var doses = new List<DoseEntry>();
        var medications = new List<MedicationEntry>();
        var sideEffects = new List<SideEffectEntry>();
        var observations = new FhirObservationImport(context);
        for (var i = 0; i < bundle.Entry.Count; i++)
        {
            var resource = bundle.Entry[i].Resource;
            var where = context.Where(i);
            switch (resource)
            {
                case Patient patient:
                    name = patient.Name.FirstOrDefault() is { } n ? n.Text ?? string.Join(' ', n.Given.Append(n.Family).Where(p => !string.IsNullOrWhiteSpace(p))) : name;
                    break;
                case MedicationRequest request when IsNaltrexone(Medicine(request.Medication, context, where)):
                    plans.Add(FhirPlanImport.Read(request, where, context));
                    break;
                case MedicationRequest request:
                    medications.Add(new MedicationEntry(0, MedicineName(Medicine(request.Medication, context, where), where), context.At(request.AuthoredOn, where, "authoredOn").At, null));
                    break;
                case MedicationAdministration administration:
                    doses.Add(Dose(administration, where, context));
                    break;
                case MedicationStatement statement:
                    medications.Add(Statement(statement, where, context));
                    break;
                case Observation observation:
                    observations.Add(observation, i);
                    break;
                case AdverseEvent adverse:
                    sideEffects.Add(FhirSideEffectImport.Read(adverse, where, context));
                    break;
                case Condition when named.Contains(i):
                case Medication when named.Contains(i):
                    // Read through the AdverseEvent or request that names it.
                    break;
                case Condition or Medication:
                    throw new InvalidInputException(
                        $"{where} is a {resource.TypeName} that no {(resource is Condition ? "AdverseEvent names as its resulting condition" : "entry names")}; the import takes it only as part of a side effect or a medicine's description.");
                case null:
                    throw new InvalidInputException($"{where} has no resource.");
                default:
                    throw new InvalidInputException(
                        $"{where} is of type {resource.TypeName}, which the import cannot map; it takes Patient, MedicationRequest, MedicationAdministration, MedicationStatement, Observation, AdverseEvent (with its Condition) and Medication.");
            }
        }

        var (checkIns, scales) = observations.Finish();
        return new JournalData
        {
            Profile = new JournalProfile { Name = name, TimeZoneId = homeZoneId },
            Plans = FhirPlanImport.Versions(plans),
            Scales = [.. SymptomScales.BuiltIn, .. scales],
            Doses = [.. doses.OrderBy(d => d.At)],
            CheckIns = checkIns,
            SideEffects = [.. sideEffects.OrderBy(s => s.From)],
            Events = [.. observations.Events.OrderBy(e => e.At)],
            Medications = medications,
        };
    }

    /// <summary>The entries a Condition or Medication may be: those an AdverseEvent or a medication reference names.</summary>
    private static HashSet<int> NamedByOthers(FhirImportContext context)
    {
        var named = new HashSet<int>();
        foreach (var resource in context.Entries.Select(e => e.Resource))
        {
            IEnumerable<ResourceReference?> references = resource switch
            {
                AdverseEvent adverse => [.. adverse.ResultingCondition, .. adverse.SuspectEntity.Select(s => s.Instance)],
                MedicationRequest { Medication: ResourceReference r } => [r],
                MedicationAdministration { Medication: ResourceReference r } => [r],
                MedicationStatement { Medication: ResourceReference r } => [r],
                _ => [],
            };
            named.UnionWith(references.Select(context.IndexOf).OfType<int>());
        }

        return named;
    }

    /// <summary>The medicine as a concept: the element itself, or the code of the Medication it refers to.</summary>
    private static DataType? Medicine(DataType? medication, FhirImportContext context, string where) =>
        medication is ResourceReference reference ? context.Follow<Medication>(reference, where, "medicationReference")?.Code : medication;

    private static bool IsNaltrexone(DataType? medication) => medication is CodeableConcept concept
        && ((concept.Text?.Contains("naltrexone", StringComparison.OrdinalIgnoreCase) ?? false)
            || concept.Coding.Any(c => c.Code == RxNormNaltrexone && c.System == "http://www.nlm.nih.gov/research/umls/rxnorm"
                || (c.Display?.Contains("naltrexone", StringComparison.OrdinalIgnoreCase) ?? false)));

    private static string MedicineName(DataType? medication, string where) =>
        medication is CodeableConcept concept && (concept.Text ?? concept.Coding.FirstOrDefault(c => !string.IsNullOrWhiteSpace(c.Display))?.Display) is { } text && !string.IsNullOrWhiteSpace(text)
            ? text
            : throw new InvalidInputException($"{where} names no medicine as text or a coding's display.");

    private static DoseEntry Dose(MedicationAdministration administration, string where, FhirImportContext context)
    {
        if (!IsNaltrexone(Medicine(administration.Medication, context, where)))
        {
            throw new InvalidInputException($"{where} is an administration of another medicine than naltrexone; record other medicines as a MedicationStatement.");
        }

        var skipped = administration.Status switch
        {
            MedicationAdministration.MedicationAdministrationStatusCodes.Completed => false,
            MedicationAdministration.MedicationAdministrationStatusCodes.NotDone => true,
            _ => throw new InvalidInputException($"{where} has status '{administration.StatusElement?.JsonValue}'; only completed and not-done doses are imported."),
        };
        var (at, zone) = context.At((administration.Effective as FhirDateTime)?.Value, where, "effectiveDateTime");
        var note = skipped ? administration.StatusReason.FirstOrDefault()?.Text : administration.Note.FirstOrDefault()?.Text;
        if (skipped && note == "Skipped (no reason given)")
        {
            note = null;
        }

        // The export writes the formulation in the dosage text ("1 mg (liquid)"); the route alone tells only sublingual.
        var formulation = Formulations.All.FirstOrDefault(f => administration.Dosage?.Text?.EndsWith($"({f.Name()})", StringComparison.Ordinal) == true, FormulationOf(administration.Dosage?.Route));
        return new DoseEntry(0, at, zone, Milligrams(administration.Dosage?.Dose, where), formulation, skipped, note);
    }

    private static MedicationEntry Statement(MedicationStatement statement, string where, FhirImportContext context)
    {
        var name = MedicineName(Medicine(statement.Medication, context, where), where);
        return statement.Effective switch
        {
            Hl7.Fhir.Model.Period { Start: { } start } period => new MedicationEntry(0, name, context.Since(start, where, "effectivePeriod.start"), period.End is { } end ? context.Since(end, where, "effectivePeriod.end") : null),
            FhirDateTime { Value: { } at } => new MedicationEntry(0, name, context.Since(at, where, "effectiveDateTime"), null),
            _ => throw new InvalidInputException($"{where} has no effective date or period start."),
        };
    }

    internal static decimal Milligrams(Quantity? quantity, string where) =>
        quantity is { Value: { } value } && (quantity.Code == "mg" || (quantity.Code is null && quantity.Unit == "mg"))
            ? value
            : throw new InvalidInputException($"{where} has no dose in mg (a Quantity with code 'mg').");

    internal static Formulation FormulationOf(CodeableConcept? route) =>
        route?.Coding.Any(c => c.Code == FhirExport.SublingualRouteCode) == true ? Formulation.Sublingual : Formulation.Capsule;

    private static string Sentence(string message) => message.Split(". ")[0].TrimEnd('.');
}
