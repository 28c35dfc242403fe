using System.Text.Json;
using System.Text.Json.Serialization;
using Ldn.Core;
using Ldn.Core.Dosing;
using Ldn.Core.Evidence;
using Ldn.Core.Pharmacology;

namespace Ldn.Cli.Output;

/// <summary>
/// The JSON contract of <c>ldn dose-response --json</c>. Field names are binding: add, never rename.
/// Fractions are 0–1; <c>inflammationChangeWeek12</c> is relative (−0.1 = 10% less inflammation) and
/// null when fewer than 12 weeks are simulated. The human dose evidence (<c>evidence</c>) comes first; the
/// inflammation fields, the verdicts and the <c>sensitivity</c> table are a what-if (<c>whatIf: true</c>).
/// </summary>
internal static class DoseResponseJson
{
    public static void Write(DoseResponseResult result, TextWriter writer, ClinicalDoseEvidence evidence, DoseSensitivityTable? sensitivity)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteLine(JsonSerializer.Serialize(From(result, evidence, sensitivity), DocumentJson.Options));
    }

    public static DoseResponseDocument From(DoseResponseResult result, ClinicalDoseEvidence evidence, DoseSensitivityTable? sensitivity)
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
                WhatIfNote = WhatIf.Note,
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
            Evidence = DoseEvidenceDocument.From(evidence),
            Inflammation = WhatIfDocument.Default,
            Sensitivity = sensitivity is null ? null : DoseSensitivityDocument.From(sensitivity),
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

    /// <summary>The human dose evidence, shown before any model output (dose-finding study first): serialised first.</summary>
    [JsonPropertyOrder(-1)]
    public IReadOnlyList<DoseEvidenceDocument> Evidence { get; init; } = [];

    /// <summary>Marks the rows' inflammation fields as a what-if.</summary>
    public WhatIfDocument Inflammation { get; init; } = WhatIfDocument.Default;

    /// <summary>The what-if sensitivity table by α_P and structure; null unless <c>--sensitivity</c> is given.</summary>
    public DoseSensitivityDocument? Sensitivity { get; init; }
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

    /// <summary>Always true: the verdict is a model hypothesis, not a finding.</summary>
    public bool WhatIf { get; init; } = true;

    public string WhatIfNote { get; init; } = "";
}
