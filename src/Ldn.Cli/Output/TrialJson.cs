using System.Text.Json;
using Ldn.Core;
using Ldn.Core.Trials;

namespace Ldn.Cli.Output;

/// <summary>
/// The JSON contract of <c>ldn trial --json</c>. Field names are binding: add, never rename. Rates are
/// 0–1; changes are score(end) − score(baseline) in instrument units (negative = the score fell);
/// published values are null where the paper reported none. With both scenarios each arm appears
/// once per scenario.
/// </summary>
internal static class TrialJson
{
    public static void Write(TrialResult result, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteLine(JsonSerializer.Serialize(From(result), DocumentJson.Options));
    }

    public static TrialDocument From(TrialResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var design = result.Design;
        var instrument = design.Instrument;
        return new TrialDocument(
            [.. result.Arms.Select(a => new TrialArmDocument(
                a.Arm, a.N, a.ResponderRate, a.ResponderRateLow, a.ResponderRateHigh, a.MeanChange, a.PublishedResponderRate, a.PublishedMeanChange)
            {
                Scenario = a.Scenario.ToString(),
                DoseMg = a.DoseMg,
                MeanChangeLow = a.MeanChangeLow,
                MeanChangeHigh = a.MeanChangeHigh,
            })],
            design.Id,
            design.Name,
            design.Citation,
            design.Condition.Id,
            $"{instrument.Name} ({instrument.Unit})",
            design.Responder.ToString(),
            result.Repetitions,
            result.Seed,
            LdnApp.Notice)
        {
            Design = design.Type.ToString().ToLowerInvariant(),
            Weeks = design.Weeks,
            Differences = [.. result.Differences.Select(d => new TrialDifferenceDocument(
                d.Scenario.ToString(), d.Arm, d.Versus, d.MeanChange, d.MeanChangeLow, d.MeanChangeHigh, d.ResponderRate, d.ResponderRateLow, d.ResponderRateHigh,
                d.PublishedMeanChange, d.PublishedMeanChangeLow, d.PublishedMeanChangeHigh))],
            Notes = TrialView.Notes(result),
        };
    }
}

internal sealed record TrialDocument(
    IReadOnlyList<TrialArmDocument> Arms,
    string Trial,
    string Name,
    string Citation,
    string Condition,
    string Instrument,
    string ResponderDefinition,
    int Repetitions,
    long Seed,
    string Notice)
{
    /// <summary>"parallel" or "crossover".</summary>
    public string Design { get; init; } = "";

    public double Weeks { get; init; }

    /// <summary>Each drug arm against placebo, per scenario, with the published difference where reported.</summary>
    public IReadOnlyList<TrialDifferenceDocument> Differences { get; init; } = [];

    public IReadOnlyList<string> Notes { get; init; } = [];
}

internal sealed record TrialArmDocument(
    string Name,
    int N,
    double ResponderRate,
    double ResponderRateLow,
    double ResponderRateHigh,
    double MeanChange,
    double? PublishedResponderRate,
    double? PublishedMeanChange)
{
    public string Scenario { get; init; } = "";

    public double DoseMg { get; init; }

    public double MeanChangeLow { get; init; }

    public double MeanChangeHigh { get; init; }
}

internal sealed record TrialDifferenceDocument(
    string Scenario,
    string Arm,
    string Versus,
    double MeanChange,
    double MeanChangeLow,
    double MeanChangeHigh,
    double ResponderRate,
    double ResponderRateLow,
    double ResponderRateHigh,
    double? PublishedMeanChange,
    double? PublishedMeanChangeLow,
    double? PublishedMeanChangeHigh);
