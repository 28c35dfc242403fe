using Ldn.Core.Conditions;
using Ldn.Core.Dosing;
using Ldn.Core.Pharmacology.Parameters;
using Ldn.Core.Units;

namespace Ldn.Core.Population;

/// <summary>
/// One virtual patient: individual model and immune parameters, baseline score, placebo response,
/// the accuracy of their compounded product, and their own random stream (for missed doses and
/// measurement noise), all drawn from (seed, index) only.
/// </summary>
public sealed class VirtualSubject
{
    private SubjectRandom _random;

    private VirtualSubject(int index, ModelParameters parameters, ConditionParameters condition, double baselineScore, double placeboMaximum, double doseFactor, double sensitivity, SubjectRandom random)
    {
        Sensitivity = sensitivity;
        Index = index;
        Parameters = parameters;
        Condition = condition;
        BaselineScore = baselineScore;
        PlaceboMaximum = placeboMaximum;
        DoseFactor = doseFactor;
        _random = random;
    }

    public int Index { get; }

    public ModelParameters Parameters { get; }

    /// <summary>The condition with this subject's responsiveness (I_max) applied.</summary>
    public ConditionParameters Condition { get; }

    public double BaselineScore { get; }

    /// <summary>This subject's placebo improvement (fraction of baseline) as t → ∞; may be negative (nocebo).</summary>
    public double PlaceboMaximum { get; }

    /// <summary>This subject's receptorSensitivity factor: every EC50 is multiplied by it (1 if it does not vary).</summary>
    public double Sensitivity { get; }

    /// <summary>Actual content of this subject's product relative to the label.</summary>
    public double DoseFactor { get; }

    /// <summary>Draws subject <paramref name="index"/> of the population with <paramref name="seed"/>.</summary>
    public static VirtualSubject Draw(ModelParameters model, ConditionDefinition condition, long seed, int index)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(condition);
        var random = new SubjectRandom(seed, index);
        var variability = model.Variability;
        Span<double> factors = stackalloc double[variability.Parameters.Count];
        variability.Sample(ref random, factors);
        var individual = Individualise(model, variability.Parameters, factors);
        var sensitivityIndex = IndexOf(variability.Parameters, "receptorSensitivity");
        var sensitivity = sensitivityIndex < 0 ? 1.0 : factors[sensitivityIndex];

        var spread = condition.Variability;
        var c = condition.Parameters;
        var instrument = c.Instrument;
        var responsiveness = Math.Exp(LogNormalOmega(spread.ResponsivenessCv) * random.NextGaussian());
        var baseline = Math.Clamp(instrument.Baseline + (spread.BaselineSd * random.NextGaussian()), instrument.Minimum, instrument.Maximum);

        // Keep baselines off the floor of a lower-is-better scale: a trial would not enrol them.
        if (instrument.LowerIsBetter)
        {
            baseline = Math.Max(baseline, instrument.Minimum + (0.05 * (instrument.Maximum - instrument.Minimum)));
        }

        var placebo = Math.Clamp(c.PlaceboMaximum + (spread.PlaceboSd * random.NextGaussian()), -0.5, 0.95);
        var doseFactor = Math.Exp(variability.DoseAccuracyOmega * random.NextGaussian());
        var individualCondition = c with { MaxInhibition = Math.Min(1.0, c.MaxInhibition * responsiveness) };
        return new VirtualSubject(index, individual, individualCondition, baseline, placebo, doseFactor, sensitivity, random);
    }

    /// <summary>
    /// The doses this subject actually takes from a planned list: each one missed with the
    /// population's probability, the rest scaled by <see cref="DoseFactor"/>. Written into
    /// <paramref name="taken"/> (cleared first) so a thread can reuse one list.
    /// </summary>
    public void TakeDoses(IReadOnlyList<Administration> planned, List<Administration> taken)
    {
        ArgumentNullException.ThrowIfNull(planned);
        ArgumentNullException.ThrowIfNull(taken);
        taken.Clear();
        var missed = Parameters.Variability.MissedDoseProbability;
        foreach (var dose in planned)
        {
            if (_random.NextDouble() < missed)
            {
                continue;
            }

            taken.Add(dose with { Amount = Mass.FromMilligrams(dose.Amount.Milligrams * DoseFactor) });
        }
    }

    /// <summary>
    /// The same draws as <see cref="TakeDoses(IReadOnlyList{Administration}, List{Administration})"/>, for
    /// a fixed schedule: <paramref name="takenMg"/>[k] is the amount taken of planned dose k (0 when missed),
    /// mg. Returns the number of doses taken.
    /// </summary>
    public int TakeDoses(ReadOnlySpan<double> plannedMg, Span<double> takenMg)
    {
        var missed = Parameters.Variability.MissedDoseProbability;
        var count = 0;
        for (var k = 0; k < plannedMg.Length; k++)
        {
            var take = !(_random.NextDouble() < missed);
            takenMg[k] = take ? plannedMg[k] * DoseFactor : 0;
            count += take ? 1 : 0;
        }

        return count;
    }

    /// <summary>Clinical score at <paramref name="timeHours"/> for inflammation index <paramref name="inflammation"/>, without measurement noise.</summary>
    public double Score(double inflammation, double timeHours) =>
        Condition.Instrument.Score(BaselineScore, (1 - inflammation) + Condition.PlaceboImprovement(PlaceboMaximum, timeHours));

    /// <summary>
    /// <see cref="Score(double, double)"/> with the placebo onset 1 − e^(−k·t) already computed
    /// (<see cref="ConditionParameters.PlaceboOnsetFraction"/>; the same for every subject at one time).
    /// </summary>
    public double ScoreWithOnset(double inflammation, double placeboOnsetFraction) =>
        Condition.Instrument.Score(BaselineScore, (1 - inflammation) + (PlaceboMaximum * placeboOnsetFraction));

    /// <summary>One assessment: the score plus measurement noise from this subject's stream, clamped to the scale.</summary>
    public double Assess(double inflammation, double timeHours, double measurementSd)
    {
        var instrument = Condition.Instrument;
        return Math.Clamp(Score(inflammation, timeHours) + (measurementSd * _random.NextGaussian()), instrument.Minimum, instrument.Maximum);
    }

    private static int IndexOf(IReadOnlyList<string> names, string name)
    {
        for (var i = 0; i < names.Count; i++)
        {
            if (names[i] == name)
            {
                return i;
            }
        }

        return -1;
    }

    private static double LogNormalOmega(double cv) => Math.Sqrt(Math.Log(1 + (cv * cv)));

    private static ModelParameters Individualise(ModelParameters p, IReadOnlyList<string> names, ReadOnlySpan<double> factors)
    {
        var f = factors.ToArray();
        double Factor(string name)
        {
            var i = IndexOf(names, name);
            return i < 0 ? 1.0 : f[i];
        }

        var ka = Factor("absorptionRate");
        var sensitivity = Factor("receptorSensitivity");
        return p with
        {
            ParentVolume = Volume.FromLitres(p.ParentVolume.Litres * Factor("parentVolume")),
            ParentElimination = RateConstant.FromPerHour(p.ParentElimination.PerHour * Factor("parentEliminationRate")),
            MetaboliteVolume = Volume.FromLitres(p.MetaboliteVolume.Litres * Factor("metaboliteVolume")),
            MetaboliteElimination = RateConstant.FromPerHour(p.MetaboliteElimination.PerHour * Factor("metaboliteEliminationRate")),
            DirectEc50 = MolarConcentration.FromNanomolar(p.DirectEc50.Nanomolar * sensitivity),
            EffectSiteEc50 = MolarConcentration.FromNanomolar(p.EffectSiteEc50.Nanomolar * sensitivity),
            EffectSiteLoss = RateConstant.FromPerHour(p.EffectSiteLoss.PerHour * Factor("effectSiteLossRate")),
            Structures = p.Structures with
            {
                PoolHalfBlockadeMg = p.Structures.PoolHalfBlockadeMg * sensitivity,
                DirectSiteEc50 = MolarConcentration.FromNanomolar(p.Structures.DirectSiteEc50.Nanomolar * sensitivity),
                SlowSiteEc50 = MolarConcentration.FromNanomolar(p.Structures.SlowSiteEc50.Nanomolar * sensitivity),
                AssociationPerNanomolarHour = p.Structures.AssociationPerNanomolarHour / sensitivity,
            },
            ReceptorTurnover = RateConstant.FromPerHour(p.ReceptorTurnover.PerHour * Factor("receptorTurnoverRate")),
            ReceptorUpregulation = p.ReceptorUpregulation * Factor("receptorUpregulation"),
            SynthesisTurnover = RateConstant.FromPerHour(p.SynthesisTurnover.PerHour * Factor("synthesisTurnoverRate")),
            SynthesisUpregulation = p.SynthesisUpregulation * Factor("synthesisUpregulation"),
            Formulations = p.Formulations.ToDictionary(kv => kv.Key, kv => kv.Value with { AbsorptionRate = RateConstant.FromPerHour(kv.Value.AbsorptionRate.PerHour * ka) }),
        };
    }
}
