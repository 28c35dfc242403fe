using System.Globalization;
using Ldn.Core.Conditions;
using Ldn.Core.Pharmacology;

namespace Ldn.Core.Trials;

/// <summary>One fitted value and what it achieves.</summary>
public sealed record CalibrationFit(string Parameter, double Value, string Target);

/// <summary>The result of calibrating one condition: fitted values and a readable account.</summary>
public sealed record CalibrationReport(string Condition, OccupancyScenario Scenario, int Repetitions, long Seed, IReadOnlyList<CalibrationFit> Fits, IReadOnlyList<string> Lines);

/// <summary>
/// Fits a condition's mechanism and placebo parameters so that virtual trials reproduce published
/// arms (scenario A: under scenario B, 4.5 mg gives no mechanism benefit whatever I_max is).
/// Deterministic: fixed seed and common random numbers across trial values, so the predicted
/// statistics are smooth enough in the parameter for bisection and golden-section search.
/// </summary>
public static class Calibration
{
    public const int DefaultRepetitions = 200;

    public static IReadOnlyList<string> Conditions { get; } = ["crohns-disease", "fibromyalgia", "multiple-sclerosis"];

    public static CalibrationReport Run(string condition, int repetitions = DefaultRepetitions, long seed = TrialSimulator.DefaultSeed, Action<string>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(condition);
        var id = ConditionCatalog.Find(condition).Id;
        return id switch
        {
            "crohns-disease" => Crohns(repetitions, seed, progress),
            "fibromyalgia" => Fibromyalgia(repetitions, seed, progress),
            "multiple-sclerosis" => MultipleSclerosis(repetitions, seed, progress),
            _ => throw new InvalidInputException($"There is no calibration for '{condition}'; calibrated conditions: {string.Join(", ", Conditions)}."),
        };
    }

    /// <summary>Smith 2011: placebo mean to the 40% placebo responders, then I_max to the 88% LDN responders.</summary>
    public static CalibrationReport Crohns(int repetitions, long seed, Action<string>? progress = null)
    {
        var design = TrialPresets.Find("smith-2011");
        var placeboArm = design.Arms.Single(a => a.IsPlacebo);
        var drugArm = design.Arms.Single(a => !a.IsPlacebo);
        var lines = new List<string>();

        double PlaceboRate(double placeboMaximum) =>
            Arm(design, placeboArm, With(design.Condition, placeboMaximum: placeboMaximum), repetitions, seed).ResponderRate;
        var placebo = Bisect(PlaceboRate, placeboArm.PublishedResponderRate!.Value, 0, 0.6, 20, Log(progress, "placeboMaximum", "placebo responder rate"));

        var withPlacebo = With(design.Condition, placeboMaximum: placebo);
        double DrugRate(double maxInhibition) =>
            Arm(design, drugArm, With(withPlacebo, maxInhibition: maxInhibition), repetitions, seed).ResponderRate;
        var imax = Bisect(DrugRate, drugArm.PublishedResponderRate!.Value, 0, 1, 6, Log(progress, "maxInhibition", "LDN responder rate"));

        var fitted = With(withPlacebo, maxInhibition: imax);
        var check = TrialSimulator.Run(design with { Condition = fitted }, [OccupancyScenario.A, OccupancyScenario.B], repetitions, seed);
        lines.Add(Fmt($"Smith 2011 under scenario A, {repetitions} repetitions, seed {seed}: placeboMaximum = {placebo:0.0000}, maxInhibition = {imax:0.0000}."));
        lines.AddRange(Describe(check));
        return new CalibrationReport(
            "crohns-disease", OccupancyScenario.A, repetitions, seed,
            [new("placeboMaximum", placebo, "Smith 2011 placebo responders 40%"), new("maxInhibition", imax, "Smith 2011 LDN responders 88% (scenario A)")],
            lines);
    }

    /// <summary>
    /// Younger 2013 and FINAL 2024: placebo mean to the average of the two placebo arms, then I_max by
    /// golden-section search on the sum of squared standardised errors of the two drug − placebo differences.
    /// </summary>
    public static CalibrationReport Fibromyalgia(int repetitions, long seed, Action<string>? progress = null)
    {
        var younger = TrialPresets.Find("younger-2013");
        var final = TrialPresets.Find("final-2024");
        var yPlacebo = younger.Arms.Single(a => a.IsPlacebo);
        var fPlacebo = final.Arms.Single(a => a.IsPlacebo);
        var target = (yPlacebo.PublishedMeanChange!.Value + fPlacebo.PublishedMeanChange!.Value) / 2;

        double PlaceboChange(double placeboMaximum)
        {
            var c = With(younger.Condition, placeboMaximum: placeboMaximum);
            return (Arm(younger, yPlacebo, c, repetitions, seed).MeanChange + Arm(final, fPlacebo, c, repetitions, seed).MeanChange) / 2;
        }

        var placebo = Bisect(PlaceboChange, target, 0, 0.6, 20, Log(progress, "placeboMaximum", "mean placebo change"));
        var withPlacebo = With(younger.Condition, placeboMaximum: placebo);

        (double Younger, double Final) Differences(double maxInhibition)
        {
            var c = With(withPlacebo, maxInhibition: maxInhibition);
            var dy = Difference(younger, c, repetitions, seed);
            var df = Difference(final, c, repetitions, seed);
            progress?.Invoke(Fmt($"  maxInhibition = {maxInhibition:0.0000} → differences Younger {dy:0.000}, FINAL {df:0.000}"));
            return (dy, df);
        }

        double Objective((double Younger, double Final) d) =>
            Square((d.Younger - younger.PublishedDifference!.Value) / younger.PublishedDifference.StandardError!.Value)
            + Square((d.Final - final.PublishedDifference!.Value) / final.PublishedDifference.StandardError!.Value);

        // Both differences are close to linear in I_max: fit lines through two points, take the
        // weighted least-squares minimum, and refit through the two points nearest it.
        var points = new List<(double X, (double Younger, double Final) D)> { (0.2, Differences(0.2)), (0.6, Differences(0.6)) };
        var imax = 0.0;
        for (var round = 0; round < 3; round++)
        {
            var near = points.OrderBy(p => Math.Abs(p.X - imax)).Take(2).OrderBy(p => p.X).ToArray();
            imax = Math.Clamp(WeightedLeastSquares(near[0], near[1], younger.PublishedDifference!, final.PublishedDifference!), 0, 1);
            if (points.Any(p => Math.Abs(p.X - imax) < 1e-4))
            {
                break;
            }

            points.Add((imax, Differences(imax)));
        }

        var objective = Objective(points.First(p => Math.Abs(p.X - imax) < 1e-4).D);
        var fitted = With(withPlacebo, maxInhibition: imax);
        var lines = new List<string>
        {
            Fmt($"Younger 2013 + FINAL 2024 under scenario A, {repetitions} repetitions, seed {seed}: placeboMaximum = {placebo:0.0000}, maxInhibition = {imax:0.0000}, objective (sum of squared standardised errors) = {objective:0.000}."),
        };
        foreach (var design in new[] { younger, final })
        {
            lines.AddRange(Describe(TrialSimulator.Run(design with { Condition = fitted }, [OccupancyScenario.A, OccupancyScenario.B], repetitions, seed)));
        }

        return new CalibrationReport(
            "fibromyalgia", OccupancyScenario.A, repetitions, seed,
            [new("placeboMaximum", placebo, "mean of the Younger 2013 and FINAL 2024 placebo changes"), new("maxInhibition", imax, "drug − placebo differences of Younger 2013 and FINAL 2024 (scenario A)")],
            lines);
    }

    /// <summary>Cree 2010: I_max to the SF-36 MCS difference of +3.3 (placebo mean as in the file: no per-arm data).</summary>
    public static CalibrationReport MultipleSclerosis(int repetitions, long seed, Action<string>? progress = null)
    {
        var design = TrialPresets.Find("cree-2010");
        var target = design.PublishedDifference!.Value;
        double Difference(double maxInhibition) =>
            TrialSimulator.Run(design with { Condition = With(design.Condition, maxInhibition: maxInhibition) }, [OccupancyScenario.A], repetitions, seed).Differences[0].MeanChange;
        var imax = Bisect(Difference, target, 0, 1, 6, Log(progress, "maxInhibition", "MCS difference"));
        var fitted = With(design.Condition, maxInhibition: imax);
        var lines = new List<string> { Fmt($"Cree 2010 under scenario A, {repetitions} repetitions, seed {seed}: maxInhibition = {imax:0.0000}.") };
        lines.AddRange(Describe(TrialSimulator.Run(design with { Condition = fitted }, [OccupancyScenario.A, OccupancyScenario.B], repetitions, seed)));
        return new CalibrationReport(
            "multiple-sclerosis", OccupancyScenario.A, repetitions, seed,
            [new("maxInhibition", imax, "Cree 2010 SF-36 MCS difference +3.3 (scenario A)")],
            lines);
    }

    /// <summary>The condition with some parameters replaced (the rest as read from its file).</summary>
    public static ConditionDefinition With(ConditionDefinition condition, double? maxInhibition = null, double? placeboMaximum = null)
    {
        ArgumentNullException.ThrowIfNull(condition);
        var p = condition.Parameters;
        return condition with
        {
            Parameters = p with
            {
                MaxInhibition = maxInhibition ?? p.MaxInhibition,
                PlaceboMaximum = placeboMaximum ?? p.PlaceboMaximum,
            },
        };
    }

    /// <summary>
    /// Root of f(x) = target on [lo, hi] by false position with the Illinois modification (f monotone
    /// in either direction, close to linear here, so a few evaluations suffice; each one is a whole set
    /// of virtual trials). If the target lies beyond f's range the nearer end is returned (the caller
    /// reports the miss).
    /// </summary>
    public static double Bisect(Func<double, double> f, double target, double lo, double hi, int iterations, Action<double, double>? log = null, double tolerance = 1e-3)
    {
        ArgumentNullException.ThrowIfNull(f);
        var fLo = f(lo) - target;
        log?.Invoke(lo, fLo + target);
        var fHi = f(hi) - target;
        log?.Invoke(hi, fHi + target);
        if (Math.Sign(fLo) == Math.Sign(fHi))
        {
            return Math.Abs(fLo) < Math.Abs(fHi) ? lo : hi;
        }

        var best = Math.Abs(fLo) < Math.Abs(fHi) ? lo : hi;
        var bestF = Math.Min(Math.Abs(fLo), Math.Abs(fHi));
        var side = 0;
        for (var i = 0; i < iterations && bestF > tolerance; i++)
        {
            var x = ((lo * fHi) - (hi * fLo)) / (fHi - fLo);
            var fx = f(x) - target;
            log?.Invoke(x, fx + target);
            if (Math.Abs(fx) < bestF)
            {
                best = x;
                bestF = Math.Abs(fx);
            }

            if (Math.Sign(fx) == Math.Sign(fLo))
            {
                lo = x;
                fLo = fx;
                fHi = side == -1 ? fHi / 2 : fHi;
                side = -1;
            }
            else
            {
                hi = x;
                fHi = fx;
                fLo = side == 1 ? fLo / 2 : fLo;
                side = 1;
            }
        }

        return best;
    }

    /// <summary>Golden-section minimisation of a unimodal <paramref name="f"/> on [lo, hi].</summary>
    public static double GoldenSection(Func<double, double> f, double lo, double hi, int iterations, Action<double, double>? log = null)
    {
        ArgumentNullException.ThrowIfNull(f);
        var ratio = (Math.Sqrt(5) - 1) / 2;
        var x1 = hi - (ratio * (hi - lo));
        var x2 = lo + (ratio * (hi - lo));
        var f1 = f(x1);
        var f2 = f(x2);
        log?.Invoke(x1, f1);
        log?.Invoke(x2, f2);
        for (var i = 0; i < iterations; i++)
        {
            if (f1 <= f2)
            {
                hi = x2;
                x2 = x1;
                f2 = f1;
                x1 = hi - (ratio * (hi - lo));
                f1 = f(x1);
                log?.Invoke(x1, f1);
            }
            else
            {
                lo = x1;
                x1 = x2;
                f1 = f2;
                x2 = lo + (ratio * (hi - lo));
                f2 = f(x2);
                log?.Invoke(x2, f2);
            }
        }

        return (lo + hi) / 2;
    }

    /// <summary>One line per arm and difference, predicted against published.</summary>
    public static IEnumerable<string> Describe(TrialResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        foreach (var a in result.Arms)
        {
            yield return Fmt($"  {result.Design.Id} {a.Scenario} {a.Arm}: responders {a.ResponderRate:P1} ({a.ResponderRateLow:P0}–{a.ResponderRateHigh:P0}) vs published {Opt(a.PublishedResponderRate, "P0")}; mean change {a.MeanChange:0.00} ({a.MeanChangeLow:0.00} to {a.MeanChangeHigh:0.00}) vs published {Opt(a.PublishedMeanChange, "0.00")}");
        }

        foreach (var d in result.Differences)
        {
            yield return Fmt($"  {result.Design.Id} {d.Scenario} difference: mean change {d.MeanChange:0.00} ({d.MeanChangeLow:0.00} to {d.MeanChangeHigh:0.00}) vs published {Opt(d.PublishedMeanChange, "0.00")} ({Opt(d.PublishedMeanChangeLow, "0.00")} to {Opt(d.PublishedMeanChangeHigh, "0.00")}); responder rate {d.ResponderRate:P1}");
        }
    }

    private static double Difference(TrialDesign design, ConditionDefinition condition, int repetitions, long seed) =>
        TrialSimulator.Run(design with { Condition = condition }, [OccupancyScenario.A], repetitions, seed).Differences[0].MeanChange;

    /// <summary>
    /// The I_max minimising Σ ((d_i(I) − t_i)/se_i)² when each d_i is the line through the two points.
    /// </summary>
    private static double WeightedLeastSquares((double X, (double Younger, double Final) D) p, (double X, (double Younger, double Final) D) q, PublishedDifference younger, PublishedDifference final)
    {
        var bY = (q.D.Younger - p.D.Younger) / (q.X - p.X);
        var bF = (q.D.Final - p.D.Final) / (q.X - p.X);
        var aY = p.D.Younger - (bY * p.X);
        var aF = p.D.Final - (bF * p.X);
        var wY = 1 / Square(younger.StandardError!.Value);
        var wF = 1 / Square(final.StandardError!.Value);
        return ((wY * bY * (younger.Value - aY)) + (wF * bF * (final.Value - aF))) / ((wY * bY * bY) + (wF * bF * bF));
    }

    private static double Square(double x) => x * x;

    private static ArmOutcome Arm(TrialDesign design, TrialArm arm, ConditionDefinition condition, int repetitions, long seed) =>
        TrialSimulator.Run(design with { Condition = condition, Arms = [arm] }, [OccupancyScenario.A], repetitions, seed).Arms[0];

    private static Action<double, double>? Log(Action<string>? progress, string parameter, string statistic) =>
        progress is null ? null : (x, y) => progress(Fmt($"  {parameter} = {x:0.0000} → {statistic} {y:0.0000}"));

    private static string Opt(double? value, string format) => value is { } v ? v.ToString(format, CultureInfo.InvariantCulture) : "none";

    private static string Fmt(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
