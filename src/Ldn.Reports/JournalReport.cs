using System.Globalization;
using System.Text;
using Ldn.Core;
using Ldn.Core.Advice;
using Ldn.Core.Dosing;
using Ldn.Core.Evidence;
using Ldn.Core.Journal;
using Ldn.Core.Journal.Analysis;
using Ldn.Core.Protocols;
using Ldn.Core.Safety;
using NodaTime;

namespace Ldn.Reports;

/// <summary>
/// The prescriber's report of <c>ldn report</c>: one self-contained page (Chart.js, data and drawing code
/// inline, a Content-Security-Policy that lets only those scripts run) summarising a treatment journal —
/// the baseline, the plan versions and adherence to each, dose over time, every symptom scale with the
/// dose, side effects, the per-step estimates and dose–response trends with the model's hypotheses beside
/// them, safety findings, the current advice and medications. The numbers come from Core
/// (<see cref="JournalAnalysis"/>, <see cref="JournalChartSeries"/>); this class only renders them.
/// Every string from the journal (names, notes, medication names) is HTML-encoded; the chart data is JSON
/// without '&lt;'. Sections and data sources: <c>docs/report.md</c>.
/// </summary>
public static partial class JournalReport
{
    public const string StandingNotice =
        "This is a self-tracking record kept by the patient, not a diagnosis; LDN Workbench is a research and self-tracking tool, not medical advice.";

    /// <summary>Free notes longer than this are cut in the report (the journal keeps them whole).</summary>
    public const int MaxNoteChars = 600;

    public const int MaxListedNotes = 15;

    public const int MaxListedEvents = 30;

    public const int MaxListedEpisodes = 25;

    public const int MaxListedOffPlan = 20;

    /// <summary>
    /// Analysis, safety and advice as of <paramref name="today"/> (<see cref="JournalReview.Of"/>), rendered as
    /// the standalone page (<see cref="Render"/>): the whole report but the I/O. <paramref name="now"/> is the
    /// current instant, so a dose not yet due (this evening's, in a report made in the morning) is not counted
    /// as missed; without it the whole report day counts.
    /// </summary>
    public static string Build(JournalData data, LocalDate today, DateTimeOffset generatedAt, AnalysisOptions? options = null, Instant? now = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        var review = JournalReview.Of(data, today, options, now);
        return Render(data, review.Analysis, review.Advice, review.Safety, generatedAt);
    }

    /// <summary>
    /// The standalone page (<c>ldn journal report</c>, <c>GET /api/report</c>): one HTML document with the
    /// styles, Chart.js, the chart data and the drawing script inline, under its own Content-Security-Policy.
    /// </summary>
    public static string Render(
        JournalData data,
        JournalAnalysis analysis,
        Advice? advice,
        IReadOnlyList<SafetyFinding> safety,
        DateTimeOffset generatedAt)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(analysis);
        ArgumentNullException.ThrowIfNull(safety);

        var chart = JournalChartSeries.Build(data, analysis);
        var dataJson = ReportHtml.DataJson(ChartJson(chart));
        var html = new StringBuilder(ReportHtml.ChartLibrary.Length + (dataJson.Length * 2) + 65_536);
        ReportHtml.AppendHead(html, "LDN Workbench — journal report for the prescriber", Styles, ReportHtml.ChartLibrary, AppScript);
        html.Append("<body>\n<main>\n");
        AppendSections(html, data, analysis, advice, safety, generatedAt, chart);
        html.Append("</main>\n");
        ReportHtml.AppendScripts(html, dataJson, AppScript);
        html.Append("</body>\n</html>\n");
        return html.ToString();
    }

    /// <summary>
    /// The same report as an HTML fragment for a page whose policy runs only scripts served as files
    /// (<c>script-src 'self'</c>): the sections of <see cref="Render"/> in <c>&lt;div class="journal-report"&gt;</c>,
    /// the chart data as an inert <c>&lt;script type="application/json" id="report-data"&gt;</c> block, then
    /// <c>&lt;script src&gt;</c> elements for Chart.js (<see cref="ReportHtml.ChartLibrary"/>) and the drawing script
    /// (<see cref="DrawingScript"/>) at the URLs the page serves them from. No inline script or style: the page
    /// links <see cref="Stylesheet"/> (or its own) itself.
    /// </summary>
    public static string RenderEmbedded(
        JournalData data,
        JournalAnalysis analysis,
        Advice? advice,
        IReadOnlyList<SafetyFinding> safety,
        DateTimeOffset generatedAt,
        ReportScriptUrls scripts)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(analysis);
        ArgumentNullException.ThrowIfNull(safety);
        ArgumentNullException.ThrowIfNull(scripts);

        var chart = JournalChartSeries.Build(data, analysis);
        var dataJson = ReportHtml.DataJson(ChartJson(chart));
        var html = new StringBuilder((dataJson.Length * 2) + 65_536);
        html.Append("<div class=\"journal-report\">\n");
        AppendSections(html, data, analysis, advice, safety, generatedAt, chart);
        html.Append("</div>\n")
            .Append("<script id=\"report-data\" type=\"application/json\">").Append(dataJson).Append("</script>\n")
            .Append("<script src=\"").Append(Text(scripts.ChartLibrary)).Append("\"></script>\n")
            .Append("<script src=\"").Append(Text(scripts.DrawingScript)).Append("\"></script>\n");
        return html.ToString();
    }

    /// <summary>The report's styles (base and its own, with the print rules, and the rules for living inside another page's layout), for a page that embeds it to serve as a file.</summary>
    public static string Stylesheet => Styles + EmbeddedStyles;

    /// <summary>The script that draws the three charts from the <c>report-data</c> block (needs Chart.js loaded first), for serving as a file.</summary>
    public static string DrawingScript => AppScript;

    private static void AppendSections(
        StringBuilder html, JournalData data, JournalAnalysis analysis, Advice? advice, IReadOnlyList<SafetyFinding> safety, DateTimeOffset generatedAt, JournalChartSeries chart)
    {
        var sections = new StringBuilder(65_536);
        AppendSectionsUnwrapped(sections, data, analysis, advice, safety, generatedAt, chart);

        // On a phone a table wider than the screen scrolls in its own box (keyboard-reachable, as axe asks)
        // instead of widening the whole page. Only the report's own markup says "<table": text from the
        // journal is HTML-encoded.
        html.Append(sections.Replace("<table", "<div class=\"table-scroll\" tabindex=\"0\"><table").Replace("</table>", "</table></div>"));
    }

    private static void AppendSectionsUnwrapped(
        StringBuilder html, JournalData data, JournalAnalysis analysis, Advice? advice, IReadOnlyList<SafetyFinding> safety, DateTimeOffset generatedAt, JournalChartSeries chart)
    {
        AppendSummaryPage(html, data, analysis, advice, safety, generatedAt);
        AppendPatient(html, data, analysis, generatedAt);
        AppendPlan(html, data, analysis);
        AppendCharts(html, data, analysis, chart);
        AppendSideEffects(html, data, analysis);
        AppendAnalysis(html, analysis);
        AppendSafety(html, safety, advice);
        AppendMedications(html, data, analysis.AsOf);
        AppendEventsAndNotes(html, data);
        AppendFooter(html, analysis, generatedAt);
    }

    // ---- Page sections ------------------------------------------------------------------------------

    private static void AppendHeader(StringBuilder html, JournalData data, JournalAnalysis analysis, DateTimeOffset generatedAt)
    {
        var profile = data.Profile;
        html.Append("<header>\n<h1>Treatment journal report</h1>\n<p class=\"subtitle\">Low-dose naltrexone, ")
            .Append(profile.Name is { Length: > 0 } name ? "kept by <strong>" + Text(name) + "</strong>" : "kept by the patient (no name given)")
            .Append(Text(analysis.From is { } from ? $"; {Date(from)} to {Date(analysis.AsOf)}" : $"; as of {Date(analysis.AsOf)}"))
            // A date and time never break at their hyphens (a printed page split "2026-12-" from "01T15:45").
            .Append("; generated <span class=\"stamp\">").Append(Stamp(generatedAt)).Append("</span>")
            .Append(".</p>\n</header>\n")
            .Append("<section class=\"notice\" role=\"note\" id=\"notice\">\n<strong>").Append(Text(StandingNotice)).Append("</strong>\n")
            .Append("<p>Before/after comparisons in one person cannot separate the drug from time, placebo response, other treatments or the natural course of the illness. ")
            .Append("Model figures are hypotheses about an average trial patient, not expectations for this patient.</p>\n</section>\n");
    }

    private static void AppendPatient(StringBuilder html, JournalData data, JournalAnalysis analysis, DateTimeOffset generatedAt)
    {
        var profile = data.Profile;
        html.Append("<section id=\"patient\">\n<h2>Patient and period</h2>\n<dl class=\"facts\">\n");
        ReportHtml.Fact(html, "Name", profile.Name is { Length: > 0 } n ? n : "not given");
        ReportHtml.Fact(html, "Conditions", profile.Conditions.Count > 0 ? string.Join(", ", profile.Conditions) : "none recorded");
        ReportHtml.Fact(html, "Time zone", profile.TimeZoneId);
        ReportHtml.Fact(html, "Period covered", analysis.From is { } from
            ? $"{Date(from)} to {Date(analysis.AsOf)} ({Count(analysis.DaysCovered)} days)"
            : $"no entries up to {Date(analysis.AsOf)}");
        ReportHtml.Fact(html, "First LDN dose", analysis.FirstDoseDate is { } first ? Date(first) : "none taken yet");
        ReportHtml.Fact(html, "Baseline", analysis.Baseline.Sentence);
        ReportHtml.Fact(html, "Entries", $"{Count(data.Doses.Count)} doses, {Count(data.CheckIns.Count)} check-ins, {Count(data.SideEffects.Count)} side effects, {Count(data.Events.Count)} events");
        var flags = ProfileFlags(profile);
        if (flags.Count > 0)
        {
            ReportHtml.Fact(html, "Recorded in the profile", string.Join(", ", flags));
        }

        var stamp = Stamp(generatedAt);
        html.Append("<dt>Generated</dt><dd><time datetime=\"").Append(stamp).Append("\">").Append(stamp).Append("</time></dd>\n")
            .Append("</dl>\n</section>\n");
    }

    /// <summary>The few lines a prescriber reads first: the advice, the safety count, adherence, and any clear change.</summary>
    private static void AppendSummary(StringBuilder html, JournalAnalysis analysis, Advice? advice, IReadOnlyList<SafetyFinding> safety)
    {
        html.Append("<section id=\"at-a-glance\">\n<h2>At a glance</h2>\n<ul class=\"glance\">\n");
        html.Append("<li><b>Current advice:</b> ")
            .Append(advice is null ? "none (no dose taken and no plan)" : Text(advice.Action) + (advice.SuggestedDoseMg is { } mg ? " (" + Text(Mg(mg)) + ")" : string.Empty))
            .Append("</li>\n");
        var worst = safety.Count == 0 ? null : safety.MaxBy(f => f.Severity);
        html.Append("<li><b>Safety:</b> ")
            .Append(worst is null ? "no finding" : $"{Count(safety.Count)} finding{(safety.Count == 1 ? "" : "s")}, the most severe a <span class=\"sev-{worst.Severity.Name()}\">{worst.Severity.Name()}</span>")
            .Append("</li>\n");
        var adherence = analysis.Adherence;
        html.Append("<li><b>Adherence:</b> ")
            .Append(adherence.Share is { } share ? $"{Percent(share)}% ({Count(adherence.Taken)} of {Count(adherence.Expected)} {(adherence.FromPlan ? "planned dose-days" : "logged doses")})" : "no doses planned or logged yet")
            .Append(adherence.OffPlanDays > 0 ? $", {Count(adherence.OffPlanDays)} off-plan" : string.Empty)
            .Append("</li>\n");
        var clear = analysis.Comparisons.Where(c => c.Verdict is ChangeVerdict.Improved or ChangeVerdict.Worse).ToList();
        html.Append("<li><b>Symptom comparisons:</b> ")
            .Append(Text(analysis.Comparisons.Count == 0
                ? "none"
                : clear.Count == 0
                    ? EstimatedText(analysis.Comparisons.Count(c => c.Status == ComparisonStatus.Estimated))
                    : string.Join("; ", clear.Take(MaxGlanceChanges).Select(c => $"{c.Scale.Label} {VerdictText(c.Verdict!.Value)} {WindowShort(c)}"))
                        + (clear.Count > MaxGlanceChanges ? $"; and {Count(clear.Count - MaxGlanceChanges)} more in the detail" : string.Empty)))
            .Append("</li>\n</ul>\n</section>\n");
    }

    private static void AppendPlan(StringBuilder html, JournalData data, JournalAnalysis analysis)
    {
        var adherence = analysis.Adherence;
        html.Append("<section id=\"plan\">\n<h2>Plan and adherence</h2>\n");
        if (data.Plans.Count == 0)
        {
            html.Append("<p>No titration plan is set in the journal.</p>\n");
        }
        else
        {
            AppendPlanVersions(html, data, analysis);
        }

        html.Append("<p id=\"adherence\"><b>Adherence overall:</b> ")
            .Append(adherence.Share is { } share
                ? $"{Percent(share)}% — {Count(adherence.Taken)} of {Count(adherence.Expected)} {(adherence.FromPlan ? "planned dose-days" : "logged doses")} taken"
                : "nothing to measure yet")
            .Append(adherence.FromPlan ? $"; {Count(adherence.OffPlanDays)} taken day{(adherence.OffPlanDays == 1 ? "" : "s")} off the planned dose, {Count(adherence.OffTimeDays)} off the planned time of day" : string.Empty)
            .Append(adherence.NotYetDueDays > 0 ? $"; {Count(adherence.NotYetDueDays)} planned dose{(adherence.NotYetDueDays == 1 ? " is" : "s are")} not yet due" : string.Empty)
            .Append(".</p>\n<p class=\"caption\">").Append(Text(adherence.Basis)).Append("</p>\n");

        if (adherence.FromPlan)
        {
            var off = adherence.OffPlan;
            html.Append("<h3 id=\"off-plan\">Doses off the plan</h3>\n");
            if (off.Count == 0)
            {
                html.Append("<p>None: every dose taken was within ").Append(Percent((double)analysis.Options.OffPlanTolerance)).Append("% of the planned dose, at the planned time of day.</p>\n");
            }
            else
            {
                html.Append("<table class=\"compact\" id=\"off-plan-doses\">\n<thead><tr><th>Day</th><th class=\"num\">Taken (mg)</th><th class=\"num\">Planned (mg)</th><th>Taken at</th><th>Planned at</th></tr></thead>\n<tbody>\n");
                foreach (var day in off.TakeLast(MaxListedOffPlan))
                {
                    html.Append("<tr><td>").Append(Date(day.Date)).Append("</td><td class=\"num\">").Append(Text(Milligrams(day.TakenMg)))
                        .Append("</td><td class=\"num\">").Append(Text(Milligrams(day.PlannedMg)))
                        .Append("</td><td>").Append(TimingName(day.Timing)).Append("</td><td>").Append(Text(day.PlannedAt.ToString())).Append("</td></tr>\n");
                }

                html.Append("</tbody>\n</table>\n");
                if (off.Count > MaxListedOffPlan)
                {
                    html.Append("<p class=\"caption\">The latest ").Append(Count(MaxListedOffPlan)).Append(" of ").Append(Count(off.Count)).Append(" off-plan days.</p>\n");
                }
            }
        }

        html.Append("</section>\n");
    }

    /// <summary>
    /// Every plan version, newest last, each with the days it was in force and its steps; the steps of the
    /// days it governed carry their adherence. A version superseded before its first day says so.
    /// </summary>
    private static void AppendPlanVersions(StringBuilder html, JournalData data, JournalAnalysis analysis)
    {
        var byVersion = analysis.Adherence.Versions.ToDictionary(v => v.PlanVersionId);
        html.Append("<table id=\"plan-steps\">\n<thead><tr><th>Step</th><th>From</th><th>To</th><th class=\"num\">Dose (mg)</th><th>Time</th><th>Form</th>")
            .Append("<th class=\"num\">Planned days</th><th class=\"num\">Taken</th><th class=\"num\">Adherence</th><th class=\"num\">Off-plan</th><th class=\"num\">Off time</th></tr></thead>\n");
        for (var v = 0; v < data.Plans.Count; v++)
        {
            var version = data.Plans[v];
            var end = data.PlanEnd(version);
            byVersion.TryGetValue(version.Id, out var done);
            html.Append("<tbody class=\"plan-version\"><tr class=\"version\"><th colspan=\"11\" scope=\"rowgroup\">")
                .Append(Text($"Version {version.Id}: in force from {Date(version.From)}"
                    + (end is { } e ? (e < version.From ? " (replaced the same day; never in force)" : $" to {Date(e)}") : " (current)")
                    + $" — {VersionHow(version.Adjustment)}"
                    + (done is { Share: { } share } ? $"; adherence {Percent(share)}% ({Count(done.Taken)} of {Count(done.Expected)})" : string.Empty)))
                .Append("</th></tr>\n");
            var rows = done?.Steps.ToDictionary(s => s.Step) ?? [];
            foreach (var step in version.Steps)
            {
                rows.TryGetValue(step.Number, out var row);
                html.Append("<tr><td class=\"num\">").Append(Count(step.Number)).Append("</td>")
                    .Append("<td>").Append(step.From.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Append("</td>")
                    .Append("<td>").Append(step.To is { } to ? to.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "open").Append("</td>")
                    .Append("<td class=\"num\">").Append(Text(Milligrams(step.DoseMg)))
                    .Append(step.TakenDoseMg != step.DoseMg ? " (measured " + Text(Milligrams(step.TakenDoseMg)) + ")" : string.Empty).Append("</td>")
                    .Append("<td>").Append(Text(step.At.ToString())).Append("</td>")
                    .Append("<td>").Append(Text(step.Formulation.Name())).Append("</td>");
                if (row is null)
                {
                    html.Append("<td class=\"num\" colspan=\"5\">").Append(StepNotCounted(version, end, step, analysis.AsOf)).Append("</td></tr>\n");
                    continue;
                }

                html.Append("<td class=\"num\">").Append(Count(row.PlannedDays)).Append("</td>")
                    .Append("<td class=\"num\">").Append(Count(row.TakenDays)).Append("</td>")
                    .Append("<td class=\"num\">").Append(row.Share is { } s ? Percent(s) + "%" : "—").Append("</td>")
                    .Append("<td class=\"num\">").Append(Count(row.OffPlanDays)).Append("</td>")
                    .Append("<td class=\"num\">").Append(Count(row.OffTimeDays)).Append("</td></tr>\n");
            }

            html.Append("</tbody>\n");
        }

        html.Append("</table>\n<p class=\"caption\">Each version is the plan from its start date until the next version; its steps count only for the days it was in force, so an earlier plan's days keep counting after <code>plan set</code> or <code>plan adjust</code>.</p>\n");
    }

    private static string VersionHow(string? adjustment) => adjustment switch
    {
        null or "set" => "plan set",
        var a => "adjusted: " + a,
    };

    /// <summary>Why a step has no adherence: not begun by the report day, or outside the days its version was in force.</summary>
    private static string StepNotCounted(PlanVersion version, LocalDate? end, PlanStep step, LocalDate asOf)
    {
        var from = LocalDate.FromDateOnly(step.From);
        return from > asOf ? "not begun"
            : (step.To is { } to && LocalDate.FromDateOnly(to) < version.From) || (end is { } e && from > e) ? "not in force (another version)"
            : "not begun";
    }

    private static void AppendCharts(StringBuilder html, JournalData data, JournalAnalysis analysis, JournalChartSeries chart)
    {
        html.Append("<p class=\"chart-error\" hidden></p>\n");
        var sampling = chart.BinDays == 1
            ? "Every day is plotted."
            : $"The journal spans {Count(analysis.Days.Count)} days (more than two years), so the charts plot weekly means (one point per {Count(chart.BinDays)} days from {Date(analysis.From ?? analysis.AsOf)}); skipped doses, events and side effects are still drawn on their own days, and every table is computed from every day.";

        html.Append("<section id=\"dose\">\n<h2>Dose over time</h2>\n");
        ReportHtml.Figure(
            html,
            "chart-dose",
            "Daily dose",
            (chart.BinDays == 1 ? "The dose taken each day (mg); days without a dose logged are gaps. " : "The mean daily dose on the days a dose was taken, per week (mg). ")
                + $"Crosses mark days with a skipped dose ({Count(chart.Dose.Skipped.Count)}). "
                + (chart.Dose.Plan.Count > 0 ? "The dashed steps are the plan version in force on each day. " : string.Empty)
                + sampling);
        html.Append("</section>\n<section id=\"symptoms\">\n<h2>Symptom trends with the dose</h2>\n");
        var flares = data.Events.Count(e => e.Kind == JournalEventKind.Flare);
        var infections = data.Events.Count(e => e.Kind == JournalEventKind.Infection);
        ReportHtml.Figure(
            html,
            "chart-symptoms",
            "Check-in scores and dose",
            (chart.BinDays == 1
                ? $"Every 0–10 scale of the journal as trailing {Count(JournalChartSeries.SymptomMeanDays)}-day means of the days with a check-in. "
                : "Every 0–10 scale of the journal as weekly means of the days with a check-in. ")
                + Directions(chart.Symptoms.Scales.Select(s => (s.Label, s.HigherIsWorse)))
                + $"The grey steps are the dose level (right axis). Triangles mark flares ({Count(flares)}) and infections ({Count(infections)}). "
                + sampling);
        html.Append("</section>\n");
    }

    private static void AppendSideEffects(StringBuilder html, JournalData data, JournalAnalysis analysis)
    {
        html.Append("<section id=\"side-effects\">\n<h2>Side effects</h2>\n");
        ReportHtml.Figure(
            html,
            "chart-side-effects",
            "Side-effect timeline",
            "One bar per episode, from its first to its last day (to the report day while it lasts), coloured by severity: mild, moderate, severe.");

        if (data.SideEffects.Count == 0)
        {
            html.Append("<p>No side effect recorded.</p>\n");
        }
        else
        {
            html.Append("<table id=\"side-effect-episodes\">\n<thead><tr><th>From</th><th>To</th><th class=\"num\">Days</th><th>Kind</th><th>Severity</th><th class=\"note\">Note</th></tr></thead>\n<tbody>\n");
            foreach (var s in data.SideEffects.TakeLast(MaxListedEpisodes))
            {
                var from = LocalDay(s.From, s.TimeZoneId);
                var to = s.To is { } end ? LocalDay(end, s.TimeZoneId) : (LocalDate?)null;
                var days = DayNumber(to ?? analysis.AsOf) - DayNumber(from) + 1;
                html.Append("<tr><td>").Append(Date(from)).Append("</td><td>").Append(to is { } t ? Date(t) : "ongoing")
                    .Append("</td><td class=\"num\">").Append(Count(Math.Max(days, 1)))
                    .Append("</td><td>").Append(Text(s.Kind))
                    .Append("</td><td class=\"sev-").Append(SeverityName(s.Severity)).Append("\">").Append(SeverityName(s.Severity))
                    .Append("</td><td class=\"note\">").Append(Note(s.Note)).Append("</td></tr>\n");
            }

            html.Append("</tbody>\n</table>\n");
            if (data.SideEffects.Count > MaxListedEpisodes)
            {
                html.Append("<p class=\"caption\">The latest ").Append(Count(MaxListedEpisodes)).Append(" of ").Append(Count(data.SideEffects.Count)).Append(" episodes; the chart shows all.</p>\n");
            }
        }

        var byDose = analysis.SideEffects.ByDose;
        if (byDose.Count > 0)
        {
            html.Append("<h3>Days with a side effect, by dose level</h3>\n<table class=\"compact\" id=\"side-effect-incidence\">\n")
                .Append("<thead><tr><th>Dose level</th><th class=\"num\">Dose-days</th><th class=\"num\">With a side effect</th><th class=\"num\">Per 100 dose-days (95% interval)</th><th>Kinds</th></tr></thead>\n<tbody>\n");
            foreach (var group in byDose)
            {
                html.Append("<tr><td>").Append(Text(group.Label)).Append("</td><td class=\"num\">").Append(Count(group.DoseDays))
                    .Append("</td><td class=\"num\">").Append(Count(group.DaysWithSideEffect))
                    .Append("</td><td class=\"num\">").Append(ReportHtml.Fixed(group.Per100DoseDays, "0.0")).Append(" (")
                    .Append(ReportHtml.Fixed(group.Lower95, "0.0")).Append('–').Append(ReportHtml.Fixed(group.Upper95, "0.0")).Append(')')
                    .Append("</td><td>").Append(Text(string.Join(", ", group.Kinds.Select(k => $"{k.Kind} {Count(k.Days)} d")))).Append("</td></tr>\n");
            }

            html.Append("</tbody>\n</table>\n<p class=\"caption\">").Append(Text(SideEffectIncidence.Caveat)).Append("</p>\n");
        }

        html.Append("</section>\n");
    }

    private static void AppendAnalysis(StringBuilder html, JournalAnalysis analysis)
    {
        var options = analysis.Options;
        html.Append("<section id=\"analysis\">\n<h2>Symptoms before and on LDN</h2>\n<p class=\"caption\">")
            .Append(Text($"Baseline: the days before the first dose ({analysis.Baseline.Sentence}) Per-step estimates: each dose level after {Count(options.SettlingDays)} settling days, and the latest {Count(options.RecentDays)} days. "
                + "Change = window mean − baseline mean in scale points, with a 95% interval that allows for day-to-day persistence (an AR(1) noise model fitted to each scale); a verdict only where the interval excludes 0. "
                + $"At least {Count(options.MinBaselineDays)} baseline days and {Count(options.MinWindowDays)} window days with check-ins are needed."))
            .Append("</p>\n");
        if (analysis.Scales.All(s => s.CheckInDays == 0))
        {
            html.Append("<p>No comparison: no check-ins up to the report day.</p>\n");
        }
        else
        {
            AppendComparisonTable(html, analysis.Scales);
            AppendTrendTable(html, analysis.Scales);
        }

        AppendPredictions(html, analysis.Predictions);

        // The model label and the incidence caveat are already printed where they apply.
        var notes = analysis.Notes.Where(n => n != ModelPrediction.Label && n != SideEffectIncidence.Caveat).ToList();
        if (notes.Count > 0)
        {
            html.Append("<h3>Notes on the analysis</h3>\n<ul class=\"notes\" id=\"analysis-notes\">\n");
            foreach (var note in notes)
            {
                html.Append("<li>").Append(Text(note)).Append("</li>\n");
            }

            html.Append("</ul>\n");
        }

        html.Append("</section>\n");
    }

    /// <summary>
    /// One row per scale, one column per window: a prescriber reads across a row to see a symptom over the
    /// dose levels. A scale that cannot be compared at all gets its one reason across the row.
    /// </summary>
    private static void AppendComparisonTable(StringBuilder html, IReadOnlyList<ScaleAnalysis> scales)
    {
        var comparisons = scales.SelectMany(s => s.Comparisons).ToList();
        var windows = comparisons.Select(c => (c.Window, c.DoseMg)).Distinct().ToList();
        html.Append("<table id=\"analysis-table\">\n<thead><tr><th>Symptom</th><th class=\"num\">Baseline mean (days)</th>");
        foreach (var (window, doseMg) in windows)
        {
            var inWindow = comparisons.Where(c => c.Window == window && c.DoseMg == doseMg).ToList();
            var from = inWindow.Where(c => c.WindowFrom is not null).Select(c => c.WindowFrom!.Value).DefaultIfEmpty().Min();
            var to = inWindow.Where(c => c.WindowTo is not null).Select(c => c.WindowTo!.Value).DefaultIfEmpty().Max();
            html.Append("<th>").Append(Text(window == ComparisonWindow.DoseLevel && doseMg is { } mg ? "At " + Mg(mg) : "Latest weeks"));
            if (inWindow.Any(c => c.WindowFrom is not null))
            {
                html.Append("<br><span class=\"dir\">").Append(Date(from)).Append(" to ").Append(Date(to)).Append("</span>");
            }

            html.Append("</th>");
        }

        html.Append("</tr></thead>\n<tbody>\n");
        foreach (var scale in scales)
        {
            html.Append("<tr><th scope=\"row\">").Append(Text(scale.Scale.Label)).Append("<br><span class=\"dir\">")
                .Append(scale.Scale.HigherIsWorse ? "lower is better" : "higher is better").Append("</span></th>")
                .Append("<td class=\"num\">").Append(scale.BaselineMean is { } b ? Score(b) : "—").Append(" (").Append(Count(scale.BaselineDays)).Append(")</td>");
            if (scale.Reason is { } reason)
            {
                html.Append("<td colspan=\"").Append(Count(Math.Max(windows.Count, 1))).Append("\" class=\"scale-reason\"><span class=\"nodata\">not enough data — ")
                    .Append(Text(reason)).Append("</span></td></tr>\n");
                continue;
            }

            foreach (var (window, doseMg) in windows)
            {
                var c = scale.Comparisons.FirstOrDefault(x => x.Window == window && x.DoseMg == doseMg);
                html.Append("<td>");
                if (c is null)
                {
                    html.Append('—');
                }
                else if (c.Status != ComparisonStatus.Estimated || c.WindowMean is null || c.MeanChange is null)
                {
                    html.Append("<span class=\"nodata\">not enough data — ").Append(Text(c.Reason ?? "too few days with check-ins")).Append("</span>");
                }
                else
                {
                    html.Append("<span class=\"cell-mean\">mean ").Append(Score(c.WindowMean.Value)).Append(" (").Append(Count(c.WindowDays)).Append(" d)</span><br>")
                        .Append("<span class=\"cell-change\">change ").Append(Signed(c.MeanChange.Value))
                        .Append(c.Lower is { } lo && c.Upper is { } hi ? " (" + Signed(lo) + " to " + Signed(hi) + ")" : string.Empty).Append("</span><br>")
                        .Append("<span class=\"verdict-").Append(VerdictClass(c.Verdict)).Append("\">").Append(Text(c.Verdict is { } v ? VerdictText(v) : "no verdict")).Append("</span>");
                }

                html.Append("</td>");
            }

            html.Append("</tr>\n");
        }

        html.Append("</tbody>\n</table>\n<p class=\"caption\">Means are on the 0–10 scale; the change is in scale points with its 95% interval; days with check-ins in brackets.</p>\n");
    }

    /// <summary>The dose–response trend of each scale that has one: the change per mg of daily dose over all days.</summary>
    private static void AppendTrendTable(StringBuilder html, IReadOnlyList<ScaleAnalysis> scales)
    {
        html.Append("<h3 id=\"trend\">Dose–response trend over all days</h3>\n<table class=\"compact\" id=\"trend-table\">\n")
            .Append("<thead><tr><th>Symptom</th><th class=\"num\">Days</th><th class=\"num\">Change per mg (95% interval)</th><th>Verdict</th></tr></thead>\n<tbody>\n");
        foreach (var scale in scales.Where(s => s.CheckInDays > 0))
        {
            var t = scale.Trend;
            html.Append("<tr><th scope=\"row\">").Append(Text(scale.Scale.Label)).Append("</th><td class=\"num\">").Append(Count(t.Days)).Append("</td>");
            if (t.Status == ComparisonStatus.Estimated && t.SlopePerMg is { } slope && t.Lower is { } lo && t.Upper is { } hi)
            {
                html.Append("<td class=\"num\">").Append(Signed(slope)).Append(" (").Append(Signed(lo)).Append(" to ").Append(Signed(hi)).Append(")</td>")
                    .Append("<td><span class=\"verdict-").Append(VerdictClass(t.Verdict)).Append("\">").Append(Text(TrendText(t.Verdict))).Append("</span></td></tr>\n");
            }
            else
            {
                html.Append("<td colspan=\"2\"><span class=\"nodata\">not enough data — ").Append(Text(t.Reason ?? scale.Reason ?? "too few days with check-ins")).Append("</span></td></tr>\n");
            }
        }

        html.Append("</tbody>\n</table>\n<p class=\"caption\">Score against the daily dose in force (0 mg before the first dose), over every day with a check-in, allowing for day-to-day persistence. ")
            .Append("A titration raises the dose over time, so the trend also carries whatever else changed over those weeks.</p>\n");
    }

    private static void AppendPredictions(StringBuilder html, IReadOnlyList<ModelPrediction> predictions)
    {
        html.Append("<h3 id=\"model\">Beside it: model hypothesis (scenario A/B), not an expectation for this patient</h3>\n");
        if (predictions.Count == 0)
        {
            html.Append("<p>No model figures: the model has no parameters for the recorded condition, or no dose level was observed.</p>\n");
            return;
        }

        var first = predictions[0];
        html.Append("<table class=\"model\" id=\"model-table\">\n<thead><tr><th>Dose level</th><th class=\"num\">Dose-days observed</th><th>Usual time</th>")
            .Append("<th class=\"num\">").Append(Text($"{first.Instrument}, scenario A (%)")).Append("</th>")
            .Append("<th class=\"num\">").Append(Text($"{first.Instrument}, scenario B (%)")).Append("</th>")
            .Append("<th class=\"num\">Inflammation index, A (%)</th><th class=\"num\">Inflammation index, B (%)</th></tr></thead>\n<tbody>\n");
        foreach (var p in predictions)
        {
            html.Append("<tr><td>").Append(Text(Mg(p.DoseMg))).Append("</td><td class=\"num\">").Append(Count(p.DoseDays))
                .Append("</td><td>").Append(Text(p.At.ToString()))
                .Append("</td><td class=\"num\">").Append(Change(p.ScoreChangeA)).Append("</td><td class=\"num\">").Append(Change(p.ScoreChangeB))
                .Append("</td><td class=\"num\">").Append(Change(p.InflammationChangeA)).Append("</td><td class=\"num\">").Append(Change(p.InflammationChangeB)).Append("</td></tr>\n");
        }

        html.Append("</tbody>\n</table>\n<p class=\"caption model-label\">").Append(Text(ModelPrediction.Label))
            .Append(Text($" Columns: the modelled change at week 12 of the mean {first.Instrument} score of {first.ConditionId} ({(first.InstrumentLowerIsBetter ? "lower" : "higher")} is better; a negative change is a lower score) and of the inflammation index. "))
            .Append("Scenario A: receptor blockade follows plasma (brief daily blockade); scenario B (the default): a slow effect site and sustained partial blockade. No PET study of LDN doses decides between them.</p>\n");
    }

    private static void AppendSafety(StringBuilder html, IReadOnlyList<SafetyFinding> safety, Advice? advice)
    {
        html.Append("<section id=\"safety\">\n<h2>Safety warnings</h2>\n");
        if (safety.Count == 0)
        {
            html.Append("<p>No safety finding for the plan's doses, the medications and the profile on the report day.</p>\n");
        }
        else
        {
            html.Append("<table id=\"safety-table\">\n<thead><tr><th>Severity</th><th>Finding</th><th class=\"source\">Source</th></tr></thead>\n<tbody>\n");
            foreach (var f in safety)
            {
                html.Append("<tr><td class=\"sev-").Append(f.Severity.Name()).Append("\">").Append(f.Severity.Name()).Append("</td><td>").Append(Text(f.Message))
                    .Append(" <code>").Append(Text(f.Code)).Append("</code></td><td>").Append(Text(PublishedSource.Of(f.Source))).Append("</td></tr>\n");
            }

            html.Append("</tbody>\n</table>\n");
        }

        html.Append("</section>\n<section id=\"advice\">\n<h2>Current advice from the adjustment rules</h2>\n");
        if (advice is null)
        {
            html.Append("<p>No advice: the journal has no dose taken and no plan.</p>\n");
        }
        else
        {
            html.Append("<dl class=\"facts\">\n");
            ReportHtml.Fact(html, "Action", advice.Action);
            if (advice.SuggestedDoseMg is { } mg)
            {
                ReportHtml.Fact(html, "Suggested dose", Mg(mg));
            }

            ReportHtml.Fact(html, "Reason", advice.Reason);
            ReportHtml.Fact(html, "Source", PublishedSource.Of(advice.Source));
            ReportHtml.Fact(html, "Rule", advice.RuleId);
            html.Append("</dl>\n<p class=\"caption\">The tool's rules read the journal as of the report day; they are a checklist for the prescriber, not a prescription.</p>\n");
        }

        html.Append("</section>\n");
    }

    private static void AppendMedications(StringBuilder html, JournalData data, LocalDate asOf)
    {
        html.Append("<section id=\"medications\">\n<h2>Medications</h2>\n");
        if (data.Medications.Count == 0)
        {
            html.Append("<p>None recorded.</p>\n");
        }
        else
        {
            var zone = data.Profile.TimeZoneId;
            html.Append("<table class=\"compact\" id=\"medications-table\">\n<thead><tr><th>Medication</th><th>Since</th><th>Until</th></tr></thead>\n<tbody>\n");
            foreach (var m in data.Medications)
            {
                var until = m.Until is { } u ? LocalDay(u, zone) : (LocalDate?)null;
                html.Append("<tr><td>").Append(Text(m.Name)).Append("</td><td>").Append(Date(LocalDay(m.Since, zone)))
                    .Append("</td><td>").Append(until is { } x ? Date(x) + (x > asOf ? " (after the report day)" : string.Empty) : "still taken").Append("</td></tr>\n");
            }

            html.Append("</tbody>\n</table>\n");
        }

        html.Append("</section>\n");
    }

    private static void AppendEventsAndNotes(StringBuilder html, JournalData data)
    {
        html.Append("<section id=\"events\">\n<h2>Events and the patient's notes</h2>\n");
        if (data.Events.Count == 0)
        {
            html.Append("<p>No event (flare, infection, medication change) recorded.</p>\n");
        }
        else
        {
            html.Append("<table id=\"events-table\">\n<thead><tr><th>When</th><th>Event</th><th class=\"note\">Note</th></tr></thead>\n<tbody>\n");
            foreach (var e in data.Events.TakeLast(MaxListedEvents))
            {
                html.Append("<tr><td>").Append(Text(Local(e.At, e.TimeZoneId))).Append("</td><td>").Append(EventKinds.Name(e.Kind))
                    .Append("</td><td class=\"note\">").Append(Note(e.Note)).Append("</td></tr>\n");
            }

            html.Append("</tbody>\n</table>\n");
            if (data.Events.Count > MaxListedEvents)
            {
                html.Append("<p class=\"caption\">The latest ").Append(Count(MaxListedEvents)).Append(" of ").Append(Count(data.Events.Count)).Append(" events.</p>\n");
            }
        }

        var notes = data.Doses.Where(d => !string.IsNullOrWhiteSpace(d.Note)).Select(d => (d.At, d.TimeZoneId, What: d.Skipped ? "skipped dose" : "dose", d.Note))
            .Concat(data.CheckIns.Where(c => !string.IsNullOrWhiteSpace(c.Note)).Select(c => (c.At, c.TimeZoneId, What: "check-in", c.Note)))
            .OrderBy(n => n.At)
            .ToList();
        if (notes.Count > 0)
        {
            html.Append("<h3>Notes with doses and check-ins</h3>\n<table id=\"notes-table\">\n<thead><tr><th>When</th><th>With</th><th class=\"note\">Note</th></tr></thead>\n<tbody>\n");
            foreach (var n in notes.TakeLast(MaxListedNotes))
            {
                html.Append("<tr><td>").Append(Text(Local(n.At, n.TimeZoneId))).Append("</td><td>").Append(n.What).Append("</td><td class=\"note\">").Append(Note(n.Note)).Append("</td></tr>\n");
            }

            html.Append("</tbody>\n</table>\n");
            if (notes.Count > MaxListedNotes)
            {
                html.Append("<p class=\"caption\">The latest ").Append(Count(MaxListedNotes)).Append(" of ").Append(Count(notes.Count)).Append(" notes.</p>\n");
            }
        }

        html.Append("</section>\n");
    }

    private static void AppendFooter(StringBuilder html, JournalAnalysis analysis, DateTimeOffset generatedAt)
    {
        var stamp = Stamp(generatedAt);
        html.Append("<footer>Generated <time datetime=\"").Append(stamp).Append("\">").Append(stamp).Append("</time> by LDN Workbench from the journal as of ")
            .Append(Date(analysis.AsOf)).Append(". Charts drawn with Chart.js (MIT license). ").Append(Text(StandingNotice)).Append("</footer>\n");
    }

    // ---- Data ---------------------------------------------------------------------------------------

    /// <summary>The chart series as the drawing script reads them (the start date as yyyy-MM-dd).</summary>
    private static object ChartJson(JournalChartSeries chart) => new
    {
        startDate = Date(chart.StartDate),
        days = chart.Days,
        binDays = chart.BinDays,
        dose = chart.Dose,
        symptoms = chart.Symptoms,
        events = chart.Events,
        sideEffectKinds = chart.SideEffectKinds,
        sideEffects = chart.SideEffects,
    };

    // ---- Formatting ---------------------------------------------------------------------------------

    private static string Text(string? value) => ReportHtml.Text(value);

    /// <summary>A free note, HTML-encoded, cut at <see cref="MaxNoteChars"/> characters (never inside a surrogate pair).</summary>
    internal static string Note(string? note)
    {
        if (string.IsNullOrWhiteSpace(note))
        {
            return string.Empty;
        }

        if (note.Length <= MaxNoteChars)
        {
            return Text(note);
        }

        var cut = char.IsHighSurrogate(note[MaxNoteChars - 1]) ? MaxNoteChars - 1 : MaxNoteChars;
        return Text(note[..cut]) + $"… <span class=\"caption\">(cut; {Count(note.Length)} characters in the journal)</span>";
    }

    private static LocalDate LocalDay(Instant at, string zoneId) => at.InZone(JournalTime.Zone(zoneId)).Date;

    private static int DayNumber(LocalDate date) => date.ToDateOnly().DayNumber;

    internal static string Date(LocalDate date) => date.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture);

    private static string Local(Instant at, string zoneId) =>
        at.InZone(JournalTime.Zone(zoneId)).ToString("uuuu-MM-dd HH:mm", CultureInfo.InvariantCulture);

    private static string Stamp(DateTimeOffset at) => at.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    private static string Count(int value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static string Percent(double fraction) => ReportHtml.Fixed(fraction * 100, "0.#");

    internal static string Milligrams(decimal mg) => mg.ToString("0.###", CultureInfo.InvariantCulture);

    private static string Mg(decimal mg) => Milligrams(mg) + " mg";

    /// <summary>A 0–10 scale mean, two decimals (as in <c>docs/journal-analysis.md</c>).</summary>
    internal static string Score(double value) => ReportHtml.Fixed(value, "0.00");

    /// <summary>A change in scale points with its sign and a true minus, never "−0.00".</summary>
    internal static string Signed(double value)
    {
        var text = ReportHtml.Fixed(Math.Abs(value), "0.00");
        return (value < 0 && text != "0.00" ? "−" : "+") + text;
    }

    private static string Change(double? fraction) => fraction is { } f ? ReportHtml.SignedPercent(f) : "—";

    private static string EstimatedText(int estimated) =>
        estimated == 0 ? "none could be estimated yet (see the table for why)" : $"no clear change in the {Count(estimated)} estimated comparisons";

    /// <summary>"Higher is worse: fatigue, pain; higher is better: sleep quality, mood, focus." for the scales charted.</summary>
    private static string Directions(IEnumerable<(string Label, bool HigherIsWorse)> scales)
    {
        var list = scales.ToList();
        var worse = list.Where(s => s.HigherIsWorse).Select(s => s.Label).ToList();
        var better = list.Where(s => !s.HigherIsWorse).Select(s => s.Label).ToList();
        var parts = new List<string>(2);
        if (worse.Count > 0)
        {
            parts.Add("higher is worse: " + string.Join(", ", worse));
        }

        if (better.Count > 0)
        {
            parts.Add("higher is better: " + string.Join(", ", better));
        }

        return parts.Count == 0 ? string.Empty : char.ToUpperInvariant(parts[0][0]) + string.Join("; ", parts)[1..] + ". ";
    }

    private static string TimingName(DoseTiming timing) => timing switch
    {
        DoseTiming.Bedtime => "bedtime",
        DoseTiming.Morning => "morning",
        DoseTiming.Mixed => "bedtime and morning",
        _ => "—",
    };

    private static string TrendText(ChangeVerdict? verdict) => verdict switch
    {
        ChangeVerdict.Improved => "better with a higher dose",
        ChangeVerdict.Worse => "worse with a higher dose",
        _ => "no clear trend",
    };

    private static string WindowShort(SymptomComparison c) =>
        c.Window == ComparisonWindow.DoseLevel && c.DoseMg is { } mg ? $"at {Mg(mg)}" : "in the latest weeks";

    private static string VerdictText(ChangeVerdict verdict) => verdict switch
    {
        ChangeVerdict.Improved => "improved",
        ChangeVerdict.Worse => "worse",
        _ => "no clear change",
    };

    private static string VerdictClass(ChangeVerdict? verdict) => verdict switch
    {
        ChangeVerdict.Improved => "improved",
        ChangeVerdict.Worse => "worse",
        _ => "none",
    };

    private static string SeverityName(SideEffectSeverity severity) => severity switch
    {
        SideEffectSeverity.Mild => "mild",
        SideEffectSeverity.Moderate => "moderate",
        SideEffectSeverity.Severe => "severe",
        _ => "unknown",
    };

    private static List<string> ProfileFlags(JournalProfile profile)
    {
        var flags = new List<string>();
        if (profile.HepaticImpairment)
        {
            flags.Add("hepatic impairment");
        }

        if (profile.RenalImpairment)
        {
            flags.Add("severe renal impairment");
        }

        if (profile.Pregnant)
        {
            flags.Add("pregnancy");
        }

        if (profile.Breastfeeding)
        {
            flags.Add("breastfeeding");
        }

        if (profile.TransplantImmunosuppression)
        {
            flags.Add("transplant immunosuppression");
        }

        if (profile.PlannedSurgery is { } surgery)
        {
            flags.Add("planned surgery on " + Date(surgery));
        }

        return flags;
    }

    // ---- Inline page assets -------------------------------------------------------------------------

    private const string Styles = ReportHtml.BaseStyles + """
        .notice > strong { font-size: 1rem; }
        ul.glance { margin: 0; padding-left: 20px; }
        section > h3 { margin: 18px 0 8px; }
        #analysis-table td { font-size: 0.9rem; }
        table.compact { width: auto; min-width: 50%; }
        td.note, th.note { width: 45%; }
        td.note { overflow-wrap: anywhere; }
        td { overflow-wrap: break-word; }
        thead th.num { white-space: normal; }
        .dir { color: var(--muted); font-size: 0.85rem; }
        .nodata { color: var(--muted); font-style: italic; }
        .verdict-improved { color: #166534; font-weight: bold; }
        .verdict-worse { color: #b91c1c; font-weight: bold; }
        .sev-warning, .sev-mild { color: #92400e; }
        .sev-refusal, .sev-moderate { color: #c2410c; font-weight: bold; }
        .sev-hard-stop, .sev-severe { color: #b91c1c; font-weight: bold; }
        .warning { color: #b91c1c; }
        .table-scroll { overflow-x: auto; max-width: 100%; }
        .model { border-left: 4px solid #a855f7; }
        .model-label { font-style: italic; }
        .summary-page > section > h3 { margin: 14px 0 4px; }
        .summary-page ul.glance { margin-top: 4px; }
        .disclaimer { margin-top: 14px; }
        .stamp { white-space: nowrap; }
        @page { size: A4; margin: 12mm; }
        @media print {
          /* rem-based sizes (headings, notes, captions) scale with the body. */
          :root { font-size: 9pt; }
          body { font-size: 9pt; line-height: 1.35; }
          main { max-width: none; padding: 0; }
          h2 { margin: 14px 0 6px; break-after: avoid; }
          h3 { break-after: avoid; }
          #headline-changes { width: 100%; }
          #headline-changes .dir { white-space: nowrap; }
          /* The summary is page 1 on its own; the detail starts on page 2. */
          .summary-page { break-after: page; }
          .summary-page h2 { margin-top: 10px; }
          .notice { padding: 6px 12px; }
          dl, figure, .notice, #headline-changes { break-inside: avoid; }
          tr { break-inside: avoid; }
          thead { display: table-header-group; }
          figure { padding: 6px 8px; margin: 6px 0; }
          /* A fixed box, and a canvas that fills it and nothing more: axis labels drawn in the canvas can
             never reach the caption or the next heading, whatever size the bitmap was drawn at. */
          .chart { width: 640px !important; height: var(--print-height, 180px); overflow: hidden; }
          .chart canvas { width: 100% !important; height: 100% !important; }
          .caption, figcaption { font-size: 8pt; }
          th, td { padding: 2px 5px; }
          /* A date, and a change with its interval, stay on one line (the detail then fits three pages for a
             few months' journal). */
          #plan-steps td { white-space: nowrap; }
          #analysis-table td, #analysis-table th { font-size: 8pt; }
          #analysis-table .cell-change { white-space: nowrap; }
          .table-scroll { overflow: visible; }
          footer { margin-top: 14px; }
        }

        """;

    /// <summary>
    /// Rules for <see cref="RenderEmbedded"/> only. The workbench's own stylesheet hides a chart box until its
    /// scripts mark it drawn (<c>.chart:not(.drawn) { display: none }</c>); under that rule the report's
    /// canvases measured 0 px and Chart.js drew nothing. The report's boxes are always laid out (with the
    /// canvas's fallback text when scripts do not run), and may shrink inside a narrow column.
    /// </summary>
    private const string EmbeddedStyles = """
        .journal-report .chart, .journal-report .chart:not(.drawn) { display: block; width: 100%; min-width: 0; }
        .journal-report figure, .journal-report section { min-width: 0; }
        .journal-report dl.facts dd { overflow-wrap: anywhere; min-width: 0; }

        """;

    /// <summary>
    /// Draws the dose, symptom and side-effect charts; sets <c>data-charts-ready</c> to 3 when done. For
    /// print each chart is redrawn 640 × 180 px (the side-effect timeline keeps the height it was given, and the symptom chart grows with its legend), the
    /// size the print rules give its box (A4 less 12 mm margins and the figure's padding is about 660 px wide),
    /// so a page printed from a phone is not a phone-sized picture;
    /// the screen size comes back after printing.
    /// </summary>
    private const string AppScript = ReportHtml.ScriptStart + """
          const DAY_MS = 86400000;
          const [y0, m0, d0] = data.startDate.split('-').map(Number);
          const startMs = Date.UTC(y0, m0 - 1, d0);
          const dateOf = (x) => new Date(startMs + Math.round(x) * DAY_MS).toISOString().slice(0, 10);
          const colors = {
            dose: '#0f766e', plan: '#64748b', skipped: '#dc2626', level: '#94a3b8',
            flare: '#b91c1c', infection: '#d97706', other: '#475569',
            severity: ['#facc15', '#f97316', '#b91c1c'],
          };
          // One colour per scale by its place in the catalogue (the built-in five come first, so they keep theirs).
          const palette = ['#9333ea', '#dc2626', '#2563eb', '#16a34a', '#ea580c', '#0891b2', '#be185d', '#4d7c0f', '#7c3aed', '#b45309', '#0f172a', '#db2777'];
          const severityNames = ['mild', 'moderate', 'severe'];

          const dayAxis = (max) => ({
            type: 'linear',
            min: 0,
            max,
            // No forced tick at the bounds: the last day is rarely a round step, and its date label was drawn
            // over the step before it (seen in print by ReportPdfTests' word-box check).
            ticks: { callback: (v) => dateOf(v), maxTicksLimit: 10, maxRotation: 0, includeBounds: false },
            title: { display: true, text: 'Date (the patient\'s local days)' },
          });
          const points = (xs, ys) => xs.map((x, i) => ({ x, y: ys[i] }));
          const tooltip = (format) => ({
            callbacks: {
              title: (items) => items.length === 0 ? '' : (data.binDays > 1 ? 'Week from ' : '') + dateOf(items[0].parsed.x),
              label: (item) => item.dataset.label + ': ' + format(item),
            },
          });
          const options = (scales, format, extra) => Object.assign({
            animation: false,
            responsive: true,
            maintainAspectRatio: false,
            parsing: false,
            normalized: true,
            interaction: { mode: 'nearest', intersect: false, axis: 'x' },
            scales,
            plugins: { legend: { position: 'bottom' }, tooltip: tooltip(format) },
          }, extra);
          const mg = (item) => item.parsed.y === null ? '—' : item.parsed.y.toFixed(2).replace(/\.?0+$/, '') + ' mg';
          const oneDecimal = (item) => item.parsed.y === null ? '—' : item.parsed.y.toFixed(1);

          try {
            const charts = [];
            // The print size of a chart box (the print rules' width, and their height unless a box is given more).
            const PRINT_WIDTH = 640;
            const PRINT_HEIGHT = 180;
            const dose = data.dose;
            charts.push(new Chart(document.getElementById('chart-dose'), {
              type: 'line',
              data: {
                datasets: [
                  { label: data.binDays > 1 ? 'Dose taken (weekly mean, mg)' : 'Dose taken (mg)', data: points(dose.x, dose.taken),
                    borderColor: colors.dose, backgroundColor: colors.dose, borderWidth: 2, stepped: true, pointRadius: 0, spanGaps: false },
                  { label: 'Plan (mg)', data: dose.plan.flatMap((p) => [{ x: p.from, y: p.doseMg }, { x: p.to, y: p.doseMg }]), borderColor: colors.plan, backgroundColor: colors.plan,
                    borderWidth: 1.5, borderDash: [6, 4], pointRadius: 0, segment: { borderColor: (ctx) => ctx.p0DataIndex % 2 === 1 ? 'transparent' : colors.plan } },
                  { type: 'scatter', label: 'Skipped dose', data: dose.skipped.map((x) => ({ x, y: 0 })),
                    borderColor: colors.skipped, backgroundColor: colors.skipped, pointStyle: 'crossRot', pointRadius: 5, borderWidth: 2 },
                ],
              },
              options: options({ x: dayAxis(data.days), y: { type: 'linear', min: 0, suggestedMax: 5, title: { display: true, text: 'mg per day' } } }, mg),
            }));

            const s = data.symptoms;
            const x = dose.x;
            const symptomLine = (label, values, color) => ({
              label, data: points(x, values), borderColor: color, backgroundColor: color, borderWidth: 2, pointRadius: 0, spanGaps: false, yAxisID: 'y',
            });
            const eventColor = (kind) => colors[kind] || colors.other;
            const marked = data.events.filter((e) => e.kind === 'flare' || e.kind === 'infection');
            const eventLines = {
              id: 'eventLines',
              beforeDatasetsDraw(chart) {
                const { ctx, chartArea, scales } = chart;
                ctx.save();
                ctx.setLineDash([3, 3]);
                ctx.lineWidth = 1;
                for (const e of marked) {
                  const px = scales.x.getPixelForValue(e.x);
                  if (px < chartArea.left || px > chartArea.right) continue;
                  ctx.strokeStyle = eventColor(e.kind);
                  ctx.globalAlpha = 0.5;
                  ctx.beginPath();
                  ctx.moveTo(px, chartArea.top);
                  ctx.lineTo(px, chartArea.bottom);
                  ctx.stroke();
                }
                ctx.restore();
              },
            };
            // Every scale of the journal is a legend entry (and the dose level, flares and infections): past two
            // rows of about five the legend would squeeze the plot in a 180 px print box, so the box grows a row's
            // height per extra row.
            const legendRows = Math.ceil((s.scales.length + 3) / 5);
            if (legendRows > 2) {
              document.getElementById('chart-symptoms').parentElement.style.setProperty('--print-height', (PRINT_HEIGHT + (legendRows - 2) * 24) + 'px');
            }

            charts.push(new Chart(document.getElementById('chart-symptoms'), {
              type: 'line',
              data: {
                datasets: [
                  ...s.scales.map((scale, i) => symptomLine(scale.label, scale.values, palette[i % palette.length])),
                  { label: 'Dose level (mg)', data: points(x, s.level), borderColor: colors.level, backgroundColor: colors.level,
                    borderWidth: 2, stepped: true, pointRadius: 0, yAxisID: 'dose', spanGaps: false },
                  { type: 'scatter', label: 'Flare', data: marked.filter((e) => e.kind === 'flare').map((e) => ({ x: e.x, y: 10 })), yAxisID: 'y',
                    borderColor: colors.flare, backgroundColor: colors.flare, pointStyle: 'triangle', pointRadius: 6 },
                  { type: 'scatter', label: 'Infection', data: marked.filter((e) => e.kind === 'infection').map((e) => ({ x: e.x, y: 10 })), yAxisID: 'y',
                    borderColor: colors.infection, backgroundColor: colors.infection, pointStyle: 'triangle', pointRadius: 6 },
                ],
              },
              plugins: [eventLines],
              options: options({
                x: dayAxis(data.days),
                y: { type: 'linear', position: 'left', min: 0, max: 10.5, ticks: { stepSize: 1, callback: (v) => v <= 10 ? v : '' }, title: { display: true, text: 'Score (0–10)' } },
                dose: { type: 'linear', position: 'right', min: 0, suggestedMax: 6, grid: { drawOnChartArea: false }, title: { display: true, text: 'Dose (mg)' } },
              }, (item) => item.dataset.yAxisID === 'dose' ? mg(item) : item.dataset.type === 'scatter' ? 'logged' : oneDecimal(item)),
            }));

            const kinds = data.sideEffectKinds;
            const bars = severityNames.map((name, severity) => ({
              label: name,
              data: data.sideEffects.filter((e) => e.severity === severity).map((e) => ({ x: [e.from, e.to], y: e.kind })),
              backgroundColor: colors.severity[severity],
              borderColor: colors.severity[severity],
              borderWidth: 1,
              minBarLength: 3,
              grouped: false,
              barPercentage: 0.8,
              categoryPercentage: 1,
            }));
            document.getElementById('chart-side-effects').parentElement.style.height = Math.max(160, 90 + kinds.length * 34) + 'px';
            charts.push(new Chart(document.getElementById('chart-side-effects'), {
              type: 'bar',
              data: { labels: kinds, datasets: bars },
              options: options({
                x: dayAxis(data.days),
                y: { type: 'category', grid: { display: false } },
              }, (item) => {
                const [from, to] = item.raw.x;
                return item.raw.y + ', ' + dateOf(from) + ' to ' + dateOf(to - 1);
              }, { indexAxis: 'y', parsing: true, normalized: false, interaction: { mode: 'nearest', intersect: true } }),
            }));

            let printing = false;
            const toPrint = () => {
              if (printing) return;
              printing = true;
              // The print rules give each box this size too, so a resize its observer makes agrees with this one.
              for (const c of charts) {
                const box = c.canvas.parentElement;
                const grown = parseInt(box.style.getPropertyValue('--print-height'), 10);
                c.resize(PRINT_WIDTH, box.style.height ? parseInt(box.style.height, 10) : grown || PRINT_HEIGHT);
              }
            };
            const toScreen = () => {
              if (!printing) return;
              printing = false;
              for (const c of charts) c.resize();
            };
            window.addEventListener('beforeprint', toPrint);
            window.addEventListener('afterprint', toScreen);
            window.matchMedia('print').addEventListener('change', (e) => (e.matches ? toPrint() : toScreen()));

            document.body.dataset.chartsReady = String(charts.length);
          } catch (error) {
            fail(error && error.message ? error.message : String(error));
          }

        """ + ReportHtml.ScriptEnd;
}
