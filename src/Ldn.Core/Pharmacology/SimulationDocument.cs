using System.Text.Json;
using System.Text.Json.Serialization;
using Ldn.Core.Conditions;
using Ldn.Core.Dosing;
using Ldn.Core.Evidence;

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
            [.. result.Scenarios.Select(s => new ScenarioDocument(s.Scenario.Name(), Summary(s.Summary), Series(s.Series, regimen)))],
            Disclaimer.NotMedicalAdvice)
        {
            Condition = result.Condition.Id,
            ClinicalInstrument = $"{result.Condition.Instrument.Name} ({result.Condition.Instrument.Unit})",
            Tlr4 = result.Tlr4,
            Notes = FormulationNotes.For(regimen, result.Parameters),
            Evidence = DoseEvidenceDocument.From(ClinicalDoseEvidence.Default),
        };
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
            points.Add(new SeriesPointDocument(
                series.TimeHours[i],
                regimen.StartClock.Plus(Ldn.Core.Units.Duration.FromHours(series.TimeHours[i])).ToString(),
                series.ParentNgPerMl[i],
                series.MetaboliteNgPerMl[i],
                series.Mor[i],
                series.Dor[i],
                series.Kor[i])
            {
                OpioidSignalling = series.OpioidSignalling[i],
                ReceptorDensity = series.ReceptorDensity[i],
                Synthesis = series.Synthesis[i],
                Inflammation = series.Inflammation[i],
                ClinicalScore = series.ClinicalScore[i],
            });
        }

        return points;
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
    double WindowEndHours)
{
    /// <summary>Hours per day with net opioid signalling S &gt; 1.</summary>
    public double SignallingOvershootHours { get; init; }

    /// <summary>Mean S between 23:00 and 07:00 on the last night; null without a full night.</summary>
    public double? NocturnalSignalling { get; init; }

    /// <summary>Relative change of the inflammation index at week 12; null for shorter horizons.</summary>
    public double? InflammationChangeWeek12 { get; init; }
}

public sealed record SeriesPointDocument(double TimeHours, string Clock, double ParentNgPerMl, double MetaboliteNgPerMl, double Mor, double Dor, double Kor)
{
    public double OpioidSignalling { get; init; }

    public double ReceptorDensity { get; init; }

    public double Synthesis { get; init; }

    public double Inflammation { get; init; }

    public double ClinicalScore { get; init; }
}
