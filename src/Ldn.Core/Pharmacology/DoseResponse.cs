using System.Globalization;
using System.Runtime.ExceptionServices;
using Ldn.Core.Conditions;
using Ldn.Core.Dosing;
using Ldn.Core.Pharmacology.Parameters;
using Ldn.Core.Units;

namespace Ldn.Core.Pharmacology;

/// <summary>What to sweep: daily doses at one or more clock times for a number of weeks.</summary>
public sealed record DoseResponseRequest(
    IReadOnlyList<Mass> Doses,
    IReadOnlyList<ClockTime> Times,
    int Weeks,
    IReadOnlyList<OccupancyScenario> Scenarios,
    Formulation Formulation);

/// <summary>
/// One simulated daily regimen: <see cref="Dose"/> every 24 h at <see cref="At"/> for the requested
/// weeks, summarised as in <see cref="ExposureSummary"/> (blockade over the last dosing interval,
/// inflammation change at week 12, negative = less inflammation = benefit).
/// </summary>
public sealed record DoseResponseRow(
    OccupancyScenario Scenario,
    Mass Dose,
    ClockTime At,
    double MorPeak,
    double MorTrough,
    double SignallingOvershootHours,
    double? NocturnalSignalling,
    double? InflammationChangeWeek12);

/// <summary>The shape of one dose–response curve (benefit = −inflammation change at week 12).</summary>
public enum DoseResponseShape
{
    /// <summary>No week-12 value (horizon shorter than 12 weeks) or fewer than three doses: no verdict.</summary>
    NotAssessed,

    /// <summary>No tested dose reduces inflammation by at least <see cref="DoseResponse.ZeroBenefit"/>.</summary>
    NoBenefit,

    /// <summary>Benefit peaks at an intermediate dose and the highest dose keeps less than half of it.</summary>
    InvertedU,

    /// <summary>Benefit peaks at an intermediate dose but the highest dose keeps at least half of it.</summary>
    PeakRetained,

    /// <summary>Benefit is largest at the highest dose tested.</summary>
    Rising,

    /// <summary>Benefit is largest at the lowest dose tested; any peak lies at or below it.</summary>
    LargestAtLowest,
}

/// <summary>
/// Whether one scenario at one dosing time produces the inverted U the source documents claim; see
/// <see cref="DoseResponse.Judge"/> for the definition. Benefit fractions are positive for less inflammation.
/// </summary>
public sealed record DoseResponseVerdict(
    OccupancyScenario Scenario,
    ClockTime At,
    DoseResponseShape Shape,
    Mass? BestDose,
    double? BestInflammationChange,
    Mass HighestDose,
    double? HighestDoseInflammationChange,
    IReadOnlyList<Mass> ZeroBenefitDoses,
    string Statement)
{
    public bool InvertedU => Shape == DoseResponseShape.InvertedU;

    /// <summary>Benefit at the highest dose as a fraction of the best benefit; null without a benefit.</summary>
    public double? HighestDoseRetainedFraction =>
        BestInflammationChange is { } best && HighestDoseInflammationChange is { } highest && best < 0 ? highest / best : null;
}

public sealed record DoseResponseResult(
    DoseResponseRequest Request,
    IReadOnlyList<DoseResponseRow> Rows,
    IReadOnlyList<DoseResponseVerdict> Verdicts,
    ModelParameters Parameters,
    ConditionParameters Condition,
    bool Tlr4);

/// <summary>
/// The dose–response sweep behind <c>ldn dose-response</c>: one simulation per (dose, clock time),
/// run in parallel, and a verdict per scenario and time on whether the benefit follows an inverted U.
/// The inverted U is not built into the model; it can only emerge from blockade duration (pharmacology.md §7).
/// </summary>
public static class DoseResponse
{
    public const int MaxDoses = 50;

    public const int MaxWeeks = 520;

    /// <summary>More dosing times than hours in a day is a typo, not a comparison.</summary>
    public const int MaxTimes = 24;

    /// <summary>
    /// X of the definition: the highest dose must keep less than this fraction of the best benefit for
    /// the curve to count as an inverted U ("lost or at least halved").
    /// </summary>
    public const double InvertedUMaxRetained = 0.5;

    /// <summary>A reduction of the inflammation index smaller than this (0.05%) counts as no benefit.</summary>
    public const double ZeroBenefit = 0.0005;

    public const string Definition =
        "What-if shape test (model hypothesis, not a finding): the modelled curve counts as an inverted U when the dose with the largest modelled reduction "
        + "(most negative week-12 inflammation change) is neither the lowest nor the highest dose tested, and the highest dose keeps less than 50% of that reduction. "
        + "A modelled reduction below 0.05% counts as none.";

    public static IReadOnlyList<Mass> DefaultDoses { get; } = [.. new[] { 0.5, 1, 1.5, 3, 4.5, 6, 10, 25, 50 }.Select(Mass.FromMilligrams)];

    /// <summary>Summaries only are needed, so the time series is kept coarse.</summary>
    private static readonly Duration OutputStep = Duration.FromHours(24);

    /// <summary>
    /// Reads a comma-separated dose list (<c>0.5,1,4.5mg,1500ug</c>; a bare number is mg), checks
    /// each against <see cref="DoseLimits"/>, and returns the distinct doses in ascending order.
    /// </summary>
    public static IReadOnlyList<Mass> ParseDoses(string text)
    {
        var items = SplitList(text, "dose");
        if (items.Count > MaxDoses)
        {
            throw new InvalidInputException($"The dose list has {items.Count} doses; at most {MaxDoses} are allowed.");
        }

        var doses = new List<Mass>(items.Count);
        foreach (var item in items)
        {
            var dose = Mass.Parse(item);
            DoseLimits.Check(dose);
            doses.Add(dose);
        }

        return [.. doses.Distinct().Order()];
    }

    /// <summary>Reads a comma-separated list of clock times (<c>22:00,08:00</c>), keeping the order given.</summary>
    public static IReadOnlyList<ClockTime> ParseTimes(string text)
    {
        var items = SplitList(text, "clock time");
        if (items.Count > MaxTimes)
        {
            throw new InvalidInputException($"The clock time list has {items.Count} times; at most {MaxTimes} are allowed.");
        }

        return [.. items.Select(ClockTime.Parse).Distinct()];
    }

    /// <summary>Reads the number of weeks: a whole number from 1 to <see cref="MaxWeeks"/>.</summary>
    public static int ParseWeeks(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!int.TryParse(text.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var weeks))
        {
            throw new InvalidInputException($"'{text}' is not a number of weeks: give a whole number from 1 to {MaxWeeks}.");
        }

        CheckWeeks(weeks);
        return weeks;
    }

    /// <summary>
    /// Simulates every (clock time, dose) of <paramref name="request"/> on all cores, keeping only the summaries (no
    /// series), and calls <paramref name="progress"/> (if given, from any thread) with the number of simulations done
    /// and the total after each one.
    /// </summary>
    /// <exception cref="InvalidInputException">Too many or no doses or times, a dose out of range, or a bad number of weeks.</exception>
    public static DoseResponseResult Run(DoseResponseRequest request, ModelParameters parameters, ConditionParameters condition, bool tlr4, Action<int, int>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(condition);
        CheckWeeks(request.Weeks);
        if (request.Doses.Count == 0 || request.Doses.Count > MaxDoses)
        {
            throw new InvalidInputException($"Give between 1 and {MaxDoses} doses (got {request.Doses.Count}).");
        }

        if (request.Times.Count == 0 || request.Times.Count > MaxTimes)
        {
            throw new InvalidInputException($"Give between 1 and {MaxTimes} dosing times (got {request.Times.Count}).");
        }

        foreach (var dose in request.Doses)
        {
            DoseLimits.Check(dose);
        }

        var doses = request.Doses.Distinct().Order().ToArray();
        var times = request.Times.Distinct().ToArray();
        var scenarios = request.Scenarios.Distinct().ToArray();
        if (scenarios.Length == 0)
        {
            throw new InvalidInputException("Give at least one scenario (A, B or both).");
        }

        // One simulation per (time, dose); each computes every requested scenario in one integration.
        var summaries = new IReadOnlyList<ScenarioResult>[times.Length * doses.Length];
        var done = 0;
        try
        {
            Parallel.For(0, summaries.Length, job =>
            {
                var regimen = Regimen.Repeated(
                    doses[job % doses.Length], times[job / doses.Length], Duration.FromHours(24), 7 * request.Weeks, request.Formulation, Duration.FromDays(7 * request.Weeks));
                summaries[job] = Simulator.Run(regimen, parameters, condition, OutputStep, scenarios, tlr4, retainSeries: false).Scenarios;
                progress?.Invoke(Interlocked.Increment(ref done), summaries.Length);
            });
        }
        catch (AggregateException e) when (e.InnerExceptions.OfType<InvalidInputException>().FirstOrDefault() is { } input)
        {
            ExceptionDispatchInfo.Capture(input).Throw();
        }

        var rows = new List<DoseResponseRow>(scenarios.Length * summaries.Length);
        var verdicts = new List<DoseResponseVerdict>(scenarios.Length * times.Length);
        foreach (var scenario in scenarios)
        {
            for (var t = 0; t < times.Length; t++)
            {
                var curve = new List<DoseResponseRow>(doses.Length);
                for (var d = 0; d < doses.Length; d++)
                {
                    var s = summaries[(t * doses.Length) + d].Single(r => r.Scenario == scenario).Summary;
                    curve.Add(new DoseResponseRow(
                        scenario, doses[d], times[t], s.MorPeak, s.MorTrough, s.SignallingOvershootHoursPerDay, s.NocturnalSignalling, s.InflammationChangeWeek12));
                }

                rows.AddRange(curve);
                verdicts.Add(Judge(scenario, times[t], curve, parameters.SynthesisUpregulation));
            }
        }

        return new DoseResponseResult(request with { Doses = doses, Times = times, Scenarios = scenarios }, rows, verdicts, parameters, condition, tlr4);
    }

    /// <summary>
    /// Classifies one dose–response curve of the rebound/inflammation what-if. Benefit b(d) =
    /// −inflammationChangeWeek12 (positive = less modelled inflammation). The largest reduction is at the
    /// lowest dose reaching the largest b. The curve is an <see cref="DoseResponseShape.InvertedU"/> when that
    /// reduction is at least <see cref="ZeroBenefit"/>, its dose is neither the lowest nor the highest tested, and
    /// b(highest) &lt; <see cref="InvertedUMaxRetained"/> · b(largest). The statement is framed as a what-if
    /// (<see cref="WhatIf"/>): it names α_P when given and never states a dose as a finding.
    /// </summary>
    /// <param name="scenario">The blockade structure of the curve.</param>
    /// <param name="at">The clock time of the daily dose.</param>
    /// <param name="curve">One row per dose, any order; at least one.</param>
    /// <param name="synthesisUpregulation">α_P of the run, named in the statement; null leaves it out.</param>
    public static DoseResponseVerdict Judge(OccupancyScenario scenario, ClockTime at, IReadOnlyList<DoseResponseRow> curve, double? synthesisUpregulation = null)
    {
        ArgumentNullException.ThrowIfNull(curve);
        if (curve.Count == 0)
        {
            throw new ArgumentException("A dose–response curve needs at least one row.", nameof(curve));
        }

        var rows = curve.OrderBy(r => r.Dose).ToArray();
        var highest = rows[^1];
        var structure = scenario is OccupancyScenario.A or OccupancyScenario.B ? $"scenario {scenario}" : $"structure {scenario.Name()}";
        var alpha = synthesisUpregulation is { } a ? $"α_P = {a.ToString("0.###", CultureInfo.InvariantCulture)}, " : "";
        var label = $"What-if ({alpha}{structure}), daily dose at {at}";
        if (rows.Any(r => r.InflammationChangeWeek12 is null))
        {
            return new DoseResponseVerdict(scenario, at, DoseResponseShape.NotAssessed, null, null, highest.Dose, null, [],
                $"{label}: not assessed, because the simulation is shorter than 12 weeks and so has no week-12 inflammation change.");
        }

        var benefit = rows.Select(r => -r.InflammationChangeWeek12!.Value).ToArray();
        var zero = rows.Where((_, i) => benefit[i] < ZeroBenefit).Select(r => r.Dose).ToArray();
        var bestIndex = Array.IndexOf(benefit, benefit.Max());
        var best = rows[bestIndex];
        var top = benefit[^1];
        var none = zero.Length == 0 ? "" : $" Modelled reduction below 0.05% at {DoseList(zero)}.";

        if (rows.Length < 3)
        {
            return new DoseResponseVerdict(scenario, at, DoseResponseShape.NotAssessed, best.Dose, best.InflammationChangeWeek12, highest.Dose, highest.InflammationChangeWeek12, zero,
                $"{label}: shape not assessed, because the what-if shape test needs at least three doses (got {rows.Length}).{none}");
        }

        if (benefit[bestIndex] < ZeroBenefit)
        {
            return new DoseResponseVerdict(scenario, at, DoseResponseShape.NoBenefit, null, null, highest.Dose, highest.InflammationChangeWeek12, zero,
                $"{label}: under this what-if no tested dose lowers the modelled week-12 inflammation index by 0.05% or more.");
        }

        var retained = top / benefit[bestIndex];
        var retainedText = (retained * 100).ToString("0", CultureInfo.InvariantCulture) + "%";
        var bestText = $"{best.Dose} ({Percent(best.InflammationChangeWeek12!.Value)})";
        var topText = top < ZeroBenefit
            ? $"at the highest dose, {highest.Dose}, it is below 0.05%"
            : $"the highest dose, {highest.Dose}, keeps {retainedText} of it ({Percent(highest.InflammationChangeWeek12!.Value)})";
        var borderline = Math.Abs(retained - InvertedUMaxRetained) < 0.1
            ? " That is close to the 50% limit, so this shape hinges on the choice of limit."
            : "";
        var (shape, statement) = bestIndex switch
        {
            _ when bestIndex == rows.Length - 1 => (DoseResponseShape.Rising,
                $"under this what-if the modelled week-12 inflammation reduction is largest at the highest dose tested, {bestText}, so within the tested range it grows with dose."),
            0 when retained < InvertedUMaxRetained => (DoseResponseShape.LargestAtLowest,
                $"under this what-if the modelled week-12 inflammation reduction is largest at the lowest dose tested, {bestText}, and {topText}; the modelled peak lies below {rows[1].Dose}, the next dose tested.{borderline}"),
            0 => (DoseResponseShape.LargestAtLowest,
                $"under this what-if the modelled week-12 inflammation reduction is largest at the lowest dose tested, {bestText}, and {topText}, so it falls by less than half across the tested range.{borderline}"),
            _ when retained < InvertedUMaxRetained => (DoseResponseShape.InvertedU,
                $"under this what-if the modelled week-12 inflammation reduction peaks at an intermediate dose, {bestText}, and {topText}, less than half (the what-if shape the definition calls an inverted U).{borderline}"),
            _ => (DoseResponseShape.PeakRetained,
                $"under this what-if the modelled week-12 inflammation reduction peaks at an intermediate dose, {bestText}, but {topText}, not less than half.{borderline}"),
        };
        return new DoseResponseVerdict(scenario, at, shape, best.Dose, best.InflammationChangeWeek12, highest.Dose, highest.InflammationChangeWeek12, zero,
            $"{label}: {statement}{none}");
    }

    private static void CheckWeeks(int weeks)
    {
        if (weeks < 1 || weeks > MaxWeeks)
        {
            throw new InvalidInputException($"The number of weeks must be a whole number from 1 to {MaxWeeks}, about ten years (got {weeks}).");
        }
    }

    private static List<string> SplitList(string text, string what)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new InvalidInputException($"The {what} list is empty; give comma-separated values.");
        }

        var items = text.Split(',').Select(item => item.Trim()).ToList();
        if (items.Any(item => item.Length == 0))
        {
            throw new InvalidInputException($"The {what} list '{text}' has an empty item; separate values with single commas.");
        }

        return items;
    }

    /// <summary>A relative change as a signed percentage with one decimal, e.g. −11.8%.</summary>
    public static string Percent(double change)
    {
        var text = (change * 100).ToString("0.0", CultureInfo.InvariantCulture);
        return (text is "-0.0" ? "0.0" : text.Replace("-", "−", StringComparison.Ordinal)) + "%";
    }

    private static string DoseList(IReadOnlyList<Mass> doses) =>
        string.Join(", ", doses.Select(d => d.Milligrams.ToString("0.###", CultureInfo.InvariantCulture))) + " mg";
}
