using Ldn.Core.Dosing;
using Ldn.Core.Journal;
using NodaTime;

namespace Ldn.Core.Tests.Journal;

/// <summary>Synthetic journals whose truth is known: seeded noise, doses at 22:00 and check-ins at 09:00 local time.</summary>
internal static class JournalAnalysisTestJournals
{
    public const string London = "Europe/London";

    public static Instant At(LocalDate date, int hour, int minute = 0, string zone = London) =>
        date.At(new LocalTime(hour, minute)).InZoneLeniently(DateTimeZoneProviders.Tzdb[zone]).ToInstant();

    public static DoseEntry Dose(LocalDate date, decimal mg, int hour = 22, string zone = London, bool skipped = false) =>
        new(0, At(date, hour, 0, zone), zone, mg, Formulation.Capsule, skipped);

    public static CheckInEntry CheckIn(LocalDate date, int? pain, int? fatigue = null, int hour = 9, string zone = London) =>
        new(0, At(date, hour, 0, zone), zone, fatigue, pain, null, null, null);

    /// <summary>
    /// <paramref name="baselineDays"/> days of pain around <paramref name="baselinePain"/>, then
    /// <paramref name="treatedDays"/> days of <paramref name="doseMg"/> with pain around <paramref name="treatedPain"/>;
    /// noise is N(0, <paramref name="sd"/>) rounded to the 0–10 scale.
    /// </summary>
    public static JournalData PainJournal(
        LocalDate start, int baselineDays, double baselinePain, int treatedDays, double treatedPain, decimal doseMg, int seed, double sd = 1.0, string[]? conditions = null)
    {
        var random = new Random(seed);
        var doses = new List<DoseEntry>();
        var checkIns = new List<CheckInEntry>();
        for (var d = 0; d < baselineDays + treatedDays; d++)
        {
            var date = start.PlusDays(d);
            var treated = d >= baselineDays;
            if (treated)
            {
                doses.Add(Dose(date, doseMg));
            }

            var pain = (int)Math.Clamp(Math.Round((treated ? treatedPain : baselinePain) + (sd * Normal(random))), 0, 10);
            checkIns.Add(CheckIn(date, pain));
        }

        return new JournalData
        {
            Profile = new JournalProfile { TimeZoneId = London, Conditions = conditions ?? [] },
            Doses = doses,
            CheckIns = checkIns,
        };
    }

    public static double Normal(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

    /// <summary>A stationary AR(1) series with unit variance: x_t = φ·x_(t−1) + √(1 − φ²)·ε_t.</summary>
    public static double[] Ar1(int n, double phi, Random random)
    {
        var x = new double[n];
        var previous = Normal(random);
        var scale = Math.Sqrt(1 - (phi * phi));
        for (var i = 0; i < n; i++)
        {
            previous = (phi * previous) + (scale * Normal(random));
            x[i] = previous;
        }

        return x;
    }
}
