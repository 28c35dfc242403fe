using System.Globalization;
using Ldn.Core.Dosing;
using Ldn.Core.Pharmacology.Observations;
using Ldn.Core.Pharmacology.Parameters;
using Ldn.Core.Units;

namespace Ldn.Core.Pharmacology.Validation;

/// <summary>
/// The human data of shared/research/pharmacology.md (§1.1, §1.2, §3.1) as validation targets, and the
/// simulations that reproduce each. Used by the validation tests and by <c>ldn validate</c>, so the
/// table in the docs, the tests and the command can never disagree.
/// </summary>
public static class HumanDataValidation
{
    /// <summary>
    /// Rabiner 2011 scans were taken "&lt; 8 h" after the dose; like pharmacology.md §3.4 we compare at 4 h.
    /// </summary>
    public static Duration RabinerScanTime { get; } = Duration.FromHours(4);

    /// <summary>
    /// Lee 1988's reference: its values are blockade relative to each subject's own scan 1 h after 50 mg, so
    /// the model is compared as O(t)/O(1 h) of its own series, never through an assumed absolute value.
    /// </summary>
    public static Duration LeeReferenceTime { get; } = Duration.FromHours(1);

    /// <summary>
    /// The least MOR blockade (%) 1 h after 50 mg a structure must give (issue 12's acceptance number): Lee's
    /// ratios presuppose a near-complete reference, and Rabiner's two 50 mg scans were 92% and 98%.
    /// </summary>
    public const double LeeReferenceMinimumPercent = 85;

    /// <summary>
    /// Targets each structure is documented NOT to fit with the shipped parameters, by id. The validation reports
    /// them and a test checks they still miss, so a change that makes one fit is noticed and the documentation
    /// (docs/model.md §6) updated. The three new structures carry their `ldn fit` estimates (data/fits/) and are
    /// compared with Rabiner at the scan time their fit estimated; A and B keep their calibration at the nominal 4 h.
    /// </summary>
    public static IReadOnlySet<string> DocumentedMisses { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        // A: plasma-driven blockade is gone within 2 days.
        "mor-lee-48h-A", "mor-lee-72h-A", "mor-lee-120h-A", "mor-lee-168h-A",

        // B: its one rate makes it rise slowly (67% at 1 h), so relative to its own 1-h value it climbs to 132% at 48 h.
        "mor-lee-1h-B", "mor-lee-48h-B", "mor-lee-72h-B", "mor-lee-120h-B",

        // Two sites (fitted): the slow site has not filled by 1 h, so the 1-h blockade after 50 mg is 70%, short of 85%.
        "mor-lee-1h-two-site",

        // Slow binding (fitted): too steep between 5 and 15 mg (82% at 15 mg and its fitted 2.2 h vs 61%).
        "mor-rabiner-15mg-slow-binding",
    };

    /// <summary>
    /// Tolerance (h) of the slow pool's 24–48 h plasma half-life: 2 SD of the weight the fit gives that datum in
    /// data/observations/pk-50mg.yaml (SD 1.6 h, the published 3.9–10.3 h range read as ±2 SD), so validation and
    /// the fit's adequacy test (every weighted residual within ±2) judge it alike.
    /// </summary>
    public static double SlowPoolHalfLifeTolerance { get; } =
        2 * ObservationCatalog.Shipped.Single(d => d.Kind == ObservationKind.ParentHalfLife).Points.Single().Sd;

    private const string SwissPi = "Swiss prescribing information (Swissmedic 56109), via pharmacology.md §1.2";
    private const string Bertolotti = "Bertolotti et al. 1997, J Hepatol (controls, n=7), pharmacology.md §1.2";
    private const string Rabiner = "Rabiner et al. 2011, Mol Psychiatry 16:826, as tabulated by Trøstheim et al. 2022 (pharmacology.md §3.1)";
    private const string Lee = "Lee et al. 1988, J Nucl Med 29:1207 (n=5; the four values via a secondary compilation), pharmacology.md §3.1";

    private const string RabinerTolerance =
        "±15 percentage points: repeat 5 mg scans in the same study spread over 15 points (43–58%), and the scan time is only known to be < 8 h.";

    // Built on first use, after every static value it reads (DocumentedMisses, LeeRatios) is initialised.
    private static readonly Lazy<IReadOnlyList<(ValidationTarget Target, Func<Probe, double> Simulate)>> LazyTargets = new(BuildTargets);

    public static IReadOnlyList<(ValidationTarget Target, Func<Probe, double> Simulate)> Targets => LazyTargets.Value;

    public static IReadOnlyList<ValidationOutcome> Run(ModelParameters parameters)
    {
        var probe = new Probe(parameters);
        return [.. Targets.Select(t => new ValidationOutcome(t.Target, t.Simulate(probe)))];
    }

    private static List<(ValidationTarget, Func<Probe, double>)> BuildTargets()
    {
        var targets = new List<(ValidationTarget, Func<Probe, double>)>();

        // Every structure but the slow pool shares one plasma PK (null); the slow pool has its own terminal phase.
        foreach (var pk in new OccupancyScenario?[] { null, OccupancyScenario.SlowPool })
        {
            var s = pk ?? OccupancyScenario.B;
            var suffix = pk is { } own ? "-" + own.Name() : string.Empty;
            targets.AddRange(new (ValidationTarget, Func<Probe, double>)[]
            {
                (new("pk-50mg-parent-cmax" + suffix, "Naltrexone Cmax after 50 mg", pk, 13.3, "ng/mL", 0.27, SwissPi,
                    "±2%: V_p/F was fitted to this value, so this checks the implementation; 2% covers the 3-significant-figure rounding of the derived parameters.", Calibrated: true),
                    p => p.AfterDose(50).Summary(s).ParentCmax.NanogramsPerMillilitre),
                (new("pk-50mg-parent-tmax" + suffix, "Naltrexone Tmax after 50 mg", pk, 1.0, "h", 0.5, SwissPi,
                    "±0.5 h: the label gives a rounded 'about 1 h' from sparse early sampling.", Calibrated: false),
                    p => p.AfterDose(50).Summary(s).ParentTmax.Hours),
                (new("pk-50mg-metabolite-cmax" + suffix, "6β-naltrexol Cmax after 50 mg", pk, 108, "ng/mL", 2.16, SwissPi,
                    "±2%: V_m/F_m was fitted to this value (implementation check, as for the parent).", Calibrated: true),
                    p => p.AfterDose(50).Summary(s).MetaboliteCmax.NanogramsPerMillilitre),
                (new("pk-50mg-metabolite-tmax" + suffix, "6β-naltrexol Tmax after 50 mg", pk, 1.0, "h", 1.0, SwissPi,
                    "±1 h: the label gives one rounded 'about 1 h' for both compounds; a metabolite formed before it reaches the blood peaks later than the parent, and the research file's fit (§9) gives 1.6 h.", Calibrated: false),
                    p => p.AfterDose(50).Summary(s).MetaboliteTmax.Hours),
                pk is null
                    ? (new("pk-parent-half-life", "Naltrexone terminal half-life (log-linear fit, 24–48 h after 50 mg)", pk, 4.0, "h", 0.2, "US label; Meyer et al. 1984 (pharmacology.md §1.1)",
                        "±5%: k_p was set from this half-life (implementation check); the published range is 4–10 h depending on assay depth.", Calibrated: true),
                        p => p.AfterDose(50).HalfLife(s, parent: true, 24, 48))
                    : (new("pk-parent-half-life" + suffix, "Naltrexone terminal half-life (log-linear fit, 24–48 h after 50 mg)", pk, 4.0, "h", SlowPoolHalfLifeTolerance, "US label 4 h; Crabtree 1984 and Wall 1981 3.9–10.3 h (pharmacology.md §1.1, §11)",
                        string.Create(CultureInfo.InvariantCulture, $"±{SlowPoolHalfLifeTolerance:0.#} h (2 SD): the slow pool adds the terminal phase the older PK literature reports, so its 24–48 h half-life is a prediction, not the label's calibration; the fit weighs it with SD 1.6 h (the published 3.9–10.3 h read as ±2 SD), and ±2 SD is the fit's adequacy test."), Calibrated: false),
                        p => p.AfterDose(50).HalfLife(s, parent: true, 24, 48)),
                (new("pk-metabolite-half-life" + suffix, "6β-naltrexol terminal half-life (log-linear fit, 48–96 h after 50 mg)", pk, 13.0, "h", 0.65, "US label; Meyer et al. 1984 (pharmacology.md §1.1)",
                    "±5%: k_m was set from this half-life (implementation check); published 11–13 h.", Calibrated: true),
                    p => p.AfterDose(50).HalfLife(s, parent: false, 48, 96)),
                (new("pk-100mg-parent-auc24" + suffix, "Naltrexone AUC0–24 after 100 mg", pk, 200, "ng·h/mL", 97, Bertolotti,
                    "±1 SD (97) of the control group: independent of the 50 mg fit, and the between-subject spread is the honest yardstick for a typical-subject model.", Calibrated: false, Dataset: ValidationDatasets.Pk100),
                    p => p.AfterDose(100).ParentAucUntil(s, 24)),
                (new("pk-100mg-metabolite-auc24" + suffix, "6β-naltrexol AUC0–24 after 100 mg", pk, 2467, "ng·h/mL", 730, Bertolotti,
                    "±1 SD (730) of the control group, as for the parent.", Calibrated: false, Dataset: ValidationDatasets.Pk100),
                    p => p.AfterDose(100).MetaboliteAucUntil(s, 24)),
                (new("pk-100mg-ratio-2h" + suffix, "6β-naltrexol/naltrexone ratio 2 h after 100 mg", pk, 10.9, "ratio", 4.8, Bertolotti,
                    "±1 SD (4.8) of the control group.", Calibrated: false, Dataset: ValidationDatasets.Pk100),
                    p => p.AfterDose(100).MetaboliteToParentRatio(s, 2)),
            });
        }

        foreach (var scenario in OccupancyScenarios.All)
        {
            var calibrated = scenario is OccupancyScenario.A or OccupancyScenario.B;
            var scan = calibrated ? RabinerScanTime.Hours : FittedScanTime(scenario);
            foreach (var (dose, published, note) in new[] { (2.0, 27.0, "one scan"), (5.0, 49.0, "mean of 43, 46, 58%"), (15.0, 61.0, "one scan"), (50.0, 95.0, "mean of 92, 98%") })
            {
                targets.Add((new($"mor-rabiner-{dose}mg-{scenario.Name()}", string.Create(CultureInfo.InvariantCulture, $"MOR blockade {scan:0.#} h after {dose} mg ({note})"), scenario, published, "%", 15, Rabiner,
                    RabinerTolerance + (calibrated
                        ? " EC50 was fitted to these points (ED50 5.59 mg), so this is a calibration check."
                        : " The structure was fitted (ldn fit) to these scans with the scan time a nuisance parameter (0.5–8 h); compared at the scan time its shipped fit estimated (data/fits/)."),
                    Calibrated: calibrated, Dataset: ValidationDatasets.Rabiner),
                    p => p.AfterDose(dose).BlockadePercentAt(scenario, scan)));
            }

            targets.Add((new($"mor-lee-1h-{scenario.Name()}", "MOR blockade 1 h after 50 mg, Lee's reference (at least)", scenario, LeeReferenceMinimumPercent, "%", 0, Lee,
                "At least 85% (issue 12's acceptance number): Lee's ratios are to a 1-h scan that blocked nearly all receptors, and Rabiner's 50 mg scans were 92% and 98% within hours.",
                Calibrated: false, Dataset: ValidationDatasets.Lee, AtLeast: true),
                p => p.AfterDose(50).BlockadePercentAt(scenario, LeeReferenceTime.Hours)));
            foreach (var (hours, relative, sem) in LeeRatios)
            {
                targets.Add((new($"mor-lee-{hours}h-{scenario.Name()}", $"MOR blockade {hours} h after 50 mg, % of the model's own 1-h value (Lee: {relative}%, SEM {sem})", scenario, relative, "% of 1 h", Math.Round(2 * sem, 1), Lee,
                    $"±2 SEM ({2 * sem:0.#} points of the 1-h value): the sampling error of a 5-subject mean. Lee reports blockade relative to each subject's 1-h scan, "
                    + "so the model is compared as its own O(t)/O(1 h); no absolute reference is assumed."
                    + (scenario == OccupancyScenario.B ? " k_e0 was fitted to this decay in absolute terms (with an assumed 95% at 1 h), not to these ratios." : string.Empty),
                    Calibrated: false, Dataset: ValidationDatasets.Lee),
                    p => p.AfterDose(50).PercentOfOwnValueAt(scenario, hours, LeeReferenceTime.Hours)));
            }
        }

        return [.. targets.Select(t => (t.Item1 with { ExpectedToFit = !DocumentedMisses.Contains(t.Item1.Id) }, t.Item2))];
    }

    /// <summary>
    /// The Rabiner scan time (h) the shipped fit of <paramref name="structure"/> estimated (data/fits/), or the nominal
    /// 4 h if it has none: the fitted structures' parameters and this time were estimated together.
    /// </summary>
    public static double FittedScanTime(OccupancyScenario structure) =>
        Fitting.FitCatalog.Shipped.FirstOrDefault(f => f.Structure == structure)?.Parameters.FirstOrDefault(p => p.Name == "rabinerScanTime")?.Estimate
        ?? RabinerScanTime.Hours;

    /// <summary>Lee 1988 (n = 5): hours after 50 mg, blockade as % of the 1-h scan, and its SEM (pharmacology.md §3.1).</summary>
    public static IReadOnlyList<(double Hours, double PercentOfOneHour, double Sem)> LeeRatios { get; } =
        [(48.0, 91.0, 6.4), (72.0, 80.0, 6.3), (120.0, 46.0, 7.4), (168.0, 30.0, 13.8)];

    /// <summary>Runs and caches the single-dose simulations the targets need.</summary>
    public sealed class Probe(ModelParameters parameters)
    {
        private readonly Dictionary<double, SingleDose> _runs = [];

        public SingleDose AfterDose(double doseMg)
        {
            if (!_runs.TryGetValue(doseMg, out var run))
            {
                var regimen = Regimen.Repeated(Mass.FromMilligrams(doseMg), ClockTime.FromHoursAndMinutes(8, 0), Duration.FromHours(24), 1, Formulation.Tablet, Duration.FromHours(240));
                run = new SingleDose(Simulator.Run(regimen, parameters, Duration.FromMinutes(5), OccupancyScenarios.All));
                _runs[doseMg] = run;
            }

            return run;
        }
    }

    /// <summary>Measurements on one single-dose simulation, read off its 5-minute output grid.</summary>
    public sealed class SingleDose(SimulationResult result)
    {
        public ExposureSummary Summary(OccupancyScenario scenario) => Series(scenario).Summary;

        public double BlockadePercentAt(OccupancyScenario scenario, double hours) => 100 * Interpolate(Series(scenario).Series.Mor, hours);

        /// <summary>MOR blockade at <paramref name="hours"/> as a percentage of the same series' value at <paramref name="referenceHours"/> (Lee's ratios).</summary>
        public double PercentOfOwnValueAt(OccupancyScenario scenario, double hours, double referenceHours) =>
            100 * Interpolate(Series(scenario).Series.Mor, hours) / Interpolate(Series(scenario).Series.Mor, referenceHours);

        public double ParentAucUntil(OccupancyScenario scenario, double hours) => Trapezoid(Series(scenario).Series.ParentNgPerMl, hours);

        public double MetaboliteAucUntil(OccupancyScenario scenario, double hours) => Trapezoid(Series(scenario).Series.MetaboliteNgPerMl, hours);

        public double MetaboliteToParentRatio(OccupancyScenario scenario, double hours)
        {
            var s = Series(scenario).Series;
            return Interpolate(s.MetaboliteNgPerMl, hours) / Interpolate(s.ParentNgPerMl, hours);
        }

        /// <summary>Half-life from a least-squares line through ln C between two times, as in NCA.</summary>
        public double HalfLife(OccupancyScenario scenario, bool parent, double from, double to)
        {
            var s = Series(scenario).Series;
            var c = parent ? s.ParentNgPerMl : s.MetaboliteNgPerMl;
            var fit = default(LogLinearHalfLife);
            for (var i = 0; i < s.Count; i++)
            {
                if (s.TimeHours[i] >= from && s.TimeHours[i] <= to)
                {
                    fit.Add(s.TimeHours[i], c[i]);
                }
            }

            return fit.HalfLife;
        }

        private ScenarioResult Series(OccupancyScenario scenario) => result.Scenarios.First(s => s.Scenario == scenario);

        private double Interpolate(double[] values, double hours)
        {
            var times = result.Scenarios[0].Series.TimeHours;
            var i = Array.BinarySearch(times, hours);
            if (i >= 0)
            {
                return values[i];
            }

            i = ~i;
            var w = (hours - times[i - 1]) / (times[i] - times[i - 1]);
            return values[i - 1] + (w * (values[i] - values[i - 1]));
        }

        private double Trapezoid(double[] values, double until)
        {
            var times = result.Scenarios[0].Series.TimeHours;
            double area = 0;
            for (var i = 1; i < times.Length && times[i] <= until + 1e-9; i++)
            {
                area += 0.5 * (values[i] + values[i - 1]) * (times[i] - times[i - 1]);
            }

            return area;
        }
    }
}
