using System.Globalization;
using System.Text.Json;
using Ldn.Core.Dosing;
using Ldn.Core.Protocols;
using Ldn.Core.Safety;

namespace Ldn.Cli.Output;

/// <summary>
/// The JSON contract of <c>ldn plan --json</c> (issue 4): <c>protocol</c>, <c>steps</c> with <c>from</c>,
/// <c>to</c>, <c>doseMg</c>, <c>at</c>, <c>volumeMl</c>, and <c>warnings</c>. Field names are binding: add,
/// never rename. The same document is what <c>ldn simulate --plan FILE</c> and the journal read back
/// (<see cref="PlanDocument.ReadSteps"/>).
/// </summary>
internal static class PlanJson
{
    public static void Write(TitrationPlan plan, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteLine(JsonSerializer.Serialize(From(plan), SimulationJson.Options));
    }

    public static PlanDocument From(TitrationPlan plan)
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
            LdnApp.Notice);
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

    internal static string Severity(SafetySeverity severity) => severity switch
    {
        SafetySeverity.Warning => "warning",
        SafetySeverity.Refusal => "refusal",
        SafetySeverity.HardStop => "hard-stop",
        _ => throw new ArgumentOutOfRangeException(nameof(severity)),
    };
}
