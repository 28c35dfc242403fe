using System.Text;
using Ldn.Core.Advice;
using Ldn.Core.Dosing;
using Ldn.Core.Evidence;
using Ldn.Core.Journal;
using Ldn.Core.Journal.Analysis;
using Ldn.Core.Safety;
using NodaTime;

namespace Ldn.Reports;

/// <summary>
/// The report's first page: a one-page summary a prescriber can read alone — the title, the standing
/// notice, the at-a-glance lines, the plan in force and adherence, one headline change per symptom with its
/// 95% interval, the safety findings and the current advice, and the disclaimer. In print it ends with a
/// page break (<c>break-after: page</c>); the detail follows on the next pages.
/// </summary>
public static partial class JournalReport
{
    /// <summary>
    /// Safety findings listed on the summary page; more are counted and left to the safety section, so the
    /// summary stays on one A4 page however many findings there are.
    /// </summary>
    public const int MaxSummaryFindings = 4;

    /// <summary>
    /// Scales given a row in the summary's headline table; the rest are named in one line and compared in
    /// the detail. A journal may carry any number of scales of its own, and twenty rows push the summary onto
    /// a second page; the five default scales and one of the patient's own fit.
    /// </summary>
    public const int MaxSummaryScales = 6;

    /// <summary>Clear changes named in the at-a-glance line; more are counted.</summary>
    public const int MaxGlanceChanges = 6;

    /// <summary>Names listed in one summary line before the rest are counted ("and 4 more").</summary>
    private const int MaxListedNames = 5;

    private static void AppendSummaryPage(
        StringBuilder html, JournalData data, JournalAnalysis analysis, Advice? advice, IReadOnlyList<SafetyFinding> safety, DateTimeOffset generatedAt)
    {
        html.Append("<div class=\"summary-page\" id=\"summary\">\n");
        AppendHeader(html, data, analysis, generatedAt);
        AppendSummary(html, analysis, advice, safety);
        AppendSummaryPlan(html, data, analysis);
        AppendHeadlineChanges(html, analysis);
        AppendSummarySafety(html, safety);
        AppendSummaryAdvice(html, advice);
        html.Append("<p class=\"caption disclaimer\">").Append(Text(StandingNotice))
            .Append(" The detail — patient and period, plan versions, charts, side effects, every comparison, medications and notes — follows on the next pages.</p>\n")
            .Append("</div>\n");
    }

    private static void AppendSummaryPlan(StringBuilder html, JournalData data, JournalAnalysis analysis)
    {
        html.Append("<section id=\"summary-plan\">\n<h3>Plan and adherence</h3>\n<p>");
        var version = data.Plans.LastOrDefault(p => p.From <= analysis.AsOf);
        var step = version?.StepOn(analysis.AsOf) ?? version?.Steps.LastOrDefault(s => LocalDate.FromDateOnly(s.From) <= analysis.AsOf);
        if (version is null || step is null)
        {
            html.Append("No titration plan in force on the report day.");
        }
        else
        {
            var target = version.Steps[^1];
            html.Append(Text($"In force: version {version.Id}, step {Count(step.Number)} of {Count(version.Steps.Count)} — {Mg(step.DoseMg)} at {step.At} ({step.Formulation.Name()}) since {step.From:yyyy-MM-dd}"))
                .Append(Text(target.Number == step.Number ? "; this is the plan's last step." : $"; the plan's last step is {Mg(target.DoseMg)} from {target.From:yyyy-MM-dd}."));
        }

        var adherence = analysis.Adherence;
        html.Append("<br><b>Adherence:</b> ")
            .Append(adherence.Share is { } share
                ? $"{Percent(share)}% — {Count(adherence.Taken)} of {Count(adherence.Expected)} {(adherence.FromPlan ? "planned dose-days" : "logged doses")} taken"
                : "nothing to measure yet")
            .Append(adherence.FromPlan ? $"; {Count(adherence.OffPlanDays)} off the planned dose, {Count(adherence.OffTimeDays)} off the planned time of day" : string.Empty)
            .Append(".</p>\n</section>\n");
    }

    /// <summary>
    /// One row per scale: its headline comparison (<see cref="Headline"/>) with the change, its 95% interval and
    /// the verdict, or the one reason it could not be estimated.
    /// </summary>
    private static void AppendHeadlineChanges(StringBuilder html, JournalAnalysis analysis)
    {
        html.Append("<section id=\"summary-symptoms\">\n<h3>Headline symptom changes from baseline</h3>\n");
        if (analysis.Scales.All(s => s.CheckInDays == 0))
        {
            html.Append("<p>No comparison: no check-ins up to the report day.</p>\n</section>\n");
            return;
        }

        html.Append("<table class=\"compact\" id=\"headline-changes\">\n<thead><tr><th>Symptom</th><th>Window</th><th class=\"num\">Baseline</th><th class=\"num\">Window mean</th>")
            .Append("<th class=\"num\">Change (95% interval)</th><th>Verdict</th></tr></thead>\n<tbody>\n");
        // Scales with a clear change first, then the other estimated ones, each in the journal's order; a scale
        // with nothing to compare gets no row of its own but is named below the table.
        var estimated = analysis.Scales.Where(s => Headline(s) is not null).ToList();
        var shown = estimated.Where(s => Headline(s)!.Verdict is ChangeVerdict.Improved or ChangeVerdict.Worse)
            .Concat(estimated.Where(s => Headline(s)!.Verdict is not (ChangeVerdict.Improved or ChangeVerdict.Worse)))
            .Take(MaxSummaryScales)
            .ToHashSet();
        var unestimated = analysis.Scales.Where(s => Headline(s) is null).ToList();
        if (shown.Count == 0 && unestimated.Count <= MaxSummaryScales)
        {
            shown = [.. unestimated];
            unestimated.Clear();
        }

        foreach (var scale in analysis.Scales.Where(shown.Contains))
        {
            html.Append("<tr><th scope=\"row\">").Append(Text(scale.Scale.Label)).Append(" <span class=\"dir\">")
                .Append(scale.Scale.HigherIsWorse ? "lower is better" : "higher is better").Append("</span></th>");
            if (Headline(scale) is not { WindowMean: { } mean, MeanChange: { } change } c)
            {
                html.Append("<td colspan=\"5\"><span class=\"nodata\">not enough data — ")
                    .Append(Text(scale.Reason ?? scale.Comparisons.Select(x => x.Reason).FirstOrDefault(r => r is not null) ?? "too few days with check-ins"))
                    .Append("</span></td></tr>\n");
                continue;
            }

            html.Append("<td>").Append(Text(WindowName(c))).Append(c.WindowFrom is { } from && c.WindowTo is { } to ? $"<br><span class=\"dir\">{Date(from)} to {Date(to)}</span>" : string.Empty)
                .Append("</td><td class=\"num\">").Append(c.BaselineMean is { } b ? Score(b) : "—")
                .Append("</td><td class=\"num\">").Append(Score(mean))
                .Append("</td><td class=\"num\">").Append(Signed(change))
                .Append(c.Lower is { } lo && c.Upper is { } hi ? " (" + Signed(lo) + " to " + Signed(hi) + ")" : string.Empty)
                .Append("</td><td><span class=\"verdict-").Append(VerdictClass(c.Verdict)).Append("\">").Append(Text(c.Verdict is { } v ? VerdictText(v) : "no verdict"))
                .Append("</span></td></tr>\n");
        }

        html.Append("</tbody>\n</table>\n");
        var moreEstimated = estimated.Count - estimated.Count(shown.Contains);
        if (moreEstimated > 0 || unestimated.Count > 0)
        {
            html.Append("<p class=\"caption\" id=\"summary-more-scales\">")
                .Append(moreEstimated > 0 ? Text($"{Count(moreEstimated)} more scale{(moreEstimated == 1 ? "" : "s")} with a comparison in the detail. ") : string.Empty)
                .Append(unestimated.Count > 0 ? Text($"Not enough check-ins yet to compare: {Names(unestimated.Select(s => s.Scale.Label))}.") : string.Empty)
                .Append("</p>\n");
        }

        html.Append("<p class=\"caption\">Scores 0–10; change = window mean − baseline mean, in scale points; a verdict only where the interval excludes 0. ")
            .Append("The window is the latest weeks where they could be estimated, else the latest dose level. Every window is in the detail.</p>\n</section>\n");
    }

    /// <summary>The comparison a prescriber asks about first: the latest weeks on LDN, else the latest dose level that could be estimated; null if none could.</summary>
    private static SymptomComparison? Headline(ScaleAnalysis scale)
    {
        var estimated = scale.Comparisons.Where(c => c.Status == ComparisonStatus.Estimated && c.WindowMean is not null && c.MeanChange is not null).ToList();
        return estimated.FirstOrDefault(c => c.Window == ComparisonWindow.Recent) ?? estimated.LastOrDefault();
    }

    /// <summary>Up to <see cref="MaxListedNames"/> names joined with commas, the rest counted: "a, b, c and 4 more".</summary>
    private static string Names(IEnumerable<string> names)
    {
        var all = names.ToList();
        return all.Count <= MaxListedNames
            ? string.Join(", ", all)
            : string.Join(", ", all.Take(MaxListedNames)) + $" and {Count(all.Count - MaxListedNames)} more";
    }

    private static string WindowName(SymptomComparison c) =>
        c.Window == ComparisonWindow.DoseLevel && c.DoseMg is { } mg ? "At " + Mg(mg) : "Latest weeks";

    private static void AppendSummarySafety(StringBuilder html, IReadOnlyList<SafetyFinding> safety)
    {
        html.Append("<section id=\"summary-safety\">\n<h3>Safety findings</h3>\n");
        if (safety.Count == 0)
        {
            html.Append("<p>None for the plan's doses, the medications and the profile on the report day.</p>\n</section>\n");
            return;
        }

        html.Append("<ul class=\"glance\">\n");
        foreach (var f in safety.OrderByDescending(f => f.Severity).Take(MaxSummaryFindings))
        {
            html.Append("<li><span class=\"sev-").Append(f.Severity.Name()).Append("\">").Append(f.Severity.Name()).Append("</span>: ").Append(Text(f.Message)).Append("</li>\n");
        }

        if (safety.Count > MaxSummaryFindings)
        {
            html.Append("<li>").Append(Count(safety.Count - MaxSummaryFindings)).Append(" more in the safety section.</li>\n");
        }

        html.Append("</ul>\n</section>\n");
    }

    private static void AppendSummaryAdvice(StringBuilder html, Advice? advice)
    {
        html.Append("<section id=\"summary-advice\">\n<h3>Current advice</h3>\n<p>");
        if (advice is null)
        {
            html.Append("None: the journal has no dose taken and no plan.");
        }
        else
        {
            html.Append("<b>").Append(Text(advice.Action)).Append("</b>")
                .Append(advice.SuggestedDoseMg is { } mg ? " (" + Text(Mg(mg)) + ")" : string.Empty)
                .Append(": ").Append(Text(advice.Reason))
                .Append(" <span class=\"dir\">Source: ").Append(Text(PublishedSource.Of(advice.Source))).Append(".</span>");
        }

        html.Append("</p>\n<p class=\"caption\">The rules read the journal as of the report day; a checklist for the prescriber, not a prescription.</p>\n</section>\n");
    }
}
