namespace Ldn.Core.Conditions;

/// <summary>
/// The outcome scale a condition's clinical score is expressed in (e.g. CDAI points, pain NRS 0–10),
/// with the trial population's baseline and which direction is better.
/// </summary>
/// <param name="Name">Instrument name as trials report it, e.g. "CDAI".</param>
/// <param name="Unit">Unit of the score, e.g. "points".</param>
/// <param name="Baseline">Mean baseline score of the trial population the condition is calibrated to.</param>
/// <param name="Minimum">Lowest possible score (scores are clamped to the scale).</param>
/// <param name="Maximum">Highest possible score.</param>
/// <param name="LowerIsBetter">True for symptom scales (CDAI, pain), false for quality of life (SF-36).</param>
public sealed record ClinicalInstrument(string Name, string Unit, double Baseline, double Minimum, double Maximum, bool LowerIsBetter)
{
    /// <summary>
    /// The score for a fractional improvement <paramref name="improvement"/> (0 = baseline,
    /// 0.2 = 20% better) from a <paramref name="baseline"/>, clamped to the scale.
    /// </summary>
    public double Score(double baseline, double improvement)
    {
        var score = LowerIsBetter ? baseline * (1 - improvement) : baseline * (1 + improvement);
        return Math.Clamp(score, Minimum, Maximum);
    }

    /// <summary>Improvement from <paramref name="baseline"/> to <paramref name="score"/> in instrument units, positive = better.</summary>
    public double Improvement(double baseline, double score) => LowerIsBetter ? baseline - score : score - baseline;
}
