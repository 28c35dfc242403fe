using Ldn.Core.Protocols;
using NodaTime;

namespace Ldn.Core.Journal;

/// <summary>
/// One version of the journal's titration plan: a plan document (the JSON of <c>ldn plan --json</c>) in
/// force from <see cref="From"/> (a local date in the journal's zone) until the day before the next
/// version's <see cref="From"/>. Versions are never overwritten: <c>plan set</c> and <c>plan adjust</c>
/// add one, and undo deletes the newest. The steps are parsed once, when the version is made.
/// </summary>
public sealed record PlanVersion : IJournalEntry
{
    /// <exception cref="InvalidInputException"><paramref name="planJson"/> is not a usable plan document.</exception>
    public PlanVersion(long id, LocalDate from, Instant setAt, string planJson, string? adjustment = null)
    {
        ArgumentNullException.ThrowIfNull(planJson);
        Id = id;
        From = from;
        SetAt = setAt;
        PlanJson = planJson;
        Adjustment = adjustment;
        Steps = PlanDocument.ReadSteps(planJson, "the journal's plan");
    }

    /// <summary>A first version: in force from the plan's first step.</summary>
    /// <exception cref="InvalidInputException"><paramref name="planJson"/> is not a usable plan document.</exception>
    public static PlanVersion Initial(string planJson, Instant setAt)
    {
        var steps = PlanDocument.ReadSteps(planJson, "the journal's plan");
        return new PlanVersion(0, LocalDate.FromDateOnly(steps[0].From), setAt, planJson, "set");
    }

    public JournalEntryKind Kind => JournalEntryKind.Plan;

    public long Id { get; init; }

    public int Revision { get; init; } = 1;

    /// <summary>The first day this version is in force (local date in the journal's zone).</summary>
    public LocalDate From { get; init; }

    /// <summary>When the version was made.</summary>
    public Instant SetAt { get; init; }

    /// <summary>The plan document as stored (the JSON of <c>ldn plan --json</c>, possibly with a <c>pendingSteps</c> list kept by a hold).</summary>
    public string PlanJson { get; }

    /// <summary>How the version came about: null or "set" for <c>plan set</c>, else the adjustment (hold, step-down, advance, move-to-morning, move-to-evening).</summary>
    public string? Adjustment { get; init; }

    /// <summary>The plan's dated steps, parsed once.</summary>
    public IReadOnlyList<PlanStep> Steps { get; }

    /// <summary>
    /// The steps in force while the version is: those overlapping [<see cref="From"/>, <paramref name="end"/>]
    /// (end null: open), the first starting no earlier than <see cref="From"/> and the last ending no later than
    /// <paramref name="end"/>, numbered from 1. Empty when the version was replaced on its first day.
    /// </summary>
    public IReadOnlyList<PlanStep> StepsInForce(LocalDate? end)
    {
        var start = From.ToDateOnly();
        DateOnly? last = end?.ToDateOnly();
        if (last < start)
        {
            return [];
        }

        return [.. Steps
            .Where(s => (s.To is null || s.To >= start) && (last is null || s.From <= last))
            .Select((s, i) => s with
            {
                Number = i + 1,
                From = s.From < start ? start : s.From,
                To = last is { } l && (s.To is null || s.To > l) ? l : s.To,
            })];
    }

    /// <summary>The step whose dates hold <paramref name="day"/>, or null before the first step (or after a closed last one).</summary>
    public PlanStep? StepOn(LocalDate day)
    {
        var date = day.ToDateOnly();
        return Steps.LastOrDefault(s => s.From <= date && (s.To is null || s.To >= date));
    }
}
