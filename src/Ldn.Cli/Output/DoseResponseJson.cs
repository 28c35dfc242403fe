using System.Text.Json;
using System.Text.Json.Serialization;
using Ldn.Core;
using Ldn.Core.Dosing;
using Ldn.Core.Evidence;
using Ldn.Core.Pharmacology;
using Ldn.Core.Pharmacology.ModelAverage;

namespace Ldn.Cli.Output;

/// <summary>
/// The JSON contract of <c>ldn dose-response --json</c>. Field names are binding: add, never rename.
/// Fractions are 0–1; <c>inflammationChangeWeek12</c> is relative (−0.1 = 10% less inflammation) and
/// null when fewer than 12 weeks are simulated. The human dose evidence (<c>evidence</c>) comes first; the
/// inflammation fields, the verdicts and the <c>sensitivity</c> table are a what-if (<c>whatIf: true</c>).
/// </summary>
internal static class DoseResponseJson
{
    public static void Write(DoseResponseResult result, DoseResponseAverage? average, TextWriter writer, ClinicalDoseEvidence evidence, DoseSensitivityTable? sensitivity)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteLine(JsonSerializer.Serialize(From(result, average, evidence, sensitivity), DocumentJson.Options));
    }

    /// <summary>The document; with an <paramref name="average"/>, its rows (scenario <c>model-average</c>, with band fields) come first.</summary>
    public static DoseResponseDocument From(DoseResponseResult result, DoseResponseAverage? average = null, ClinicalDoseEvidence? evidence = null, DoseSensitivityTable? sensitivity = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        var request = result.Request;
        return new DoseResponseDocument(
            [
                .. (average?.Rows ?? []).Select(r => new DoseResponseRowDocument(
                    ModelAverageResult.Name, r.Dose.Milligrams, r.At.ToString(), r.Summary.MorPeak, r.Summary.MorTrough, r.Summary.SignallingOvershootHoursPerDay,
                    r.Summary.NocturnalSignalling, r.Summary.InflammationChangeWeek12)
                {
                    MorTroughLow = r.Band.Trough.Low,
                    MorTroughHigh = r.Band.Trough.High,
                    MorPeakLow = r.Band.Peak.Low,
                    MorPeakHigh = r.Band.Peak.High,
                }),
                .. result.Rows.Select(r => new DoseResponseRowDocument(
                    r.Scenario.Name(), r.Dose.Milligrams, r.At.ToString(), r.MorPeak, r.MorTrough, r.SignallingOvershootHours, r.NocturnalSignalling, r.InflammationChangeWeek12)),
            ],
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
            Evidence = DoseEvidenceDocument.From(evidence ?? ClinicalDoseEvidence.Default),
            Inflammation = WhatIfDocument.Default,
            Sensitivity = sensitivity is null ? null : DoseSensitivityDocument.From(sensitivity),
            Structures = average is null ? [] : [.. average.Structures.Select(w => new DoseResponseStructureDocument(w.Structure.Name(), w.Aic, w.DeltaAic, w.Weight, w.Replicates))],
            AdequacyTest = average?.AdequacyTest,
            BandReplicates = average?.Replicates ?? 0,
            AverageNote = average is null ? null : ModelAverageText.Definition,
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
    /// <summary>The structures averaged in the <c>model-average</c> rows, with AIC, Akaike weight and replicates drawn; empty without an average.</summary>
    public IReadOnlyList<DoseResponseStructureDocument> Structures { get; init; } = [];

    /// <summary>The goodness-of-fit test a structure passes to be averaged; null without an average.</summary>
    public string? AdequacyTest { get; init; }

    /// <summary>Parameter sets drawn per dose for the band (0 without an average).</summary>
    public int BandReplicates { get; init; }

    /// <summary>What the <c>model-average</c> rows are; null without them.</summary>
    public string? AverageNote { get; init; }
}

internal sealed record DoseResponseStructureDocument(string Structure, double Aic, double DeltaAic, double Weight, int Replicates);

internal sealed record DoseResponseRowDocument(
    string Scenario,
    double DoseMg,
    string At,
    double MorPeak,
    double MorTrough,
    double SignallingOvershootHours,
    double? NocturnalSignalling,
    double? InflammationChangeWeek12) : MorBandDocument;

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
