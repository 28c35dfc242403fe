using Ldn.Core.Dosing;
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
    /// Blockade 1 h after 50 mg, the reference of Lee's relative values: the mean of Rabiner's two 50 mg
    /// scans (92%, 98%). The model is compared in absolute terms because its scenario-B effect site is
    /// still filling at 1 h (uptake t½ is assumed), so a ratio to its own 1-h value would test that
    /// assumption rather than the decay Lee measured.
    /// </summary>
    public const double LeeReferenceBlockade = 0.95;

    private const string SwissPi = "Swiss prescribing information (Swissmedic 56109), via pharmacology.md §1.2";
    private const string Bertolotti = "Bertolotti et al. 1997, J Hepatol (controls, n=7), pharmacology.md §1.2";
    private const string Rabiner = "Rabiner et al. 2011, Mol Psychiatry 16:826, as tabulated by Trøstheim et al. 2022 (pharmacology.md §3.1)";
    private const string Lee = "Lee et al. 1988, J Nucl Med 29:1207 (n=5; the four values via a secondary compilation), pharmacology.md §3.1";

    private const string RabinerTolerance =
        "±15 percentage points: repeat 5 mg scans in the same study spread over 15 points (43–58%), and the scan time is only known to be < 8 h.";

    public static IReadOnlyList<(ValidationTarget Target, Func<Probe, double> Simulate)> Targets { get; } = BuildTargets();

    public static IReadOnlyList<ValidationOutcome> Run(ModelParameters parameters)
    {
        var probe = new Probe(parameters);
        return [.. Targets.Select(t => new ValidationOutcome(t.Target, t.Simulate(probe)))];
    }

    private static List<(ValidationTarget, Func<Probe, double>)> BuildTargets()
    {
        var targets = new List<(ValidationTarget, Func<Probe, double>)>
        {
            (new("pk-50mg-parent-cmax", "Naltrexone Cmax after 50 mg", null, 13.3, "ng/mL", 0.27, SwissPi,
                "±2%: V_p/F was fitted to this value, so this checks the implementation; 2% covers the 3-significant-figure rounding of the derived parameters.", Calibrated: true),
                p => p.AfterDose(50).Summary(OccupancyScenario.B).ParentCmax.NanogramsPerMillilitre),
            (new("pk-50mg-parent-tmax", "Naltrexone Tmax after 50 mg", null, 1.0, "h", 0.5, SwissPi,
                "±0.5 h: the label gives a rounded 'about 1 h' from sparse early sampling.", Calibrated: false),
                p => p.AfterDose(50).Summary(OccupancyScenario.B).ParentTmax.Hours),
            (new("pk-50mg-metabolite-cmax", "6β-naltrexol Cmax after 50 mg", null, 108, "ng/mL", 2.16, SwissPi,
                "±2%: V_m/F_m was fitted to this value (implementation check, as for the parent).", Calibrated: true),
                p => p.AfterDose(50).Summary(OccupancyScenario.B).MetaboliteCmax.NanogramsPerMillilitre),
            (new("pk-50mg-metabolite-tmax", "6β-naltrexol Tmax after 50 mg", null, 1.0, "h", 1.0, SwissPi,
                "±1 h: the label gives one rounded 'about 1 h' for both compounds; a metabolite formed before it reaches the blood peaks later than the parent, and the research file's fit (§9) gives 1.6 h.", Calibrated: false),
                p => p.AfterDose(50).Summary(OccupancyScenario.B).MetaboliteTmax.Hours),
            (new("pk-parent-half-life", "Naltrexone terminal half-life (log-linear fit, 24–48 h after 50 mg)", null, 4.0, "h", 0.2, "US label; Meyer et al. 1984 (pharmacology.md §1.1)",
                "±5%: k_p was set from this half-life (implementation check); the published range is 4–10 h depending on assay depth.", Calibrated: true),
                p => p.AfterDose(50).HalfLife(parent: true, 24, 48)),
            (new("pk-metabolite-half-life", "6β-naltrexol terminal half-life (log-linear fit, 48–96 h after 50 mg)", null, 13.0, "h", 0.65, "US label; Meyer et al. 1984 (pharmacology.md §1.1)",
                "±5%: k_m was set from this half-life (implementation check); published 11–13 h.", Calibrated: true),
                p => p.AfterDose(50).HalfLife(parent: false, 48, 96)),
            (new("pk-100mg-parent-auc24", "Naltrexone AUC0–24 after 100 mg", null, 200, "ng·h/mL", 97, Bertolotti,
                "±1 SD (97) of the control group: independent of the 50 mg fit, and the between-subject spread is the honest yardstick for a typical-subject model.", Calibrated: false),
                p => p.AfterDose(100).ParentAucUntil(24)),
            (new("pk-100mg-metabolite-auc24", "6β-naltrexol AUC0–24 after 100 mg", null, 2467, "ng·h/mL", 730, Bertolotti,
                "±1 SD (730) of the control group, as for the parent.", Calibrated: false),
                p => p.AfterDose(100).MetaboliteAucUntil(24)),
            (new("pk-100mg-ratio-2h", "6β-naltrexol/naltrexone ratio 2 h after 100 mg", null, 10.9, "ratio", 4.8, Bertolotti,
                "±1 SD (4.8) of the control group.", Calibrated: false),
                p => p.AfterDose(100).MetaboliteToParentRatio(2)),
        };

        foreach (var scenario in new[] { OccupancyScenario.A, OccupancyScenario.B })
        {
            foreach (var (dose, published, note) in new[] { (2.0, 27.0, "one scan"), (5.0, 49.0, "mean of 43, 46, 58%"), (15.0, 61.0, "one scan"), (50.0, 95.0, "mean of 92, 98%") })
            {
                targets.Add((new($"mor-rabiner-{dose}mg-{scenario}", $"MOR blockade 4 h after {dose} mg ({note})", scenario, published, "%", 15, Rabiner,
                    RabinerTolerance + " EC50 was fitted to these points (ED50 5.59 mg), so this is a calibration check.", Calibrated: true),
                    p => p.AfterDose(dose).BlockadePercentAt(scenario, RabinerScanTime.Hours)));
            }
        }

        foreach (var scenario in new[] { OccupancyScenario.B, OccupancyScenario.A })
        {
            foreach (var (hours, relative, sem) in new[] { (48.0, 91.0, 6.4), (72.0, 80.0, 6.3), (120.0, 46.0, 7.4), (168.0, 30.0, 13.8) })
            {
                var fits = scenario == OccupancyScenario.B;
                var published = Math.Round(relative * LeeReferenceBlockade, 1);
                var tolerance = Math.Round(2 * sem * LeeReferenceBlockade, 1);
                targets.Add((new($"mor-lee-{hours}h-{scenario}", $"MOR blockade {hours} h after 50 mg (Lee: {relative}% of the 1-h scan)", scenario, published, "%", tolerance, Lee,
                    $"±2 SEM ({tolerance:0.#} points): the sampling error of a 5-subject mean. Lee reports blockade relative to the 1-h scan; "
                    + "it is made absolute by taking the 1-h blockade after 50 mg as 95% (mean of Rabiner's 50 mg scans, 92 and 98%). "
                    + "k_out was fitted to this decay (calibration check)."
                    + (fits ? string.Empty : " Scenario A is documented NOT to fit: plasma-driven blockade is gone within 2 days."),
                    Calibrated: fits, ExpectedToFit: fits),
                    p => p.AfterDose(50).BlockadePercentAt(scenario, hours)));
            }
        }

        return targets;
    }

    /// <summary>Runs and caches the single-dose simulations the targets need.</summary>
    public sealed class Probe(ModelParameters parameters)
    {
        private readonly Dictionary<double, SingleDose> _runs = [];

        public SingleDose AfterDose(double doseMg)
        {
            if (!_runs.TryGetValue(doseMg, out var run))
            {
                var regimen = Regimen.Repeated(Mass.FromMilligrams(doseMg), ClockTime.FromHoursAndMinutes(8, 0), Duration.FromHours(24), 1, Formulation.Tablet, Duration.FromHours(240));
                run = new SingleDose(Simulator.Run(regimen, parameters, Duration.FromMinutes(5), [OccupancyScenario.A, OccupancyScenario.B]));
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

        public double ParentAucUntil(double hours) => Trapezoid(Series(OccupancyScenario.B).Series.ParentNgPerMl, hours);

        public double MetaboliteAucUntil(double hours) => Trapezoid(Series(OccupancyScenario.B).Series.MetaboliteNgPerMl, hours);

        public double MetaboliteToParentRatio(double hours)
        {
            var s = Series(OccupancyScenario.B).Series;
            return Interpolate(s.MetaboliteNgPerMl, hours) / Interpolate(s.ParentNgPerMl, hours);
        }

        /// <summary>Half-life from a least-squares line through ln C between two times, as in NCA.</summary>
        public double HalfLife(bool parent, double from, double to)
        {
            var s = Series(OccupancyScenario.B).Series;
            var c = parent ? s.ParentNgPerMl : s.MetaboliteNgPerMl;
            double n = 0, sx = 0, sy = 0, sxx = 0, sxy = 0;
            for (var i = 0; i < s.Count; i++)
            {
                var t = s.TimeHours[i];
                if (t < from || t > to || c[i] <= 0)
                {
                    continue;
                }

                var y = Math.Log(c[i]);
                n++;
                sx += t;
                sy += y;
                sxx += t * t;
                sxy += t * y;
            }

            var slope = ((n * sxy) - (sx * sy)) / ((n * sxx) - (sx * sx));
            return Math.Log(2) / -slope;
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
