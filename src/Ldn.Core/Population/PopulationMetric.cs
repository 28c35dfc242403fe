namespace Ldn.Core.Population;

/// <summary>The quantities a population run summarises at each grid time, in histogram order.</summary>
public enum PopulationMetric
{
    /// <summary>Mu-opioid receptor blockade, 0–1.</summary>
    Mor = 0,

    /// <summary>Net opioid signalling S = P·U·(1 − O), binned over 0–4.</summary>
    Signalling = 1,

    /// <summary>Inflammation index I, binned over 0–2.</summary>
    Inflammation = 2,

    /// <summary>Clinical score, binned over the instrument's minimum–maximum.</summary>
    ClinicalScore = 3,
}
