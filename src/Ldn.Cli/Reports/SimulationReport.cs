using System.Globalization;
using System.Text;
using Ldn.Cli.Output;
using Ldn.Core.Conditions;
using Ldn.Core.Dosing;
using Ldn.Core.Evidence;
using Ldn.Core.Pharmacology;
using Ldn.Core.Pharmacology.Parameters;
using Ldn.Core.Pharmacology.Streaming;
using Ldn.Core.Units;
using Ldn.Reports;

namespace Ldn.Cli.Reports;

/// <summary>
/// The HTML report of <c>ldn simulate --report</c>: one self-contained page (styles, Chart.js, data and
/// the script that draws the charts are all inline) that opens offline and can be mailed or archived as
/// a single file. Every piece of text that comes from outside this class is HTML-encoded, the data goes
/// in as JSON whose encoder escapes <c>&lt;</c>, and a Content-Security-Policy lets only the two
/// scripts written here run, so a hostile parameter file cannot turn the report into a web page that
/// does something else.
/// </summary>
internal static class SimulationReport
{
    /// <summary>
    /// Charts plot at most about this many points per line: more adds megabytes to the page and makes
    /// the browser sluggish without showing anything a screen can resolve.
    /// </summary>
    internal const int MaxChartPoints = 5000;

    /// <summary>The report of a result that kept its series.</summary>
    /// <exception cref="ArgumentException">The result has no scenarios.</exception>
    public static string Render(SimulationResult result, DateTimeOffset generatedAt)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (result.Scenarios.Count == 0)
        {
            throw new ArgumentException("A simulation result without scenarios cannot be reported.", nameof(result));
        }

        return Render(result, SimulationChartSeries.From(result, MaxChartPoints), generatedAt);
    }

    /// <summary>
    /// The report from <paramref name="charts"/>, gathered while the series streamed (the result's own series may be
    /// empty); the summary table comes from the result's summaries, read off the full simulation.
    /// </summary>
    /// <exception cref="ArgumentException">The result has no scenarios.</exception>
    public static void Write(SimulationResult result, SimulationChartSeries charts, DateTimeOffset generatedAt, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.Write(Render(result, charts, generatedAt));
    }

    private static string Render(SimulationResult result, SimulationChartSeries charts, DateTimeOffset generatedAt)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(charts);
        if (result.Scenarios.Count == 0)
        {
            throw new ArgumentException("A simulation result without scenarios cannot be reported.", nameof(result));
        }

        var dataJson = ReportHtml.DataJson(ChartData(result, charts));
        var html = new StringBuilder(ReportHtml.ChartLibrary.Length + (dataJson.Length * 2) + 32_768);
        ReportHtml.AppendHead(html, "LDN Workbench — simulation report", Styles, ReportHtml.ChartLibrary, AppScript);
        html.Append("<body>\n<main>\n");
        AppendHeader(html, result);
        AppendEvidence(html);
        AppendRegimen(html, result);
        AppendSummary(html, result);
        AppendCharts(html, result, charts);
        AppendParameters(html, result.Parameters);
        AppendCondition(html, result.Condition);
        AppendFooter(html, generatedAt);
        html.Append("</main>\n");
        ReportHtml.AppendScripts(html, dataJson, AppScript);
        html.Append("</body>\n</html>\n");
        return html.ToString();
    }

    /// <summary>
    /// The indices of the points the charts plot: every k-th point, with k chosen so that at most
    /// <paramref name="maxPoints"/> (+1 for the last) remain, and always the last point so that the
    /// time axis reaches the end of the simulation.
    /// </summary>
    internal static int[] ChartIndices(int count, int maxPoints = MaxChartPoints)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxPoints, 1);
        var stride = ChartStride(count, maxPoints);
        var indices = new List<int>((count / stride) + 2);
        for (var i = 0; i < count; i += stride)
        {
            indices.Add(i);
        }

        if (count > 0 && indices[^1] != count - 1)
        {
            indices.Add(count - 1);
        }

        return [.. indices];
    }

    internal static int ChartStride(int count, int maxPoints = MaxChartPoints) =>
        count <= maxPoints ? 1 : (int)Math.Ceiling(count / (double)maxPoints);

    // ---- Page sections ------------------------------------------------------------------------------

    private static void AppendHeader(StringBuilder html, SimulationResult result)
    {
        html.Append("<header>\n<h1>LDN Workbench — simulation report</h1>\n")
            .Append("<p class=\"subtitle\">Naltrexone and 6β-naltrexol in plasma and opioid-receptor blockade, parameter set <strong>")
            .Append(Text(result.Parameters.Name)).Append("</strong>.</p>\n</header>\n")
            .Append("<section class=\"notice\" role=\"note\">\n")
            .Append("<strong>Research model, not medical advice.</strong>\n")
            .Append("<p>These curves are hypotheses from a pharmacological model, not predictions for any person, and no basis for a dosing decision.</p>\n")
            .Append("<p>How receptor blockade follows plasma levels at LDN doses has never been measured. ")
            .Append("<b>Scenario B</b> (slow effect site) is the default because it is the only structure that also fits the human PET data on how long 50 mg blocks receptors (Lee 1988). ")
            .Append("<b>Scenario A</b> (blockade follows plasma) encodes the “brief daily blockade” premise of the source documents, which comes from rodent studies. ")
            .Append("No PET study of LDN doses exists to decide between them.</p>\n</section>\n");
    }

    private static void AppendRegimen(StringBuilder html, SimulationResult result)
    {
        var regimen = result.Regimen;
        var administrations = regimen.Administrations;
        var firstDose = administrations[0];
        var totalMg = administrations.Sum(a => a.Amount.Milligrams);
        var (windowFrom, windowTo) = regimen.SummaryWindow();

        html.Append("<section>\n<h2>Regimen</h2>\n<dl class=\"facts\">\n");
        foreach (var dosing in regimen.Events)
        {
            ReportHtml.Fact(html, "Doses", Describe(dosing, regimen.StartClock));
        }

        ReportHtml.Fact(html, "First dose", $"{regimen.StartClock.Plus(firstDose.Time)} (hour {Hours(firstDose.Time.Hours)} of the simulation, which starts at {regimen.StartClock})");
        ReportHtml.Fact(html, "Doses in the simulated span", $"{administrations.Count.ToString(CultureInfo.InvariantCulture)} ({Milligrams(totalMg)} mg in all)");
        ReportHtml.Fact(html, "Formulation", string.Join(", ", regimen.FormulationsUsed.Select(f => f.Name())));
        ReportHtml.Fact(html, "Simulated span", Span(regimen.Horizon.Hours));
        ReportHtml.Fact(html, "Output step", Span(result.OutputStep.Hours));
        ReportHtml.Fact(html, "Summary window", SummaryWindowText(regimen, windowFrom.Hours, windowTo.Hours));
        ReportHtml.Fact(html, "Parameter set", result.Parameters.Name);
        ReportHtml.Fact(html, "Condition", $"{result.Condition.Name} ({result.Condition.Id})");
        ReportHtml.Fact(html, "Outcome scale", InstrumentDescription(result.Condition.Instrument));
        ReportHtml.Fact(html, "TLR4 term", result.Tlr4
            ? $"on (IC50 {Fixed(result.Parameters.Tlr4Ic50.Nanomolar / 1000, "0.###")} µM; at LDN exposure free naltrexone is ≈30,000-fold below it)"
            : "off (the default; see the parameter table)");
        html.Append("</dl>\n</section>\n");
    }

    private static void AppendSummary(StringBuilder html, SimulationResult result)
    {
        var scenarios = result.Scenarios;

        // Naltrexone kinetics do not depend on the blockade scenario, so the AUC kind is the same in
        // every column and belongs in the row label.
        var aucKind = scenarios[0].Summary.ParentAucToInfinity ? "to infinity" : "over the last interval";

        html.Append("<section>\n<h2>Summary</h2>\n<table class=\"summary\">\n<thead><tr><th>Quantity</th>");
        foreach (var scenario in scenarios)
        {
            html.Append("<th class=\"num\">").Append(Text(ScenarioLabel(scenario.Scenario))).Append("</th>");
        }

        html.Append("</tr></thead>\n<tbody>\n");
        SummaryRow(html, scenarios, "Naltrexone Cmax (ng/mL)", s => Concentration(s.ParentCmax.NanogramsPerMillilitre));
        SummaryRow(html, scenarios, "Naltrexone Tmax (h after window start)", s => Fixed(s.ParentTmax.Hours, "0.00"));
        SummaryRow(html, scenarios, $"Naltrexone AUC {aucKind} (ng·h/mL)", s => Concentration(s.ParentAuc.NanogramHoursPerMillilitre));
        SummaryRow(html, scenarios, "6β-naltrexol Cmax (ng/mL)", s => Concentration(s.MetaboliteCmax.NanogramsPerMillilitre));
        SummaryRow(html, scenarios, "MOR blockade peak (%)", s => Percent(s.MorPeak));
        SummaryRow(html, scenarios, "MOR blockade trough (%)", s => Percent(s.MorTrough));
        SummaryRow(html, scenarios, "MOR blockade mean (%)", s => Percent(s.MorMean));
        SummaryRow(html, scenarios, "Hours with MOR blockade > 25%", s => Fixed(s.MorAbove25Percent.Hours, "0.0"));
        SummaryRow(html, scenarios, "Hours with MOR blockade > 50%", s => Fixed(s.MorAbove50Percent.Hours, "0.0"));
        SummaryRow(html, scenarios, "Signalling overshoot (hours a day with S > 1)", s => Fixed(s.SignallingOvershootHoursPerDay, "0.0"));
        SummaryRow(html, scenarios, "Nocturnal signalling (mean S, last 23:00–07:00)", s => s.NocturnalSignalling is { } night ? Fixed(night, "0.000") : "— (no full night)");
        SummaryRow(html, scenarios, "Inflammation change at week 12 (%)", s => s.InflammationChangeWeek12 is { } change ? SignedPercent(change) : "— (shorter than 12 weeks)");
        SummaryRow(html, scenarios, "Summary window (hours of the simulation)", s => $"{Hours(s.WindowStart.Hours)}–{Hours(s.WindowEnd.Hours)}");
        html.Append("</tbody>\n</table>\n");

        html.Append("<ul class=\"scenarios\">\n");
        foreach (var scenario in scenarios)
        {
            html.Append("<li><b>").Append(Text(ScenarioLabel(scenario.Scenario))).Append(":</b> ")
                .Append(Text(ScenarioExplanation(scenario.Scenario, result.Parameters))).Append("</li>\n");
        }

        html.Append("</ul>\n<p class=\"caption\">MOR, DOR, KOR: μ-, δ- and κ-opioid receptors. Blockade is the modelled fraction of receptors occupied by naltrexone and 6β-naltrexol. ")
            .Append("S = P·U·(1 − O) is net opioid signalling (1 without drug): U receptor/OGFr density, P opioid-peptide synthesis capacity, O MOR blockade. ")
            .Append("The inflammation index I falls only while S exceeds 1 (or with the TLR4 term on); its change is I(12 weeks)/I(0) − 1. ")
            .Append("Everything after the blockade is a hypothesis from rodent work (docs/model.md, section 5b): ")
            .Append(Text(WhatIf.Note)).Append("</p>\n</section>\n");
    }

    /// <summary>The human dose evidence, before any model output (issue 12 item 5).</summary>
    private static void AppendEvidence(StringBuilder html)
    {
        html.Append("<section id=\"dose-evidence\">\n<h2>").Append(Text(WhatIf.EvidenceHeading)).Append("</h2>\n<ul>\n");
        foreach (var line in DoseEvidenceView.Lines(ClinicalDoseEvidence.Default))
        {
            html.Append("<li>").Append(Text(line)).Append("</li>\n");
        }

        html.Append("</ul>\n</section>\n");
    }

    private static void AppendCharts(StringBuilder html, SimulationResult result, SimulationChartSeries charts)
    {
        html.Append("<section>\n<h2>Time courses</h2>\n<p class=\"caption\">")
            .Append(Text(SamplingCaption(charts, result.OutputStep.Hours)))
            .Append(" The shaded band is the summary window.</p>\n")
            .Append("<p class=\"chart-error\" hidden></p>\n");

        ReportHtml.Figure(
            html,
            "chart-concentrations",
            "Plasma concentrations",
            "Total plasma naltrexone and its main metabolite 6β-naltrexol (identical in both scenarios: the scenarios differ only in how blockade follows plasma).",
            "<label class=\"toggle\"><input type=\"checkbox\" id=\"log-scale\" checked> Logarithmic scale</label>");
        ReportHtml.Figure(
            html,
            "chart-mor",
            "μ-opioid receptor (MOR) blockade by scenario",
            "The quantity LDN is about: the share of MOR blocked over time under each hypothesis.",
            null);
        foreach (var scenario in result.Scenarios)
        {
            var label = ScenarioLabel(scenario.Scenario);
            ReportHtml.Figure(
                html,
                "chart-receptors-" + scenario.Scenario.ToString().ToLowerInvariant(),
                $"MOR, DOR and KOR blockade — {label}",
                "DOR and KOR potencies are MOR potency scaled by the multipliers in the parameter table.",
                null);
        }

        foreach (var scenario in result.Scenarios)
        {
            var label = ScenarioLabel(scenario.Scenario);
            ReportHtml.Figure(
                html,
                "chart-mechanism-" + scenario.Scenario.ToString().ToLowerInvariant(),
                $"Signalling, receptors, synthesis and inflammation — {label}",
                "Net opioid signalling S = P·U·(1 − O), receptor/OGFr density U, synthesis capacity P and the inflammation index I, each relative to its drug-free value of 1 (dashed line). "
                    + "U and P rise under blockade over days; where S stays above 1 the inflammation index falls over weeks.",
                null);
        }

        var instrument = result.Condition.Instrument;
        ReportHtml.Figure(
            html,
            "chart-score",
            $"Clinical score — {instrument.Name} ({instrument.Unit})",
            $"The modelled mean score of {result.Condition.Name} on {instrument.Name}, {(instrument.LowerIsBetter ? "lower" : "higher")} is better, from a baseline of "
                + $"{Fixed(instrument.Baseline, "0.##")} {instrument.Unit}; it includes the mean placebo response of the condition file "
                + $"({Fixed(result.Condition.PlaceboMaximum * 100, "0.#")}% of baseline at most). Not calibrated unless the condition's calibration note says so.",
            null);

        html.Append("</section>\n");
    }

    private static void AppendParameters(StringBuilder html, ModelParameters parameters)
    {
        html.Append("<section>\n<h2>Parameters</h2>\n<p class=\"caption\">Every value of parameter set <strong>")
            .Append(Text(parameters.Name))
            .Append("</strong> as written in its file. Measured: a human value from the cited publication; derived: computed from measured values; assumed: no data exist.</p>\n");
        AppendEntryTable(html, parameters.Entries, "model-params");
        html.Append("</section>\n");
    }

    private static void AppendEntryTable(StringBuilder html, IReadOnlyList<ParameterEntry> entries, string id)
    {
        html.Append("<table class=\"params\" id=\"").Append(id).Append("\">\n<thead><tr><th>Key</th><th class=\"num\">Value</th><th>Unit</th><th>Status</th><th class=\"source\">Source</th><th class=\"note\">Note</th></tr></thead>\n<tbody>\n");
        foreach (var entry in entries)
        {
            // Long dotted keys (formulations.sublingual.…) may wrap after a dot, not in the middle of a word.
            html.Append("<tr><td><code>").Append(Text(entry.Key).Replace(".", ".<wbr>", StringComparison.Ordinal)).Append("</code></td>")
                .Append("<td class=\"num\">").Append(Text(entry.Value.ToString(CultureInfo.InvariantCulture))).Append("</td>")
                .Append("<td>").Append(Text(entry.Unit)).Append("</td>")
                .Append("<td class=\"status-").Append(StatusName(entry.Status)).Append("\">").Append(StatusName(entry.Status)).Append("</td>")
                .Append("<td>").Append(Text(entry.Source)).Append("</td>")
                .Append("<td>").Append(Text(entry.Note)).Append("</td></tr>\n");
        }

        html.Append("</tbody>\n</table>\n");
    }

    private static void AppendCondition(StringBuilder html, ConditionParameters condition)
    {
        html.Append("<section>\n<h2>Condition</h2>\n<p class=\"caption\">The immune-module parameters of <strong>")
            .Append(Text(condition.Name))
            .Append("</strong> (<code>").Append(Text(condition.Id)).Append("</code>) as written in its condition file, next to the model parameters above.</p>\n")
            .Append("<dl class=\"facts\">\n");
        ReportHtml.Fact(html, "Outcome scale", InstrumentDescription(condition.Instrument));
        ReportHtml.Fact(html, "Responder", condition.Responder.ToString());
        ReportHtml.Fact(html, "Calibration", condition.Calibration);
        html.Append("</dl>\n");
        AppendEntryTable(html, condition.Entries, "condition-params");
        html.Append("</section>\n");
    }

    private static void AppendFooter(StringBuilder html, DateTimeOffset generatedAt)
    {
        var stamp = generatedAt.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
        html.Append("<footer>Generated <time datetime=\"").Append(stamp).Append("\">").Append(stamp)
            .Append("</time> by LDN Workbench. Charts drawn with Chart.js (MIT license). Research model, not medical advice.</footer>\n");
    }

    // ---- Pieces -------------------------------------------------------------------------------------

    private static void SummaryRow(StringBuilder html, IReadOnlyList<ScenarioResult> scenarios, string label, Func<ExposureSummary, string> value)
    {
        html.Append("<tr><th scope=\"row\">").Append(Text(label)).Append("</th>");
        foreach (var scenario in scenarios)
        {
            html.Append("<td class=\"num\">").Append(Text(value(scenario.Summary))).Append("</td>");
        }

        html.Append("</tr>\n");
    }

    private static string Describe(DoseEvent dosing, ClockTime startClock)
    {
        var what = $"{Milligrams(dosing.Amount.Milligrams)} mg {dosing.Formulation.Name()}";
        var when = $"{startClock.Plus(dosing.Time)} (hour {Hours(dosing.Time.Hours)})";
        return dosing.Count == 1
            ? $"{what}, a single dose at {when}"
            : $"{what} every {Hours(dosing.Interval.Hours)} h, {dosing.Count.ToString(CultureInfo.InvariantCulture)} doses, the first at {when}";
    }

    private static string SummaryWindowText(Regimen regimen, double from, double to) =>
        regimen.Administrations.Count == 1
            ? $"the whole simulated span, hour {Hours(from)} to {Hours(to)} (single dose)"
            : $"the last dosing interval, hour {Hours(from)} to {Hours(to)}";

    private static string SamplingCaption(SimulationChartSeries charts, double stepHours)
    {
        var count = charts.Count.ToString("N0", CultureInfo.InvariantCulture);
        if (!charts.Thinned)
        {
            return $"Every simulated point is plotted ({count} points, one every {Span(stepHours)}).";
        }

        var plotted = charts.ScenarioPoints.Append(charts.KineticsPoints).Max(p => p.Count).ToString("N0", CultureInfo.InvariantCulture);
        return $"The simulation has {count} points per curve (one every {Span(stepHours)}); to keep the page light the charts are thinned to at most {plotted} points per curve: "
            + "the time is cut into equal slices and each slice keeps the points where a curve is lowest and highest, so every peak and trough of the full simulation shows, "
            + "while the oscillation between them within a slice is not drawn. The summary table is computed from the full simulation.";
    }

    private static string ScenarioLabel(OccupancyScenario scenario) => scenario switch
    {
        OccupancyScenario.A => "Scenario A",
        OccupancyScenario.B => "Scenario B (default)",
        _ => "Structure " + scenario.Name() + " (fitted)",
    };

    private static string ScenarioExplanation(OccupancyScenario scenario, ModelParameters parameters) => scenario switch
    {
        OccupancyScenario.A =>
            "blockade follows the plasma concentration directly — the brief daily blockade the source documents assume, a premise from rodent studies. "
            + "It fits Rabiner 2011 but not the days-long human blockade after 50 mg (Lee 1988).",
        OccupancyScenario.B =>
            $"a slow effect site (one rate, half-life {Hours(parameters.EffectSiteLoss.HalfLife.Hours)} h in this parameter set, sets both the rise and the fall of blockade) — "
            + "it keeps Lee 1988's days-long blockade after 50 mg but rises too slowly for a near-complete block 1 h after the dose. It implies sustained partial blockade on daily LDN.",
        _ => scenario.Description() + " — a competing structure of issue 12, fitted by ldn fit to Rabiner 2011, Lee 1988 and the 50 mg PK (docs/model.md §5c, §5d).",
    };

    private static string InstrumentDescription(ClinicalInstrument instrument) =>
        $"{instrument.Name} ({instrument.Unit}), {Fixed(instrument.Minimum, "0.##")}–{Fixed(instrument.Maximum, "0.##")}, "
        + $"{(instrument.LowerIsBetter ? "lower" : "higher")} is better; trial baseline {Fixed(instrument.Baseline, "0.##")}";

    private static string StatusName(ParameterStatus status) => status switch
    {
        ParameterStatus.Measured => "measured",
        ParameterStatus.Derived => "derived",
        ParameterStatus.Assumed => "assumed",
        ParameterStatus.Unfitted => "unfitted",
        ParameterStatus.Fitted => "fitted",
        _ => "unknown",
    };

    // ---- Chart data ---------------------------------------------------------------------------------

    private static ReportData ChartData(SimulationResult result, SimulationChartSeries charts)
    {
        var regimen = result.Regimen;
        var (windowFrom, windowTo) = regimen.SummaryWindow();
        var kinetics = charts.KineticsPoints;
        var concentrations = new ConcentrationData(
            Pick(kinetics, p => p.TimeHours, 1),
            Pick(kinetics, p => p.ParentNgPerMl, 1),
            Pick(kinetics, p => p.MetaboliteNgPerMl, 1));

        var scenarios = result.Scenarios.Select((s, i) =>
        {
            var points = charts.ScenarioPoints[i];
            return new ScenarioCurves(
                s.Scenario.Name(),
                ScenarioLabel(s.Scenario),
                s.Scenario == OccupancyScenario.B,
                Pick(points, p => p.TimeHours, 1),
                Pick(points, p => p.Mor, 100),
                Pick(points, p => p.Dor, 100),
                Pick(points, p => p.Kor, 100),
                Pick(points, p => p.OpioidSignalling, 1),
                Pick(points, p => p.ReceptorDensity, 1),
                Pick(points, p => p.Synthesis, 1),
                Pick(points, p => p.Inflammation, 1),
                Pick(points, p => p.ClinicalScore, 1));
        }).ToList();
        var instrument = result.Condition.Instrument;

        return new ReportData(
            regimen.StartClock.MinutesSinceMidnight,
            regimen.Horizon.Hours,
            TickStepHours(regimen.Horizon.Hours),
            windowFrom.Hours,
            windowTo.Hours,
            LogScaleFloor(charts.HighestLevel),
            $"{instrument.Name} ({instrument.Unit})",
            concentrations,
            scenarios);
    }

    /// <summary>
    /// Single precision (about seven significant digits) is far finer than a chart can show and halves
    /// the size of the inline JSON.
    /// </summary>
    private static float[] Pick(IReadOnlyList<SeriesPoint> points, Func<SeriesPoint, double> value, double scale)
    {
        var picked = new float[points.Count];
        for (var i = 0; i < points.Count; i++)
        {
            picked[i] = (float)(value(points[i]) * scale);
        }

        return picked;
    }

    /// <summary>
    /// The bottom of the logarithmic concentration axis: four decades below the highest level. Without
    /// a floor the first minutes after a dose (10⁻¹⁰ ng/mL and less) would squash the useful range.
    /// </summary>
    private static double LogScaleFloor(double highest) =>
        highest > 0 && double.IsFinite(highest) ? Math.Pow(10, Math.Floor(Math.Log10(highest)) - 4) : 1e-4;

    /// <summary>Time-axis ticks on clock-friendly steps (6 h, 12 h, a day, a week…), about 8–16 of them.</summary>
    private static double TickStepHours(double horizonHours)
    {
        double[] steps = [1, 2, 3, 6, 12, 24, 48, 72, 168, 336, 672];
        foreach (var step in steps)
        {
            if (horizonHours / step <= 16)
            {
                return step;
            }
        }

        return Math.Ceiling(horizonHours / 16 / 672) * 672;
    }

    // ---- Formatting ---------------------------------------------------------------------------------

    /// <summary>HTML-encodes text from outside this class (names, sources, notes): never trust it as markup.</summary>
    internal static string Text(string? value) => ReportHtml.Text(value);

    /// <summary>Concentrations and AUC with the same precision as the terminal table, so the two agree.</summary>
    internal static string Concentration(double value) =>
        value.ToString(value >= 100 ? "0" : value >= 1 ? "0.00" : "0.000", CultureInfo.InvariantCulture);

    internal static string Percent(double fraction) => Fixed(fraction * 100, "0.0");

    /// <summary>A relative change in percent with its sign, "−11.7" or "+0.0" (a true minus sign, as in the terminal table).</summary>
    internal static string SignedPercent(double fraction) => ReportHtml.SignedPercent(fraction);

    internal static string Fixed(double value, string format) => ReportHtml.Fixed(value, format);

    private static string Hours(double hours) => Fixed(hours, "0.##");

    private static string Milligrams(double milligrams) => Fixed(milligrams, "0.###");

    private static string Span(double hours) =>
        hours >= 48
            ? $"{Hours(hours)} h ({Fixed(hours / 24, "0.#")} days)"
            : hours < 1 ? $"{Fixed(hours * 60, "0.#")} min" : $"{Hours(hours)} h";

    private sealed record ReportData(
        int StartClockMinutes,
        double HorizonHours,
        double TickStepHours,
        double WindowStartHours,
        double WindowEndHours,
        double ConcentrationFloor,
        string ScoreLabel,
        ConcentrationData Concentrations,
        IReadOnlyList<ScenarioCurves> Scenarios);

    private sealed record ConcentrationData(float[] Time, float[] Parent, float[] Metabolite);

    /// <summary>One scenario's curves: blockade in percent; S, U, P and I relative to baseline; the score in instrument units.</summary>
    private sealed record ScenarioCurves(
        string Id,
        string Label,
        bool IsDefault,
        float[] Time,
        float[] Mor,
        float[] Dor,
        float[] Kor,
        float[] Signalling,
        float[] ReceptorDensity,
        float[] Synthesis,
        float[] Inflammation,
        float[] Score);

    // ---- Inline page assets -------------------------------------------------------------------------

    private const string Styles = ReportHtml.BaseStyles + """
        table.summary { width: auto; min-width: 60%; }
        table.params td, table.params th { font-size: 0.86rem; }
        table.params .source { width: 32%; }
        table.params .note { width: 26%; }
        .status-measured { color: #166534; }
        .status-derived { color: #1e40af; }
        .status-assumed { color: #9a3412; }
        .scenarios { padding-left: 20px; }

        """;

    /// <summary>
    /// Draws the charts from the inline data. It sets <c>data-charts-ready</c> on the body to the number
    /// of charts drawn (or <c>data-charts-error</c>), which lets a headless browser check the page.
    /// </summary>
    private const string AppScript = ReportHtml.ScriptStart + """
          const colors = {
            parent: '#2563eb', metabolite: '#9333ea',
            A: '#ea580c', B: '#0f766e',
            mor: '#dc2626', dor: '#2563eb', kor: '#16a34a',
            signalling: '#0f172a', receptors: '#16a34a', synthesis: '#9333ea', inflammation: '#dc2626',
          };

          const clock = (hours) => {
            const minutes = ((Math.round(data.startClockMinutes + hours * 60) % 1440) + 1440) % 1440;
            return String(Math.floor(minutes / 60)).padStart(2, '0') + ':' + String(minutes % 60).padStart(2, '0');
          };
          const day = (hours) => Math.floor((data.startClockMinutes / 60 + hours) / 24) + 1;

          // Shades the summary window behind the curves, so the table and the charts can be read together.
          const summaryWindow = {
            id: 'summaryWindow',
            beforeDatasetsDraw(chart) {
              const { ctx, chartArea, scales } = chart;
              const left = Math.max(chartArea.left, scales.x.getPixelForValue(data.windowStartHours));
              const right = Math.min(chartArea.right, scales.x.getPixelForValue(data.windowEndHours));
              if (!(right > left)) return;
              ctx.save();
              ctx.fillStyle = 'rgba(100, 116, 139, 0.10)';
              ctx.fillRect(left, chartArea.top, right - left, chartArea.bottom - chartArea.top);
              ctx.restore();
            },
          };

          // A dashed line at 1, the drug-free value of S, U, P and I.
          const baselineOne = {
            id: 'baselineOne',
            afterDatasetsDraw(chart) {
              const { ctx, chartArea, scales } = chart;
              const y = scales.y.getPixelForValue(1);
              if (!(y >= chartArea.top && y <= chartArea.bottom)) return;
              ctx.save();
              ctx.strokeStyle = 'rgba(71, 85, 105, 0.8)';
              ctx.setLineDash([6, 4]);
              ctx.lineWidth = 1;
              ctx.beginPath();
              ctx.moveTo(chartArea.left, y);
              ctx.lineTo(chartArea.right, y);
              ctx.stroke();
              ctx.restore();
            },
          };

          const line = (label, time, values, color, extra) => Object.assign({
            label,
            data: time.map((t, i) => ({ x: t, y: values[i] })),
            borderColor: color,
            backgroundColor: color,
            borderWidth: 2,
            pointRadius: 0,
            pointHitRadius: 4,
          }, extra);

          const timeAxis = () => ({
            type: 'linear',
            min: 0,
            max: data.horizonHours,
            ticks: { stepSize: data.tickStepHours },
            title: { display: true, text: 'Hours since the start of the simulation (hour 0 = ' + clock(0) + ', day 1)' },
          });
          // Label only 1 and 3 × 10ⁿ (other ticks keep their grid line): Chart.js's default labels crowd
          // at the top of each decade and print 10 as "10.000" when the axis reaches 0.001.
          const logTick = (v) => {
            const significand = v / Math.pow(10, Math.floor(Math.log10(v) + 1e-9));
            return Math.abs(significand - 1) < 1e-6 || Math.abs(significand - 3) < 1e-6 ? String(Number(v.toPrecision(1))) : '';
          };
          const logAxis = () => ({
            type: 'logarithmic',
            min: data.concentrationFloor,
            ticks: { autoSkip: false, callback: logTick },
            title: { display: true, text: 'ng/mL (logarithmic)' },
          });
          const linearAxis = () => ({ type: 'linear', min: 0, title: { display: true, text: 'ng/mL' } });
          const percentAxis = () => ({ type: 'linear', min: 0, max: 100, ticks: { stepSize: 25 }, title: { display: true, text: 'Receptors blocked (%)' } });
          const relativeAxis = () => ({ type: 'linear', min: 0, suggestedMax: 2, title: { display: true, text: 'Relative to the drug-free value (= 1)' } });
          const scoreAxis = () => ({ type: 'linear', title: { display: true, text: data.scoreLabel } });

          const chart = (canvasId, datasets, yAxis, formatValue, extraPlugins) => new Chart(document.getElementById(canvasId), {
            type: 'line',
            data: { datasets },
            plugins: [summaryWindow, ...(extraPlugins || [])],
            options: {
              animation: false,
              responsive: true,
              maintainAspectRatio: false,
              parsing: false,
              normalized: true,
              interaction: { mode: 'index', intersect: false },
              scales: { x: timeAxis(), y: yAxis },
              plugins: {
                legend: { position: 'bottom' },
                tooltip: {
                  callbacks: {
                    title: (items) => items.length === 0 ? '' :
                      'Hour ' + items[0].parsed.x.toFixed(2) + ' — ' + clock(items[0].parsed.x) + ' on day ' + day(items[0].parsed.x),
                    label: (item) => item.dataset.label + ': ' + formatValue(item.parsed.y),
                  },
                },
              },
            },
          });

          const concentration = (v) => (v >= 100 ? v.toFixed(0) : v >= 1 ? v.toFixed(2) : v.toPrecision(3)) + ' ng/mL';
          const percent = (v) => v.toFixed(1) + '%';
          const relative = (v) => v.toFixed(3);
          const score = (v) => (Math.abs(v) >= 100 ? v.toFixed(0) : v.toFixed(2));

          try {
            const charts = [];
            const c = data.concentrations;
            const levels = chart('chart-concentrations', [
              line('Naltrexone', c.time, c.parent, colors.parent),
              line('6β-naltrexol', c.time, c.metabolite, colors.metabolite),
            ], logAxis(), concentration);
            charts.push(levels);
            document.getElementById('log-scale').addEventListener('change', (event) => {
              levels.options.scales.y = event.target.checked ? logAxis() : linearAxis();
              levels.update();
            });

            charts.push(chart('chart-mor', data.scenarios.map((s) =>
              line(s.label, s.time, s.mor, colors[s.id] || '#475569', { borderWidth: s.isDefault ? 3 : 2 })), percentAxis(), percent));

            for (const s of data.scenarios) {
              charts.push(chart('chart-receptors-' + s.id.toLowerCase(), [
                line('MOR (μ)', s.time, s.mor, colors.mor),
                line('DOR (δ)', s.time, s.dor, colors.dor),
                line('KOR (κ)', s.time, s.kor, colors.kor),
              ], percentAxis(), percent));
            }

            for (const s of data.scenarios) {
              charts.push(chart('chart-mechanism-' + s.id.toLowerCase(), [
                line('Signalling S', s.time, s.signalling, colors.signalling, { borderWidth: 3 }),
                line('Receptor density U', s.time, s.receptorDensity, colors.receptors),
                line('Synthesis capacity P', s.time, s.synthesis, colors.synthesis),
                line('Inflammation index I', s.time, s.inflammation, colors.inflammation),
              ], relativeAxis(), relative, [baselineOne]));
            }

            charts.push(chart('chart-score', data.scenarios.map((s) =>
              line(s.label, s.time, s.score, colors[s.id] || '#475569', { borderWidth: s.isDefault ? 3 : 2 })), scoreAxis(), score));

            document.body.dataset.chartsReady = String(charts.length);
          } catch (error) {
            fail(error && error.message ? error.message : String(error));
          }

        """ + ReportHtml.ScriptEnd;
}
