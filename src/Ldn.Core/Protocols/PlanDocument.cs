using System.Globalization;
using System.Text.Json;
using Ldn.Core.Compounding;
using Ldn.Core.Dosing;
using Ldn.Core.Safety;
using Ldn.Core.Units;

namespace Ldn.Core.Protocols;

/// <summary>
/// The JSON document of <c>ldn plan --json</c> (issue 4's contract: <c>protocol</c>, <c>steps</c> with
/// <c>from</c>, <c>to</c>, <c>doseMg</c>, <c>at</c>, <c>volumeMl</c>, and <c>warnings</c>), and the reader
/// that turns it back into dated steps for the simulator, the journal and the FHIR export.
/// </summary>
public sealed record PlanDocument(
    string Protocol,
    string? ProtocolName,
    string? Source,
    string? Start,
    string? At,
    string? TimeZone,
    string? Formulation,
    decimal? ConcentrationMgPerMl,
    decimal? WeightKg,
    IReadOnlyList<StepDocument>? Steps,
    IReadOnlyList<WarningDocument>? Warnings,
    string? Notice)
{
    private static readonly JsonSerializerOptions ReadOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        PropertyNameCaseInsensitive = true,
    };

    /// <summary>The document of a plan; <paramref name="notice"/> is the not-medical-advice line it carries.</summary>
    public static PlanDocument From(TitrationPlan plan, string notice)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return new PlanDocument(
            plan.Protocol.Id,
            plan.Protocol.Name,
            plan.Protocol.Source,
            Date(plan.Start),
            plan.At.ToString(),
            plan.TimeZone.Id,
            plan.Formulation.Name(),
            Exact(plan.ConcentrationMgPerMl),
            plan.Weight?.Kilograms,
            [.. plan.Steps.Select(Step)],
            [.. plan.Warnings.Select(w => new WarningDocument(w.Code, Severity(w.Severity), w.Message, w.Source))],
            notice);
    }

    private static StepDocument Step(PlanStep step) => new(
        step.Number,
        Date(step.From),
        step.To is { } to ? Date(to) : null,
        step.Days,
        Exact(step.DoseMg),
        step.At.ToString(),
        step.Formulation.Name(),
        Exact(step.Liquid?.VolumeMl),
        Exact(step.Liquid?.ActualDoseMg),
        step.Liquid is { } l ? Exact(decimal.Round(l.RoundingErrorPercent, 2)) : null,
        step.Syringe?.CapacityMl,
        step.Syringe?.GraduationMl);

    /// <summary>The value without trailing zeros (1.50 → 1.5): decimals keep the scale of their arithmetic.</summary>
    private static decimal? Exact(decimal? value) => value / 1.0000000000000000000000000000m;

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Severity(SafetySeverity severity) => severity switch
    {
        SafetySeverity.Warning => "warning",
        SafetySeverity.Refusal => "refusal",
        SafetySeverity.HardStop => "hard-stop",
        _ => throw new ArgumentOutOfRangeException(nameof(severity)),
    };

    /// <summary>Reads a plan document back (for <c>simulate --plan</c>), checking what the simulator needs.</summary>
    /// <exception cref="InvalidInputException">Not a plan document, no steps, or a step without a usable date, time or dose.</exception>
    public static IReadOnlyList<PlanStep> ReadSteps(string json, string sourceName) =>
        ReadSteps(json, $"the plan file '{sourceName}'", "make it with 'ldn plan ... --json > FILE'");

    /// <summary>
    /// Reads a plan document back; each mistake is one sentence naming the plan as <paramref name="subject"/>
    /// ("the plan file 'p.json'", "the request's plan") and, when it has no steps, saying <paramref name="hint"/>.
    /// </summary>
    /// <exception cref="InvalidInputException">Not a plan document, no steps, or a step without a usable date, time or dose.</exception>
    public static IReadOnlyList<PlanStep> ReadSteps(string json, string subject, string hint)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(subject);
        PlanDocument? document;
        try
        {
            document = JsonSerializer.Deserialize<PlanDocument>(json, ReadOptions);
        }
        catch (JsonException e)
        {
            // The path, not the serializer's message: that names .NET types ("could not be converted to System.…").
            var where = e.Path is { Length: > 1 } path ? $" (at {path})" : e.LineNumber is { } line ? $" (line {line + 1})" : "";
            throw new InvalidInputException($"{Capital(subject)} is not a plan from 'ldn plan --json'{where}.", e);
        }

        return (document ?? throw new InvalidInputException($"{Capital(subject)} has no steps; {hint}.")).ToSteps(subject, hint);
    }

    /// <summary>The dated steps of this document, checked as <see cref="ReadSteps(string, string, string)"/> checks them.</summary>
    /// <exception cref="InvalidInputException">No steps, or a step without a usable date, time or dose.</exception>
    public IReadOnlyList<PlanStep> ToSteps(string subject, string hint)
    {
        ArgumentNullException.ThrowIfNull(subject);
        if (Steps is not { Count: > 0 } steps)
        {
            throw new InvalidInputException($"{Capital(subject)} has no steps; {hint}.");
        }

        var result = new List<PlanStep>();
        foreach (var step in steps)
        {
            var number = result.Count + 1;
            InvalidInputException Fail(string what) => new($"Step {number} of {subject} {what}.");
            if (step.From is null || !DateOnly.TryParseExact(step.From, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var from))
            {
                throw Fail($"has no valid 'from' date (got '{step.From}')");
            }

            DateOnly? to = null;
            if (step.To is not null)
            {
                to = DateOnly.TryParseExact(step.To, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var end) && end >= from
                    ? end
                    : throw Fail($"has an unusable 'to' date '{step.To}'");
            }
            else if (number < steps.Count)
            {
                throw Fail("has no 'to' date; only the last step may be open-ended");
            }

            var at = ClockTime.Parse(step.At ?? throw Fail("has no 'at' clock time"));
            var formulation = Formulations.Parse(step.Formulation ?? Formulation ?? "capsule");
            var dose = step.DoseMg is { } mg && mg > 0 ? mg : throw Fail("has no positive 'doseMg'");
            MeasuredLiquidDose? liquid = step.ActualDoseMg is { } actual && step.VolumeMl is { } volume
                ? new MeasuredLiquidDose(dose, volume, actual, step.RoundingErrorPercent ?? 0, 1)
                : null;
            DoseLimits.Check(Mass.FromMilligrams((double)(liquid?.ActualDoseMg ?? dose)));
            result.Add(new PlanStep(number, from, to, dose, at, formulation, liquid));
        }

        return result;
    }

    private static string Capital(string text) => text.Length == 0 ? text : string.Concat(char.ToUpperInvariant(text[0]).ToString(), text.AsSpan(1));
}

/// <summary>
/// One step. <c>to</c> is the last day (included), null for the open-ended maintenance step; for a liquid,
/// <c>volumeMl</c> is the volume to draw rounded to the syringe's graduation and <c>actualDoseMg</c> the dose
/// that volume really holds (both null otherwise).
/// </summary>
public sealed record StepDocument(
    int Step,
    string? From,
    string? To,
    int? Days,
    decimal? DoseMg,
    string? At,
    string? Formulation,
    decimal? VolumeMl,
    decimal? ActualDoseMg,
    decimal? RoundingErrorPercent,
    decimal? SyringeMl,
    decimal? GraduationMl);

public sealed record WarningDocument(string Code, string Severity, string Message, string Source);
