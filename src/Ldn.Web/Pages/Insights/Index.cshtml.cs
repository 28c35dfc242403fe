using System.Globalization;
using Ldn.Core.Advice;
using Ldn.Core.Journal;
using Ldn.Core.Journal.Analysis;
using Ldn.Web.Journal;
using Ldn.Web.Pages.Journal;
using Microsoft.AspNetCore.Mvc;
using NodaTime;

namespace Ldn.Web.Pages.Insights;

/// <summary>
/// <c>/insights</c>, the patient's journal analysed as <c>GET /api/analysis</c> analyses it (<see cref="JournalAnalyzer"/>
/// over the journal up to today with the current instant): per scale the baseline against each window on
/// treatment with the change's 95% interval and a plain-words status (no verdict where the interval includes
/// no change; "not enough data" with its reason), adherence (doses taken of those planned), the side-effect
/// timeline, and a chart per scored scale with the dose level overlaid (<see cref="InsightsChart"/>, from
/// <see cref="JournalChartSeries"/>), each with a caption and a table. A journal with no entries shows how to start.
/// </summary>
internal sealed class InsightsModel(PatientJournals journals) : PatientPageModel(journals)
{
    /// <summary>What the page shows of the journal.</summary>
    public InsightsView? View { get; private set; }

    public IActionResult OnGet() => Show();

    protected override void Load(JournalService journal) => View = InsightsView.Of(journal);

    /// <summary>A mean score as the page writes it (one decimal, invariant); "—" for none.</summary>
    public static string Mean(double? value) => value is { } v ? v.ToString("0.0", CultureInfo.InvariantCulture) : "—";

    /// <summary>A change in scale points with its sign ("+0.4", "-1.2", "0.0"); "—" for none.</summary>
    public static string Change(double? value) => value is { } v ? v.ToString("+0.0;-0.0;0.0", CultureInfo.InvariantCulture) : "—";

    /// <summary>The change's 95% interval ("-1.8 to -0.6"); "—" without one.</summary>
    public static string Interval(SymptomComparison comparison)
    {
        ArgumentNullException.ThrowIfNull(comparison);
        return comparison.Lower is { } lower && comparison.Upper is { } upper ? $"{Change(lower)} to {Change(upper)}" : "—";
    }

    /// <summary>The window compared, in words: "at 1.5 mg" or "latest weeks (2026-11-03 to 2026-12-01)".</summary>
    public static string Window(SymptomComparison comparison)
    {
        ArgumentNullException.ThrowIfNull(comparison);
        var days = comparison.WindowFrom is { } from && comparison.WindowTo is { } to ? $" ({Date(from)} to {Date(to)})" : "";
        return comparison.Window == ComparisonWindow.DoseLevel && comparison.DoseMg is { } mg
            ? $"at {AdviceState.Mg(mg)}{days}"
            : $"latest weeks{days}";
    }

    /// <summary>
    /// The status in plain words: a verdict only when the 95% interval excludes no change; otherwise that the
    /// data cannot tell; without an estimate the reason (the comparison's, else the scale's).
    /// </summary>
    public static string Status(SymptomComparison comparison, ScaleAnalysis scale)
    {
        ArgumentNullException.ThrowIfNull(comparison);
        ArgumentNullException.ThrowIfNull(scale);
        if (comparison.Status == ComparisonStatus.NotEnoughData)
        {
            return "Not enough data: " + (comparison.Reason ?? scale.Reason ?? "too few days with check-ins.");
        }

        return comparison.Verdict switch
        {
            ChangeVerdict.Improved => "Better than before LDN: the whole 95% interval is on the better side.",
            ChangeVerdict.Worse => "Worse than before LDN: the whole 95% interval is on the worse side.",
            _ => "No clear change: the 95% interval includes no change, so the data cannot tell.",
        };
    }

    /// <summary>A rate per 100 dose-days with its 95% interval ("50.0 (18.8–81.2)").</summary>
    public static string Rate(IncidenceGroup group)
    {
        ArgumentNullException.ThrowIfNull(group);
        return string.Create(CultureInfo.InvariantCulture, $"{group.Per100DoseDays:0.0} ({group.Lower95:0.0}–{group.Upper95:0.0})");
    }

    /// <summary>The side-effect kinds of a group with their days ("vivid-dreams 3 d, nausea 1 d"); "—" for none.</summary>
    public static string Kinds(IncidenceGroup group)
    {
        ArgumentNullException.ThrowIfNull(group);
        return group.Kinds.Count == 0 ? "—" : string.Join(", ", group.Kinds.Select(k => string.Create(CultureInfo.InvariantCulture, $"{k.Kind} {k.Days} d")));
    }

    /// <summary>A share as a whole percentage ("86%"); "—" for none.</summary>
    public static string Percent(double? share) => share is { } s ? s.ToString("0%", CultureInfo.InvariantCulture) : "—";

    public static string Date(LocalDate date) => date.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture);
}
