using System.Globalization;
using Ldn.Core.Pharmacology;
using Ldn.Core.Pharmacology.Fitting;
using Ldn.Reports.Research;

namespace Ldn.Cli.Reports;

/// <summary>
/// The report of <c>ldn fit --report</c>: the summary and AIC ranking of the structures fitted, then per structure the
/// parameter table with profile-likelihood and bootstrap intervals, the weighted residuals against time per dataset,
/// and the bootstrap distribution of the steady-state MOR trough on 4.5 mg daily. Built from the <see cref="FitReport"/>s
/// (the numbers <c>--json</c> prints); the trough of each bootstrap replicate is recomputed from its parameter set with
/// <see cref="SingleDoseEvaluator"/>, the same evaluation as the fit's own interval.
/// </summary>
internal static class FitResultsReport
{
    /// <summary>Bins of the bootstrap histogram: enough to show a shape with 500 replicates, few enough to stay readable.</summary>
    private const int HistogramBins = 20;

    /// <summary>The regimen whose trough the fit reports (issue 12's acceptance number): 4.5 mg every 24 h at steady state.</summary>
    private const double TroughDoseMg = 4.5;

    private const double TroughIntervalHours = 24;

    public static ResearchReport Build(IReadOnlyList<FitReport> reports)
    {
        ArgumentNullException.ThrowIfNull(reports);
        if (reports.Count == 0)
        {
            throw new ArgumentException("A fit report needs at least one fitted structure.", nameof(reports));
        }

        var sources = reports.SelectMany(r => r.Data).Select(d => d.Source).Distinct(StringComparer.Ordinal).ToList();
        var report = new ResearchReport(
            "fit report",
            $"Maximum-likelihood fit of {string.Join(", ", reports.Select(r => r.Fit.Structure.Name()))} to {string.Join(", ", sources)}.");
        report.Intro("Each structure's parameters are estimated from the human data by maximum likelihood with the stated weights. "
            + "Intervals: profile likelihood (where −2LL rises by 3.84) and the 2.5–97.5 percentiles of a parametric bootstrap. "
            + "A parameter whose profile never rises that far on one side is not identifiable (∞ in the table).");
        report.AddParagraph(reports[0].Fit.AdequacyTest);

        report.AddHeading("Summary");
        report.AddTable(
            "Structures",
            ["Structure", "−2LL", "AIC", "Adequate", "χ² (limit)", "4.5 mg trough (%) [95%]", "1 h after 50 mg (%)", "Bootstrap replicates"],
            reports.Select(r => (IReadOnlyList<string>)
            [
                r.Fit.Structure.Name(),
                Fmt($"{r.Fit.Minus2LogLikelihood:0.00}"),
                Fmt($"{r.Fit.Aic:0.00}"),
                r.Fit.Adequate ? "yes" : "no",
                Fmt($"{r.ChiSquare:0.0} ({r.ChiSquareLimit:0.0})"),
                Fmt($"{r.Trough45.Estimate:0.0} [{Number(r.Trough45.Low)}, {Number(r.Trough45.High)}]"),
                Fmt($"{r.OneHourBlockade:0.0}"),
                Fmt($"{r.BootstrapReplicates}/{r.BootstrapRequested}"),
            ]));
        if (reports.Count > 1)
        {
            var ranking = FitRanking.Of(reports);
            report.AddTable(
                "AIC ranking",
                ["Structure", "AIC", "ΔAIC", "Akaike weight", "Adequate"],
                ranking.Select(x => (IReadOnlyList<string>)[x.Structure, Fmt($"{x.Aic:0.00}"), Fmt($"{x.DeltaAic:0.00}"), Fmt($"{x.Weight:0.000}"), x.Adequate ? "yes" : "no"]),
                "Akaike weight exp(−ΔAIC/2) normalised over the structures fitted; only adequate structures enter the averaged default.");
            report.AddBarChart(
                "Akaike weights",
                "The relative support of each structure given the data, among those fitted.",
                "Structure",
                "Akaike weight",
                [.. ranking.Select(x => x.Structure)],
                [new ChartSeries("Akaike weight", [], [.. ranking.Select(x => (double?)x.Weight)])]);
        }

        foreach (var r in reports)
        {
            AppendStructure(report, r);
        }

        foreach (var source in sources)
        {
            report.AddSource(source + " (data/observations/, with the full citation and weights in its file).");
        }

        return report;
    }

    private static void AppendStructure(ResearchReport report, FitReport r)
    {
        var f = r.Fit;
        report.AddHeading($"Structure {f.Structure.Name()}: {f.Structure.Description()}");
        report.AddTable(
            "Parameters",
            ["Parameter", "Estimate", "Unit", "Profile 95%", "Bootstrap 95%", "Identifiable"],
            f.Parameters.Select((p, i) => (IReadOnlyList<string>)
            [
                p.Name,
                Number(p.Estimate),
                p.Unit,
                $"{Number(p.Low)} to {Number(p.High)}",
                $"{Number(r.Bootstrap[i].Low)} to {Number(r.Bootstrap[i].High)}",
                p.Identifiable ? "yes" : "NO",
            ]));
        report.AddScatter(
            $"Weighted residuals — {f.Structure.Name()}",
            "(observed − predicted)/sd at the estimate, per dataset, against the time after the dose (for Rabiner 2011 the estimated scan time). The fit is adequate only if every one lies within ±2.",
            "Hours after the dose",
            "Weighted residual (sd)",
            [.. r.Residuals.GroupBy(x => x.Source).Select(g => new ChartSeries(g.Key, [.. g.Select(x => x.TimeHours)], [.. g.Select(x => (double?)x.WeightedResidual)]))],
            identityLine: false,
            referenceY: 0);

        var troughs = f.Replicates.Select(p => 100 * new SingleDoseEvaluator(p).SteadyStateTrough(f.Structure, TroughDoseMg, TroughIntervalHours)).Where(double.IsFinite).ToArray();
        if (troughs.Length > 1)
        {
            var (labels, counts) = Histogram(troughs);
            report.AddBarChart(
                $"Bootstrap distribution of the 4.5 mg trough — {f.Structure.Name()}",
                Fmt($"Steady-state MOR trough on 4.5 mg daily in each of {troughs.Length} bootstrap replicates; estimate {r.Trough45.Estimate:0.0}%, 95% interval {Number(r.Trough45.Low)}–{Number(r.Trough45.High)}%. It rests on {string.Join(", ", r.Data.Select(d => d.Source))}."),
                "MOR trough (%)",
                "Replicates",
                labels,
                [new ChartSeries("Replicates", [], counts)],
                histogram: true);
        }
    }

    /// <summary>Equal-width bins over the values' range (labels "lower–upper"), with the count in each.</summary>
    internal static (string[] Labels, double?[] Counts) Histogram(IReadOnlyList<double> values)
    {
        var low = values.Min();
        var high = values.Max();
        var bins = high > low ? HistogramBins : 1;
        var width = high > low ? (high - low) / bins : 1;
        var counts = new double?[bins];
        Array.Fill(counts, 0);
        foreach (var v in values)
        {
            var b = Math.Min(bins - 1, (int)((v - low) / width));
            counts[b] += 1;
        }

        var labels = Enumerable.Range(0, bins).Select(b => Fmt($"{low + (b * width):0.#}–{low + ((b + 1) * width):0.#}")).ToArray();
        return (labels, counts);
    }

    private static string Number(double value) => double.IsFinite(value) ? value.ToString("G3", CultureInfo.InvariantCulture) : (value > 0 ? "∞" : "−∞");

    private static string Fmt(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
