using System.Text.Json;
using Ldn.Core;
using Ldn.Core.Dosing;
using Ldn.Core.Pharmacology;

namespace Ldn.Cli.Output;

/// <summary>
/// The JSON contract of <c>ldn dose-response --json</c>. Field names are binding: add, never rename.
/// Fractions are 0–1; <c>inflammationChangeWeek12</c> is relative (−0.1 = 10% less inflammation) and
/// null when fewer than 12 weeks are simulated.
/// </summary>
internal static class DoseResponseJson
{
    public static void Write(DoseResponseResult result, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteLine(JsonSerializer.Serialize(From(result), DocumentJson.Options));
    }

    public static DoseResponseDocument From(DoseResponseResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var request = result.Request;
        return new DoseResponseDocument(
            [.. result.Rows.Select(r => new DoseResponseRowDocument(
                r.Scenario.Name(), r.Dose.Milligrams, r.At.ToString(), r.MorPeak, r.MorTrough, r.SignallingOvershootHours, r.NocturnalSignalling, r.InflammationChangeWeek12))],
            [.. result.Verdicts.Select(v => new DoseResponseVerdictDocument(
                v.Scenario.Name(),
                v.At.ToString(),
                v.InvertedU,
                v.BestDose?.Milligrams,
                v.BestInflammationChange,
                v.HighestDose.Milligrams,
                v.HighestDoseInflammationChange,
                v.Statement)
            {
                Shape = v.Shape.ToString(),
                HighestDoseRetainedFraction = v.HighestDoseRetainedFraction,
                ZeroBenefitDosesMg = [.. v.ZeroBenefitDoses.Select(d => d.Milligrams)],
            })],
            result.Condition.Id,
            request.Weeks,
            LdnApp.Notice)
        {
            Definition = DoseResponse.Definition,
            Notes = DoseResponseView.Notes(result),
            Formulation = request.Formulation.Name(),
            Parameters = result.Parameters.Name,
            Tlr4 = result.Tlr4,
        };
    }
}

internal sealed record DoseResponseDocument(
    IReadOnlyList<DoseResponseRowDocument> Rows,
    IReadOnlyList<DoseResponseVerdictDocument> Verdicts,
    string Condition,
    int Weeks,
    string Notice)
{
    /// <summary>The definition of the inverted U that <c>invertedU</c> applies.</summary>
    public string Definition { get; init; } = "";

    /// <summary>Caveats about this run, e.g. that fewer than 12 weeks leave the inflammation change null.</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];

    public string Formulation { get; init; } = "";

    public string Parameters { get; init; } = "";

    public bool Tlr4 { get; init; }
}

internal sealed record DoseResponseRowDocument(
    string Scenario,
    double DoseMg,
    string At,
    double MorPeak,
    double MorTrough,
    double SignallingOvershootHours,
    double? NocturnalSignalling,
    double? InflammationChangeWeek12);

internal sealed record DoseResponseVerdictDocument(
    string Scenario,
    string At,
    bool InvertedU,
    double? BestDoseMg,
    double? BestInflammationChange,
    double HighestDoseMg,
    double? HighestDoseInflammationChange,
    string Statement)
{
    /// <summary>NotAssessed, NoBenefit, InvertedU, PeakRetained, Rising or LargestAtLowest.</summary>
    public string Shape { get; init; } = "";

    /// <summary>Benefit at the highest dose as a fraction of the best benefit; null without a benefit.</summary>
    public double? HighestDoseRetainedFraction { get; init; }

    /// <summary>Doses whose inflammation reduction is below 0.05%.</summary>
    public IReadOnlyList<double> ZeroBenefitDosesMg { get; init; } = [];
}
