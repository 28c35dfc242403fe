using FsCheck;
using FsCheck.Fluent;
using Ldn.Core.Dosing;
using Ldn.Core.Units;

namespace Ldn.Core.Tests.Pharmacology;

/// <summary>A random but plausible regimen for property tests: short enough to simulate quickly.</summary>
public sealed record RegimenCase(double DoseMg, int Count, double IntervalHours, int StartMinute, Formulation Formulation, double OutputStepMinutes)
{
    public Regimen Regimen(double doseFactor = 1.0) => Ldn.Core.Dosing.Regimen.Repeated(
        Mass.FromMilligrams(DoseMg * doseFactor),
        ClockTime.FromHoursAndMinutes(StartMinute / 60, StartMinute % 60),
        Duration.FromHours(IntervalHours),
        Count,
        Formulation);

    public Duration OutputStep => Duration.FromMinutes(OutputStepMinutes);

    public override string ToString() => $"{DoseMg} mg × {Count} every {IntervalHours} h ({Formulation}), output every {OutputStepMinutes} min";
}

internal static class RandomRegimens
{
    /// <summary>Doses 0.1–100 mg, 1–8 doses every 4–48 h, output every 5–120 min.</summary>
    public static Arbitrary<RegimenCase> Arbitrary { get; } =
        (from dose in Gen.Choose(1, 1000)
         from count in Gen.Choose(1, 8)
         from interval in Gen.Choose(4, 48)
         from start in Gen.Choose(0, (24 * 60) - 1)
         from formulation in Gen.Elements(Formulations.All.ToArray())
         from step in Gen.Choose(5, 120)
         select new RegimenCase(dose / 10.0, count, interval, start, formulation, step)).ToArbitrary();

    public static Config Config { get; } = Config.QuickThrowOnFailure.WithMaxTest(60);
}
