using System.Text.Json;
using Ldn.Core;
using Ldn.Core.Pharmacology;
using Ldn.Core.Population;

namespace Ldn.Cli.Output;

/// <summary>
/// The JSON contract of <c>ldn population --json</c>. Field names are binding: add, never rename.
/// Nothing in it depends on the machine, the thread count or the clock.
/// </summary>
internal static class PopulationJson
{
    public static void Write(PopulationResult result, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteLine(JsonSerializer.Serialize(From(result), DocumentJson.Options));
    }

    public static PopulationDocument From(PopulationResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var settings = result.Settings;
        var instrument = result.Condition.Parameters.Instrument;
        var series = new List<PopulationPointDocument>(result.TimeHours.Count);
        for (var i = 0; i < result.TimeHours.Count; i++)
        {
            series.Add(new PopulationPointDocument(
                result.TimeHours[i],
                Band(result.Band(i, PopulationMetric.Mor)),
                Band(result.Band(i, PopulationMetric.Signalling)),
                Band(result.Band(i, PopulationMetric.Inflammation)),
                Band(result.Band(i, PopulationMetric.ClinicalScore))));
        }

        return new PopulationDocument(settings.Subjects, settings.Seed, series)
        {
            Scenario = settings.Scenario.Name(),
            Engine = result.Engine == PopulationEngine.Fast ? "fast" : "reference",
            DoseMg = settings.Dose.Milligrams,
            Weeks = settings.Weeks,
            Condition = result.Condition.Id,
            Instrument = $"{instrument.Name} ({instrument.Unit})",
            OutputStepHours = settings.OutputStep.Hours,
            PercentileResolution = new PercentileBandResolution(
                result.Histogram.Resolution(PopulationMetric.Mor),
                result.Histogram.Resolution(PopulationMetric.Signalling),
                result.Histogram.Resolution(PopulationMetric.Inflammation),
                result.Histogram.Resolution(PopulationMetric.ClinicalScore)),
            Notice = LdnApp.Notice,
        };
    }

    private static PercentilesDocument Band(PercentileBand band) => new(band.P5, band.P50, band.P95);
}

internal sealed record PopulationDocument(int N, long Seed, IReadOnlyList<PopulationPointDocument> Series)
{
    public string Scenario { get; init; } = "slow-pool";

    /// <summary>"fast" or "reference": the engine that ran (slow-binding always uses the reference).</summary>
    public string Engine { get; init; } = "fast";

    public double DoseMg { get; init; }

    public int Weeks { get; init; }

    public string Condition { get; init; } = "";

    public string Instrument { get; init; } = "";

    public double OutputStepHours { get; init; }

    /// <summary>Largest error of any percentile (one histogram bin) per quantity.</summary>
    public PercentileBandResolution? PercentileResolution { get; init; }

    public string Notice { get; init; } = "";
}

internal sealed record PopulationPointDocument(
    double TimeHours, PercentilesDocument Mor, PercentilesDocument OpioidSignalling, PercentilesDocument Inflammation, PercentilesDocument ClinicalScore);

internal sealed record PercentilesDocument(double P5, double P50, double P95);

internal sealed record PercentileBandResolution(double Mor, double OpioidSignalling, double Inflammation, double ClinicalScore);
