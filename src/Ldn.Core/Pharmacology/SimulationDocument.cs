using System.Text.Json;
using System.Text.Json.Serialization;
using Ldn.Core.Conditions;
using Ldn.Core.Dosing;
using Ldn.Core.Evidence;
using Ldn.Core.Pharmacology.ModelAverage;
using Ldn.Core.Pharmacology.Streaming;

namespace Ldn.Core.Pharmacology;

/// <summary>
/// The JSON contract of <c>ldn simulate --json</c> (issue 2) and <c>POST /api/simulate</c>: the regimen, the
/// parameter set's name, the output step (h), per scenario the exposure summary and the time series, the
/// condition, and the not-medical-advice notice. Field names are binding: add, never rename. Concentrations
/// are ng/mL, times hours from the first dose's clock time (<c>clock</c> is that time of day), occupancies and
/// signalling 0–1 fractions (see docs/model.md). <c>evidence</c> holds the human dose evidence; the
/// rebound/inflammation values (summary <c>inflammationChangeWeek12</c>, series synthesis, receptor density,
/// signalling, inflammation, clinical score) are a what-if, marked by <c>inflammation.whatIf</c>.
/// </summary>
public sealed record SimulationDocument(RegimenDocument Regimen, string Parameters, double OutputStepHours, IReadOnlyList<ScenarioDocument> Results, string Notice)
{
    public string Condition { get; init; } = ConditionCatalog.GenericId;

    public string ClinicalInstrument { get; init; } = "";

    public bool Tlr4 { get; init; }

    /// <summary>Sentences on the evidence for the formulations used (<see cref="FormulationNotes"/>): the liquid's source, the sublingual what-if.</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];

    /// <summary>The human dose evidence (<see cref="ClinicalDoseEvidence.Default"/>), to be read before the model's output: serialised first.</summary>
    [JsonPropertyOrder(-1)]
    public IReadOnlyList<DoseEvidenceDocument> Evidence { get; init; } = [];

    /// <summary>Marks the rebound/inflammation output as a what-if (<see cref="WhatIf"/>).</summary>
    public WhatIfDocument Inflammation { get; init; } = WhatIfDocument.Default;
    /// <summary>
    /// The structures averaged in the first result (<c>model-average</c>), each with its AIC, Akaike weight and the
    /// number of its bootstrap replicates in the band; empty when there is no average.
    /// </summary>
    public IReadOnlyList<StructureWeightDocument> Structures { get; init; } = [];

    /// <summary>The goodness-of-fit test a structure passes to enter the average; null without an average.</summary>
    public string? AdequacyTest { get; init; }

    /// <summary>Parameter sets drawn for the 95% band (0 without an average).</summary>
    public int BandReplicates { get; init; }

    /// <summary>What the average is, or why there is none, in one or two sentences; null when structures were chosen explicitly.</summary>
    public string? AverageNote { get; init; }

    /// <summary>The document as one line of JSON (no newline), written with <see cref="DocumentJson.Options"/>.</summary>
    public static string Json(SimulationResult result) => JsonSerializer.Serialize(From(result), DocumentJson.Options);

    /// <summary>Writes <see cref="Json"/> and a newline: <c>ldn simulate --json</c>'s stdout.</summary>
    public static void Write(SimulationResult result, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteLine(Json(result));
    }

    public static SimulationDocument From(SimulationResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var regimen = result.Regimen;
        return new SimulationDocument(
            new RegimenDocument(
                regimen.StartClock.ToString(),
                regimen.Horizon.Hours,
                [.. regimen.Events.Select(e => new DoseEventDocument(e.Amount.Milligrams, e.Time.Hours, e.Interval.Hours, e.Count, e.Formulation.Name()))]),
            result.Parameters.Name,
            result.OutputStep.Hours,
            [.. Averaged(result.Average, regimen), .. result.Scenarios.Select(s => new ScenarioDocument(s.Scenario.Name(), Summary(s.Summary), Series(s.Series, regimen)))],
            Disclaimer.NotMedicalAdvice)
        {
            Structures = result.Average is { } average
                ? [.. average.Structures.Select((w, i) => new StructureWeightDocument(
                    w.Structure.Name(), w.Aic, w.DeltaAic, w.Weight, w.Replicates, average.AtEstimates[i].Summary.MorTrough, average.AtEstimates[i].Summary.MorPeak))]
                : [],
            AdequacyTest = result.Average?.AdequacyTest,
            BandReplicates = result.Average?.Options.Replicates ?? 0,
            AverageNote = result.Average is not null ? ModelAverageText.Definition : result.AverageNote,
            Condition = result.Condition.Id,
            ClinicalInstrument = $"{result.Condition.Instrument.Name} ({result.Condition.Instrument.Unit})",
            Tlr4 = result.Tlr4,
            Notes = FormulationNotes.For(regimen, result.Parameters),
            Evidence = DoseEvidenceDocument.From(ClinicalDoseEvidence.Default),
        };
    }

    /// <summary>The <c>model-average</c> entry with its band fields, or nothing.</summary>
    private static IEnumerable<ScenarioDocument> Averaged(ModelAverageResult? average, Regimen regimen)
    {
        if (average is null)
        {
            yield break;
        }

        var band = average.Band;
        var series = Series(average.Series, regimen);
        for (var i = 0; i < series.Count; i++)
        {
            series[i] = series[i] with { MorLow = band.Low[i], MorHigh = band.High[i] };
        }

        yield return new ScenarioDocument(
            ModelAverageResult.Name,
            Summary(average.Summary) with { MorTroughLow = band.Trough.Low, MorTroughHigh = band.Trough.High, MorPeakLow = band.Peak.Low, MorPeakHigh = band.Peak.High },
            series);
    }

    private static SummaryDocument Summary(ExposureSummary s) => new(
        s.ParentCmax.NanogramsPerMillilitre,
        s.ParentTmax.Hours,
        s.ParentAuc.NanogramHoursPerMillilitre,
        s.MetaboliteCmax.NanogramsPerMillilitre,
        s.MorPeak,
        s.MorTrough,
        s.MorMean,
        s.MorAbove25Percent.Hours,
        s.MorAbove50Percent.Hours,
        s.MetaboliteTmax.Hours,
        s.ParentAucToInfinity,
        s.WindowStart.Hours,
        s.WindowEnd.Hours)
    {
        SignallingOvershootHours = s.SignallingOvershootHoursPerDay,
        NocturnalSignalling = s.NocturnalSignalling,
        InflammationChangeWeek12 = s.InflammationChangeWeek12,
    };

    private static List<SeriesPointDocument> Series(SimulationSeries series, Regimen regimen)
    {
        var points = new List<SeriesPointDocument>(series.Count);
        for (var i = 0; i < series.Count; i++)
        {
            points.Add(Point(series[i], regimen));
        }

        return points;
    }

    /// <summary>One entry of <c>series</c>: the point with its clock time; <c>morLow</c>/<c>morHigh</c> only when the point has a band.</summary>
    public static SeriesPointDocument Point(in SeriesPoint point, Regimen regimen)
    {
        ArgumentNullException.ThrowIfNull(regimen);
        return new SeriesPointDocument(
            point.TimeHours,
            regimen.StartClock.Plus(Ldn.Core.Units.Duration.FromHours(point.TimeHours)).ToString(),
            point.ParentNgPerMl,
            point.MetaboliteNgPerMl,
            point.Mor,
            point.Dor,
            point.Kor)
        {
            OpioidSignalling = point.OpioidSignalling,
            ReceptorDensity = point.ReceptorDensity,
            Synthesis = point.Synthesis,
            Inflammation = point.Inflammation,
            ClinicalScore = point.ClinicalScore,
            MorLow = point.MorLow,
            MorHigh = point.MorHigh,
        };
    }
}

public sealed record RegimenDocument(string StartClock, double HorizonHours, IReadOnlyList<DoseEventDocument> Events);

public sealed record DoseEventDocument(double AmountMg, double TimeHours, double IntervalHours, int Count, string Formulation);

public sealed record ScenarioDocument(string Scenario, SummaryDocument Summary, IReadOnlyList<SeriesPointDocument> Series);

public sealed record SummaryDocument(
    double ParentCmaxNgPerMl,
    double ParentTmaxHours,
    double ParentAucNgHourPerMl,
    double MetaboliteCmaxNgPerMl,
    double MorPeak,
    double MorTrough,
    double MorMean,
    double HoursMorAbove25,
    double HoursMorAbove50,
    double MetaboliteTmaxHours,
    bool ParentAucToInfinity,
    double WindowStartHours,
    double WindowEndHours) : MorBandDocument
{
    /// <summary>Hours per day with net opioid signalling S &gt; 1.</summary>
    public double SignallingOvershootHours { get; init; }

    /// <summary>Mean S between 23:00 and 07:00 on the last night; null without a full night.</summary>
    public double? NocturnalSignalling { get; init; }

    /// <summary>Relative change of the inflammation index at week 12; null for shorter horizons.</summary>
    public double? InflammationChangeWeek12 { get; init; }
}

/// <summary>
/// One averaged structure: its name, AIC, ΔAIC, Akaike weight (0–1), the replicates it contributes to the band, and
/// its own MOR trough and peak (0–1) at its fitted estimate, for comparison with the average.
/// </summary>
public sealed record StructureWeightDocument(string Structure, double Aic, double DeltaAic, double Weight, int Replicates, double MorTroughAtEstimate, double MorPeakAtEstimate);

public sealed record SeriesPointDocument(double TimeHours, string Clock, double ParentNgPerMl, double MetaboliteNgPerMl, double Mor, double Dor, double Kor)
{
    public double OpioidSignalling { get; init; }

    public double ReceptorDensity { get; init; }

    public double Synthesis { get; init; }

    public double Inflammation { get; init; }

    public double ClinicalScore { get; init; }

    /// <summary>2.5% quantile of MOR blockade at this time (0–1); only on <c>model-average</c>.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? MorLow { get; init; }

    /// <summary>97.5% quantile of MOR blockade at this time (0–1); only on <c>model-average</c>.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? MorHigh { get; init; }
}
