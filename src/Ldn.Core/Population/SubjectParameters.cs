using Ldn.Core.Dosing;

namespace Ldn.Core.Population;

/// <summary>
/// The parameters a virtual subject draws (names as in the parameter file's <c>variability</c>
/// section) with the unit each is reported in, and their values for one subject. Rates are per hour
/// (the file gives the turnover rates per day); receptorSensitivity is the factor on every EC50.
/// </summary>
public static class SubjectParameters
{
    /// <summary>(name, unit) of each reported parameter, in column order.</summary>
    public static IReadOnlyList<(string Name, string Unit)> Columns { get; } =
    [
        ("parentVolume", "L"), ("parentEliminationRate", "1/h"), ("metaboliteVolume", "L"), ("metaboliteEliminationRate", "1/h"),
        ("absorptionRate", "1/h"), ("receptorSensitivity", "1"), ("effectSiteLossRate", "1/h"), ("receptorTurnoverRate", "1/h"),
        ("receptorUpregulation", "1"), ("synthesisTurnoverRate", "1/h"), ("synthesisUpregulation", "1"), ("maxInhibition", "1"),
        ("baselineScore", "score"), ("placeboMaximum", "1"), ("doseFactor", "1"),
    ];

    /// <summary><paramref name="subject"/>'s values in <see cref="Columns"/> order; absorption of <paramref name="formulation"/>.</summary>
    public static double[] Values(VirtualSubject subject, Formulation formulation)
    {
        ArgumentNullException.ThrowIfNull(subject);
        var p = subject.Parameters;
        return
        [
            p.ParentVolume.Litres, p.ParentElimination.PerHour, p.MetaboliteVolume.Litres, p.MetaboliteElimination.PerHour,
            p.For(formulation).AbsorptionRate.PerHour, subject.Sensitivity, p.EffectSiteLoss.PerHour, p.ReceptorTurnover.PerHour,
            p.ReceptorUpregulation, p.SynthesisTurnover.PerHour, p.SynthesisUpregulation, subject.Condition.MaxInhibition,
            subject.BaselineScore, subject.PlaceboMaximum, subject.DoseFactor,
        ];
    }
}
