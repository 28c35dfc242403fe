using System.Globalization;
using Ldn.Core.Dosing;
using Ldn.Core.Journal;
using Ldn.Core.Journal.Analysis;
using MathNet.Numerics.Distributions;
using NodaTime;

namespace Ldn.Core.Tests.Journal;

/// <summary>
/// The coverage study of the analysis' 95% intervals (issue 10, item 6): many simulated journals whose
/// truth is known, each analysed as a patient's would be, counting how often each interval holds the
/// truth. Shared by the small tests (JournalAnalysisCoverageTests) and the full study in bench/
/// (<c>bench/coverage.sh</c>, linked into Ldn.Bench), so both measure the same thing.
/// <para>
/// Cells: (1) the product's own protocol — 14 baseline days, then the standard titration's 14-day steps
/// at 1.5 and 3 mg and 28 days at 4.5 mg, a 22:00 dose every day and a morning check-in on 90% of days —
/// with pain = 5 + effect + AR(1) noise (sd 1.5, φ given) rounded to the 0–10 scale, with no effect or a
/// known one (−0.4 points per mg, from the first dose); (2) the demo journal (<see cref="DemoJournal"/>,
/// 77 days), whose invented benefit builds over eight weeks under AR(1) noise with φ = 0.7.
/// </para>
/// The truth of a comparison is the difference between the expected scores of the days the analysis
/// actually used (window days minus baseline days, each day's expectation of the rounded, clamped score
/// under its mean and noise variance), so it is what the estimate aims at; the truth of the trend is the
/// simulated slope (cells with no effect or −0.4 per mg).
/// </summary>
internal static class JournalAnalysisCoverageStudy
{
    public const string Zone = "Europe/London";

    public static readonly LocalDate Start = new(2025, 1, 6);

    /// <summary>Baseline, 1.5 mg and 3 mg steps, then 4.5 mg (days).</summary>
    public const int BaselineDays = 14, StepDays = 14, LastStepDays = 28;

    public const double NoiseSd = 1.5;

    public const double EffectPerMg = -0.4;

    public const double CheckInShare = 0.9;

    /// <summary>One simulated journal with the expected score of every scale on every day.</summary>
    public sealed record Replicate(JournalData Journal, LocalDate AsOf, Func<string, LocalDate, double> Expected, Func<string, double?> TrueSlope);

    /// <summary>A cell of the study: a name and a maker of replicate <c>r</c>.</summary>
    public sealed record Cell(string Name, Func<int, Replicate> Make);

    /// <summary>How often one kind of interval (a window, or the trend) held the truth, with the replicates it could not estimate.</summary>
    public sealed record Tally(string Interval, int Covered, int Estimated, int NotEstimated, double MeanWidth)
    {
        public double Coverage => Estimated == 0 ? double.NaN : Covered / (double)Estimated;

        /// <summary>The Monte-Carlo standard error of <see cref="Coverage"/>: √(p(1 − p)/n).</summary>
        public double StandardError => Estimated == 0 ? double.NaN : Math.Sqrt(Coverage * (1 - Coverage) / Estimated);

        public override string ToString() => string.Create(
            CultureInfo.InvariantCulture,
            $"{Interval}: {100 * Coverage:0.0}% ± {100 * StandardError:0.0} ({Covered}/{Estimated}; {NotEstimated} not estimated; mean width {MeanWidth:0.00})");
    }

    public static AnalysisOptions Options { get; } = new() { ModelPredictions = false };

    /// <summary>The product's protocol under AR(1) noise with autocorrelation <paramref name="phi"/>, with or without the known effect.</summary>
    public static Cell Protocol(double phi, bool effect) => new(
        string.Create(CultureInfo.InvariantCulture, $"AR(1) φ = {phi:0.0}, {(effect ? "effect −0.4/mg" : "no effect")}"),
        r => ProtocolJournal(phi, effect, 1_000_003 * (r + 1) + (int)(phi * 1000) + (effect ? 7 : 0)));

    /// <summary>The demo journal of <c>ldn journal demo</c> (77 days: 21 baseline days, the 14-day steps, 28 days at 4.5 mg), seed <c>r</c>.</summary>
    public static Cell Demo() => new("demo journal (φ = 0.7, benefit building over 8 weeks)", DemoReplicate);

    public static IReadOnlyList<Tally> Run(Cell cell, int replicates)
    {
        ArgumentNullException.ThrowIfNull(cell);
        var tallies = new SortedDictionary<string, (int Covered, int Estimated, int Not, double Width)>(StringComparer.Ordinal);
        void Count(string key, bool? covered, double width)
        {
            var t = tallies.GetValueOrDefault(key);
            tallies[key] = covered is { } c ? (t.Covered + (c ? 1 : 0), t.Estimated + 1, t.Not, t.Width + width) : (t.Covered, t.Estimated, t.Not + 1, t.Width);
        }

        for (var r = 0; r < replicates; r++)
        {
            var replicate = cell.Make(r);
            var analysis = JournalAnalyzer.Analyze(replicate.Journal, replicate.AsOf, Options);
            foreach (var scale in analysis.Scales.Where(s => s.CheckInDays > 0))
            {
                foreach (var c in scale.Comparisons)
                {
                    var key = c.Window == ComparisonWindow.Recent ? "latest 28 days" : $"step at {c.DoseMg?.ToString("0.0##", CultureInfo.InvariantCulture)} mg";
                    if (c.Status != ComparisonStatus.Estimated)
                    {
                        Count(key, null, 0);
                        continue;
                    }

                    var truth = TrueChange(analysis, scale.Scale.Id, c, replicate.Expected);
                    Count(key, c.Lower <= truth && truth <= c.Upper, c.Upper!.Value - c.Lower!.Value);
                }

                if (replicate.TrueSlope(scale.Scale.Id) is { } slope)
                {
                    var trend = scale.Trend;
                    Count("dose-response slope", trend.Status == ComparisonStatus.Estimated ? trend.Lower <= slope && slope <= trend.Upper : null, (trend.Upper - trend.Lower) ?? 0);
                }
            }
        }

        return [.. tallies.Select(p => new Tally(p.Key, p.Value.Covered, p.Value.Estimated, p.Value.Not, p.Value.Estimated == 0 ? double.NaN : p.Value.Width / p.Value.Estimated))];
    }

    /// <summary>Expected window mean − expected baseline mean over the days the comparison used (the analysis' own window rule).</summary>
    public static double TrueChange(JournalAnalysis analysis, string scaleId, SymptomComparison c, Func<string, LocalDate, double> expected)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        ArgumentNullException.ThrowIfNull(c);
        ArgumentNullException.ThrowIfNull(expected);
        var first = analysis.FirstDoseDate!.Value;
        var recentFrom = analysis.AsOf.PlusDays(1 - analysis.Options.RecentDays);
        double baseline = 0, window = 0;
        int nb = 0, nw = 0;
        foreach (var day in analysis.Days.Where(d => !double.IsNaN(d.Score(scaleId))))
        {
            if (day.Date < first)
            {
                baseline += expected(scaleId, day.Date);
                nb++;
            }
            else if (c.Window == ComparisonWindow.Recent ? day.Date >= recentFrom : day.LevelMg == c.DoseMg && day.DaysAtLevel >= analysis.Options.SettlingDays)
            {
                window += expected(scaleId, day.Date);
                nw++;
            }
        }

        return (window / nw) - (baseline / nb);
    }

    /// <summary>E[clamp(round(m + X), 0, 10)] for X ~ N(0, sd²): the expected recorded score of a day whose mean is <paramref name="mean"/>.</summary>
    public static double ExpectedScore(double mean, double sd)
    {
        if (sd <= 0)
        {
            return Math.Clamp(Math.Round(mean), 0, 10);
        }

        var expected = 0.0;
        for (var k = 1; k <= 10; k++)
        {
            // P(score ≥ k) = P(m + X ≥ k − 0.5); E = Σ_k P(score ≥ k).
            expected += 1 - Normal.CDF(mean, sd, k - 0.5);
        }

        return expected;
    }

    private static Replicate ProtocolJournal(double phi, bool effect, int seed)
    {
        var random = new Random(seed);
        var days = BaselineDays + StepDays + StepDays + LastStepDays;
        var doses = new List<DoseEntry>();
        var checkIns = new List<CheckInEntry>();
        var zone = DateTimeZoneProviders.Tzdb[Zone];
        var noise = NoiseSd * Gaussian(random);
        var scale = NoiseSd * Math.Sqrt(1 - (phi * phi));
        for (var d = 0; d < days; d++)
        {
            var date = Start.PlusDays(d);
            noise = (phi * noise) + (scale * Gaussian(random));
            var mg = DoseOn(d);
            if (mg > 0)
            {
                doses.Add(new DoseEntry(0, date.At(new LocalTime(22, 0)).InZoneLeniently(zone).ToInstant(), Zone, mg, Formulation.Capsule, false));
            }

            if (random.NextDouble() < CheckInShare)
            {
                var pain = (int)Math.Clamp(Math.Round(Mean(mg, effect) + noise), 0, 10);
                checkIns.Add(new CheckInEntry(0, date.At(new LocalTime(9, 0)).InZoneLeniently(zone).ToInstant(), Zone, null, pain, null, null, null));
            }
        }

        var journal = new JournalData { Profile = new JournalProfile { TimeZoneId = Zone }, Doses = doses, CheckIns = checkIns };
        return new Replicate(
            journal,
            Start.PlusDays(days - 1),
            (_, date) => ExpectedScore(Mean(DoseOn(Period.Between(Start, date, PeriodUnits.Days).Days), effect), NoiseSd),
            id => id == SymptomScales.Pain ? (effect ? EffectPerMg : 0) : null);
    }

    private static decimal DoseOn(int day) =>
        day < BaselineDays ? 0 : day < BaselineDays + StepDays ? 1.5m : day < BaselineDays + (2 * StepDays) ? 3m : 4.5m;

    private static double Mean(decimal mg, bool effect) => 5 + (effect ? EffectPerMg * (double)mg : 0);

    /// <summary>The demo's invented truth (DemoJournal.Create): base and benefit per scale, benefit min(1, day on LDN / 56), noise 0.7·noise + 0.7·N(0, 1) from 0.</summary>
    private static Replicate DemoReplicate(int r)
    {
        const int days = DemoJournal.BaselineDays + StepDays + StepDays + LastStepDays;
        var last = Start.PlusDays(days - 1);
        var journal = DemoJournal.Create(r + 1, last, days, DateTimeZoneProviders.Tzdb[Zone]);
        var planStart = Start.PlusDays(DemoJournal.BaselineDays);
        double Expected(string id, LocalDate date)
        {
            var index = Period.Between(Start, date, PeriodUnits.Days).Days;
            var onDay = Period.Between(planStart, date, PeriodUnits.Days).Days;
            var benefit = onDay < 0 ? 0 : Math.Min(1.0, onDay / 56.0);
            var variance = 0.49 * (1 - Math.Pow(0.49, index + 1)) / 0.51;
            var mean = id switch
            {
                SymptomScales.Fatigue => 7 - (1.5 * benefit),
                SymptomScales.Pain => 6 - (1.8 * benefit),
                SymptomScales.Sleep => 4 + (1.0 * benefit),
                SymptomScales.Mood => 5 + (0.8 * benefit),
                _ => 5 + (0.5 * benefit),
            };
            return ExpectedScore(mean, Math.Sqrt(variance));
        }

        return new Replicate(journal, last, Expected, _ => null);
    }

    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
