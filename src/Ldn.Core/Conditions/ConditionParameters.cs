using Ldn.Core.Pharmacology.Parameters;
using Ldn.Core.Units;

namespace Ldn.Core.Conditions;

/// <summary>
/// The immune/inflammation module's parameters for one condition (docs/model.md, pharmacology.md §9):
/// dI/dt = k_I·(D·(1 − E(S))·(1 − TLR) − I), E(S) = I_max·x/(SC50 + x), x = max(S − 1, 0);
/// clinical score = baseline × (I − placebo·(1 − e^(−k_pbo·t))) on the condition's instrument.
/// Built only by <see cref="ConditionReader"/>, so every value is documented and range-checked.
/// </summary>
public sealed record ConditionParameters
{
    /// <summary>Stable identifier, e.g. <c>crohns-disease</c>.</summary>
    public required string Id { get; init; }

    public required string Name { get; init; }

    public required IReadOnlyList<string> Aliases { get; init; }

    public required ClinicalInstrument Instrument { get; init; }

    /// <summary>The responder rule trials of this condition used (the default for virtual trials).</summary>
    public required ResponderDefinition Responder { get; init; }

    /// <summary>k_I: turnover of the inflammation index I.</summary>
    public required RateConstant InflammationTurnover { get; init; }

    /// <summary>D: disease drive (1 = activity held at its baseline).</summary>
    public required double DiseaseDrive { get; init; }

    /// <summary>I_max: largest fractional inhibition of the drive by excess opioid signalling.</summary>
    public required double MaxInhibition { get; init; }

    /// <summary>SC50: excess signalling S − 1 that gives half of I_max.</summary>
    public required double SignallingHalfEffect { get; init; }

    /// <summary>Mean placebo improvement as a fraction of baseline, reached as t → ∞.</summary>
    public required double PlaceboMaximum { get; init; }

    /// <summary>k_pbo: onset rate of the placebo response.</summary>
    public required RateConstant PlaceboOnset { get; init; }

    /// <summary>How the numbers were calibrated, in prose (shown by the CLI and docs).</summary>
    public required string Calibration { get; init; }

    public required IReadOnlyList<ParameterEntry> Entries { get; init; }

    /// <summary>The placebo part of the improvement at <paramref name="timeHours"/> for a placebo magnitude.</summary>
    public double PlaceboImprovement(double placeboMaximum, double timeHours) =>
        placeboMaximum * PlaceboOnsetFraction(timeHours);

    /// <summary>1 − e^(−k·t): the fraction of the full placebo response reached at <paramref name="timeHours"/> (0 before t = 0).</summary>
    public double PlaceboOnsetFraction(double timeHours) => 1 - Math.Exp(-PlaceboOnset.PerHour * Math.Max(0, timeHours));

    /// <summary>
    /// Clinical score on the instrument at <paramref name="timeHours"/> for inflammation index
    /// <paramref name="inflammation"/>, with the mean placebo response and the mean baseline.
    /// </summary>
    public double ClinicalScore(double inflammation, double timeHours) =>
        Instrument.Score(Instrument.Baseline, 1 - inflammation + PlaceboImprovement(PlaceboMaximum, timeHours));
}
