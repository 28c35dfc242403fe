using Firely.Fhir.Validation;
using Hl7.Fhir.Model;
using Hl7.Fhir.Specification.Source;
using Hl7.Fhir.Specification.Terminology;

namespace Ldn.Interop.Tests;

/// <summary>
/// Firely's validator (Firely.Fhir.Validation.R4) against the base R4 profiles: structure, cardinality,
/// primitive formats, fixed and required bindings and every FHIRPath invariant of the core
/// StructureDefinitions, which it reads from the R4 specification.zip (Hl7.Fhir.Specification.Data.R4).
/// Terminology is checked locally only (<see cref="LocalTerminologyService"/>, the code systems and value sets
/// in that zip): a binding to SNOMED CT, LOINC or UCUM needs a terminology server, so an issue saying a
/// code could not be checked is kept as a warning (<see cref="Result.Warnings"/>), never an error.
/// </summary>
internal static class R4Validator
{
    private static readonly Lazy<Validator> Instance = new(() =>
    {
        var source = new CachedResolver(ZipSource.CreateValidationSource());
        return new Validator(source, new LocalTerminologyService(source));
    });

    /// <summary>The errors and warnings, each as "location: message".</summary>
    internal sealed record Result(IReadOnlyList<string> Errors, IReadOnlyList<string> Warnings, IReadOnlyList<string> TerminologyWarnings);

    public static Result Validate(Resource resource)
    {
        var outcome = Instance.Value.Validate(resource);
        var errors = new List<string>();
        var warnings = new List<string>();
        var terminology = new List<string>();
        foreach (var issue in outcome.Issue)
        {
            var text = $"{string.Join(",", issue.Expression ?? [])}: {issue.Details?.Text ?? issue.Diagnostics}";
            if (issue.Severity is OperationOutcome.IssueSeverity.Error or OperationOutcome.IssueSeverity.Fatal)
            {
                if (NeedsATerminologyServer(text))
                {
                    terminology.Add(text);
                }
                else
                {
                    errors.Add(text);
                }
            }
            else if (issue.Severity == OperationOutcome.IssueSeverity.Warning)
            {
                warnings.Add(text);
            }
        }

        return new Result(errors, warnings, terminology);
    }

    /// <summary>An issue that only says a code system or value set outside the R4 zip could not be consulted.</summary>
    private static bool NeedsATerminologyServer(string text) =>
        text.Contains("snomed.info/sct", StringComparison.Ordinal)
        || text.Contains("loinc.org", StringComparison.Ordinal)
        || text.Contains("unitsofmeasure.org", StringComparison.Ordinal);
}
