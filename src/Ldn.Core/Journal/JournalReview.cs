using Ldn.Core.Advice;
using Ldn.Core.Journal.Analysis;
using Ldn.Core.Safety;
using NodaTime;

namespace Ldn.Core.Journal;

/// <summary>
/// What a prescriber's review of the journal shows as of one day, before any rendering: the analysis,
/// the safety findings and the rules' advice (null when there is neither a plan nor a dose to reason
/// about). The CLI's report and the web's report page render the same review.
/// </summary>
public sealed record JournalReview(JournalAnalysis Analysis, IReadOnlyList<SafetyFinding> Safety, Advice.Advice? Advice)
{
    /// <param name="data">The journal up to <paramref name="today"/>.</param>
    /// <param name="today">The report day (the journal's zone).</param>
    /// <param name="options">Analysis settings; null for the defaults.</param>
    /// <param name="now">The current instant: a dose not yet due then is not counted as missed; null counts the whole day.</param>
    public static JournalReview Of(JournalData data, LocalDate today, AnalysisOptions? options = null, Instant? now = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        var advice = data.Plan is not null || data.Doses.Any(d => !d.Skipped)
            ? AdjustmentRules.Decide(JournalAdvice.StateOn(data, today))
            : null;
        return new JournalReview(JournalAnalyzer.Analyze(data, today, options, now), JournalSafety.Evaluate(data, today), advice);
    }
}
