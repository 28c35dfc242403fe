using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Hl7.Fhir.Model;
using Ldn.Core;
using Ldn.Core.Dosing;
using Ldn.Core.Journal;
using NodaTime;
using Instant = NodaTime.Instant;

namespace Ldn.Interop.Fhir;

/// <summary>
/// Naltrexone MedicationRequests as the journal's plan versions. Each request gives one version: a step
/// per dosage instruction (in <c>sequence</c> order), in force from <c>dispenseRequest.validityPeriod.start</c>,
/// made at <c>authoredOn</c>. What <see cref="FhirExport"/> writes comes back as it was: the formulation
/// and a liquid's volume from the instruction's text, the adjustment from the note ("made with 'ldn
/// journal plan adjust hold'"), a cancelled version's first day from the version that replaced it, and a
/// stopped version's last step open again (the export cut it to the day the version ended).
/// </summary>
internal static partial class FhirPlanImport
{
    /// <summary>One request read, before the versions are put in order.</summary>
    internal sealed record Request(Instant SetAt, LocalDate? From, List<Dictionary<string, object?>> Steps, string Adjustment, bool Stopped, string Where);

    /// <exception cref="InvalidInputException">No dosage instruction, or one the journal's plan cannot hold.</exception>
    public static Request Read(MedicationRequest request, string where, FhirImportContext context)
    {
        if (request.DosageInstruction.Count == 0)
        {
            throw new InvalidInputException($"{where} is a naltrexone request without a dosage instruction.");
        }

        var steps = request.DosageInstruction.OrderBy(d => d.Sequence ?? 0)
            .Select((d, i) => Step(d, i + 1, $"{where} (dosage instruction {i + 1})")).ToList();
        LocalDate? from = request.DispenseRequest?.ValidityPeriod?.Start is { } start
            ? FhirImportContext.Day(start, where, "dispenseRequest.validityPeriod.start")
            : null;
        // Without authoredOn the version counts as made at the start of its first day (UTC).
        var setAt = request.AuthoredOn is null
            ? (from ?? FhirImportContext.Day((string)steps[0]["from"]!, where, "a step")).AtStartOfDayInZone(DateTimeZone.Utc).ToInstant()
            : context.At(request.AuthoredOn, where, "authoredOn").At;
        var adjustment = request.Note.Select(n => AdjustmentNote().Match(n.Text ?? "")).FirstOrDefault(m => m.Success)?.Groups[1].Value ?? "set";
        return new Request(setAt, from, steps, adjustment, request.Status == MedicationRequest.MedicationrequestStatus.Stopped, where);
    }

    /// <summary>
    /// The versions in the journal's order (first day, then when made). A version without a validity period
    /// (the export's cancelled one, replaced before it was in force) starts on the day of the next one made
    /// that has one, else on its first step's day.
    /// </summary>
    /// <exception cref="InvalidInputException">A version whose steps the journal's plan cannot read.</exception>
    public static List<PlanVersion> Versions(List<Request> requests)
    {
        var made = requests.OrderBy(r => r.SetAt).ToList();
        var dated = made.Select((r, i) => r with
        {
            From = r.From ?? made.Skip(i + 1).FirstOrDefault(n => n.From is not null)?.From
                ?? FhirImportContext.Day((string)r.Steps[0]["from"]!, r.Where, "a step"),
        }).OrderBy(r => r.From).ThenBy(r => r.SetAt).ToList();

        return [.. dated.Select((r, i) =>
        {
            if (r.Stopped && i + 1 < dated.Count)
            {
                r.Steps[^1]["to"] = null;
            }

            var json = JsonSerializer.Serialize(new Dictionary<string, object?> { ["protocol"] = "imported", ["protocolName"] = "Imported from FHIR", ["steps"] = r.Steps });
            try
            {
                return new PlanVersion(0, r.From!.Value, r.SetAt, json, r.Adjustment);
            }
            catch (InvalidInputException e)
            {
                throw new InvalidInputException($"{r.Where} is not a plan the journal can hold: {Lower(e.Message.TrimEnd('.'))}.", e);
            }
        })];
    }

    private static Dictionary<string, object?> Step(Dosage dosage, int number, string where)
    {
        var repeat = dosage.Timing?.Repeat;
        if (repeat?.Bounds is not Hl7.Fhir.Model.Period { Start: { } start } bounds)
        {
            throw new InvalidInputException($"{where} has no timing.repeat.boundsPeriod with a start date.");
        }

        if (repeat.PeriodUnit is { } unit && (unit != Timing.UnitsOfTime.D || repeat.Period != 1 || repeat.Frequency is not (null or 1)))
        {
            throw new InvalidInputException($"{where} is not once a day, the only schedule a plan step has.");
        }

        var at = repeat.TimeOfDay.FirstOrDefault() is { Length: >= 5 } time ? time[..5] : throw new InvalidInputException($"{where} has no timeOfDay.");
        var dose = FhirImport.Milligrams(dosage.DoseAndRate.FirstOrDefault()?.Dose as Quantity, where);
        var text = dosage.Text ?? "";
        // The export names the formulation in the text ("4.5 mg naltrexone (liquid)"); the route alone tells only sublingual.
        var formulation = Formulations.All.FirstOrDefault(f => text.Contains($"naltrexone ({f.Name()})", StringComparison.Ordinal), FhirImport.FormulationOf(dosage.Route));
        var step = new Dictionary<string, object?>
        {
            ["step"] = number,
            ["from"] = FhirImportContext.Day(start, where, "boundsPeriod.start").ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["to"] = bounds.End is { } end ? FhirImportContext.Day(end, where, "boundsPeriod.end").ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : null,
            ["doseMg"] = dose,
            ["at"] = at,
            ["formulation"] = formulation.Name(),
        };
        if (formulation == Formulation.Liquid && LiquidText().Match(text) is { Success: true } liquid)
        {
            step["volumeMl"] = decimal.Parse(liquid.Groups[1].Value, CultureInfo.InvariantCulture);
            step["actualDoseMg"] = decimal.Parse(liquid.Groups[2].Value, CultureInfo.InvariantCulture);
        }

        return step;
    }

    private static string Lower(string text) => text.Length > 0 ? char.ToLowerInvariant(text[0]) + text[1..] : text;

    /// <summary>The export's step text for a liquid: "; measure 4.5 mL of the liquid, which holds 4.5 mg".</summary>
    [GeneratedRegex(@"measure ([0-9]{1,9}(?:\.[0-9]{1,9})?) mL of the liquid, which holds ([0-9]{1,9}(?:\.[0-9]{1,9})?) mg", RegexOptions.CultureInvariant)]
    private static partial Regex LiquidText();

    /// <summary>The export's note: "Plan version 2 of 3, made with 'ldn journal plan adjust move-to-morning', …".</summary>
    [GeneratedRegex(@"made with 'ldn journal plan adjust ([a-z-]{1,40})'", RegexOptions.CultureInvariant)]
    private static partial Regex AdjustmentNote();
}
