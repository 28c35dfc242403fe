using Hl7.Fhir.Model;
using Ldn.Core;
using Ldn.Core.Advice;
using Ldn.Core.Journal;

namespace Ldn.Interop.Fhir;

/// <summary>
/// AdverseEvents as the journal's side effects, as <see cref="FhirExport"/> writes them: the kind from the
/// <c>event</c> coding in the project's side-effect code system (its <c>display</c>, else the code with
/// '-' read as a space), the words typed from <c>event.text</c> when they differ from the kind, the onset
/// and zone from <c>date</c>, the severity from the R4 adverse-event-severity codes, and the end and note
/// from the <c>resultingCondition</c>'s <c>abatementDateTime</c> and <c>note</c>. An AdverseEvent coded in
/// any other way, with another actuality, or with an outcome other than ongoing or resolved is refused:
/// the journal would have to guess what it means.
/// </summary>
internal static class FhirSideEffectImport
{
    private const string SeveritySystem = "http://terminology.hl7.org/CodeSystem/adverse-event-severity";
    private const string OutcomeSystem = "http://terminology.hl7.org/CodeSystem/adverse-event-outcome";

    /// <exception cref="InvalidInputException">Anything above the import cannot map (one sentence naming the entry).</exception>
    public static SideEffectEntry Read(AdverseEvent adverse, string where, FhirImportContext context)
    {
        if (adverse.Actuality is not AdverseEvent.AdverseEventActuality.Actual)
        {
            throw new InvalidInputException($"{where} is an AdverseEvent that did not happen (actuality '{adverse.ActualityElement?.JsonValue}'); the journal records side effects that did.");
        }

        var coding = adverse.Event?.Coding.FirstOrDefault(c => c.System == FhirExport.SideEffectSystem);
        if (coding is null)
        {
            var first = adverse.Event?.Coding.FirstOrDefault();
            throw new InvalidInputException(
                $"{where} is an AdverseEvent coded {(first is null ? "only as text" : $"'{FhirImportContext.Cut(first.Code)}' in {FhirImportContext.Cut(first.System)}")}, which the import cannot map to a side effect; it takes the side-effect code system of an LDN Workbench export.");
        }

        // The kind as the journal wrote it (the display); the store makes it canonical, as for any import.
        var kind = coding.Display ?? coding.Code ?? "";
        try
        {
            _ = SideEffectKinds.Parse(kind);
        }
        catch (InvalidInputException e)
        {
            throw new InvalidInputException($"{where} has an AdverseEvent kind the journal does not know: {e.Message.TrimEnd('.')}.", e);
        }

        var severity = adverse.Severity?.Coding.FirstOrDefault(c => c.System == SeveritySystem)?.Code switch
        {
            "mild" => SideEffectSeverity.Mild,
            "moderate" => SideEffectSeverity.Moderate,
            "severe" => SideEffectSeverity.Severe,
            var other => throw new InvalidInputException(
                $"{where} has severity '{FhirImportContext.Cut(other ?? "none")}'; a side effect is mild, moderate or severe (the R4 adverse-event-severity codes)."),
        };

        var (from, zone) = context.At(adverse.Date, where, "date");
        Condition? condition = null;
        foreach (var reference in adverse.ResultingCondition)
        {
            condition ??= context.Follow<Condition>(reference, where, "resultingCondition");
        }

        var to = condition?.Abatement switch
        {
            null => (NodaTime.Instant?)null,
            FhirDateTime { Value: var text } => context.At(text, where, "the Condition's abatementDateTime").At,
            _ => throw new InvalidInputException($"{where} has a Condition whose abatement is not a dateTime."),
        };
        var outcome = adverse.Outcome?.Coding.FirstOrDefault(c => c.System == OutcomeSystem)?.Code;
        if (outcome is not (null or "ongoing" or "resolved") || (outcome == "resolved" && to is null) || (outcome == "ongoing" && to is not null))
        {
            throw new InvalidInputException(
                $"{where} has outcome '{FhirImportContext.Cut(outcome)}' {(to is null ? "without" : "with")} an end time; the journal records a side effect as ongoing (no end) or resolved (with the Condition's abatementDateTime).");
        }

        var typed = adverse.Event!.Text;
        var note = condition?.Note.FirstOrDefault()?.Text;
        return new SideEffectEntry(0, kind, severity, from, to, zone, note)
        {
            TypedName = string.IsNullOrWhiteSpace(typed) || typed == kind ? null : typed,
        };
    }
}
