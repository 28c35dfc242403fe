using Ldn.Core.Journal;
using Ldn.Core.Advice;
using Ldn.Core.Journal.Analysis;

namespace Ldn.Web.Pages.Insights;

/// <summary>
/// What Insights shows of a journal, read once: the analysis of <c>GET /api/analysis</c> (<see cref="JournalAnalyzer"/>
/// over the journal up to today with the current instant), a chart per scored scale with the dose level
/// overlaid (<see cref="InsightsChart"/>, from <see cref="JournalChartSeries"/>), the side-effect timeline with
/// the incidence per dose level (the analysis's <see cref="SideEffectIncidence"/>) and the journal's events.
/// <c>_InsightsView.cshtml</c> renders it for the patient's <c>/insights</c> and, with <see cref="ReadOnly"/>,
/// for a clinician's <c>/patients/{id}/insights</c> (no links to the patient's own pages).
/// </summary>
/// <param name="Analysis">The analysis shown (as of today in the journal's zone).</param>
/// <param name="Charts">One chart per scored scale, in the catalogue's order.</param>
/// <param name="SideEffects">Every side-effect episode up to today, oldest first.</param>
/// <param name="Events">The journal's events on the charted days, oldest first.</param>
internal sealed record InsightsView(JournalAnalysis Analysis, IReadOnlyList<InsightsChart> Charts, IReadOnlyList<SideEffectRow> SideEffects, IReadOnlyList<EventRow> Events)
{
    /// <summary>True for someone reading another's journal: no links to the patient's own pages.</summary>
    public bool ReadOnly { get; init; }

    /// <summary>True when the journal has no entry up to today: the page shows how to start.</summary>
    public bool Empty => Analysis.DaysCovered == 0;

    /// <summary>Reads Insights from <paramref name="journal"/> up to its today.</summary>
    public static InsightsView Of(JournalService journal)
    {
        ArgumentNullException.ThrowIfNull(journal);
        var data = journal.LoadUpTo(journal.Today);
        var analysis = JournalAnalyzer.Analyze(data, journal.Today, null, journal.Now);
        var series = JournalChartSeries.Build(data, analysis);
        return new(analysis, InsightsChart.For(series), [.. series.SideEffects
            .OrderBy(e => e.From)
            .Select(e => new SideEffectRow(e.Kind, series.StartDate.PlusDays(e.From), e.Ongoing ? null : series.StartDate.PlusDays(e.To - 1), ((SideEffectSeverity)e.Severity).ToString().ToLowerInvariant()))],
            [.. series.Events.OrderBy(e => e.X).Select(e => new EventRow(series.StartDate.PlusDays(e.X), e.Kind))]);
    }
}
