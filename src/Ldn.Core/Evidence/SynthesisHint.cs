namespace Ldn.Core.Evidence;

/// <summary>
/// The only human number bearing on the synthesis gain α_P (<c>synthesisUpregulation</c>): morning plasma
/// β-endorphin on chronic standard-dose naltrexone vs drug-free controls (Kosten 1986; pharmacology.md §4).
/// Concentrations pg/mL; <see cref="DoseMg"/> the daily dose the treated group is taken to have had.
/// </summary>
public sealed record SynthesisHint(string Citation, string Design, int N, int Controls, double DoseMg, string DoseText, double TreatedPgPerMl, double ControlPgPerMl)
{
    /// <summary>Treated over control β-endorphin: 19.5 / 12.1 ≈ 1.61 for Kosten 1986.</summary>
    public double Ratio => TreatedPgPerMl / ControlPgPerMl;

    /// <summary>
    /// α_P read through the synthesis equation dP/dt = k_P·(1 + α_P·O − P) with the feedback off (docs/model.md §5b):
    /// at steady state P ≈ 1 + α_P·Ō, with Ō the mean MOR blockade over the day (k_P, t½ 2 days, averages the
    /// daily swing). Taking plasma β-endorphin ∝ P gives α_P = (ratio − 1)/Ō.
    /// </summary>
    /// <param name="meanBlockade">Ō, the modelled mean MOR blockade (0–1] at steady state on <see cref="DoseMg"/> a day.</param>
    /// <exception cref="ArgumentOutOfRangeException">Ō outside (0, 1].</exception>
    public double SynthesisUpregulation(double meanBlockade)
    {
        if (!(meanBlockade > 0 && meanBlockade <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(meanBlockade), meanBlockade, "The mean blockade must lie in (0, 1].");
        }

        return (Ratio - 1) / meanBlockade;
    }
}
