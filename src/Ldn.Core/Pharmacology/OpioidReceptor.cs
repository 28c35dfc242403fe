namespace Ldn.Core.Pharmacology;

/// <summary>The opioid receptor types whose blockade the model reports.</summary>
public enum OpioidReceptor
{
    /// <summary>Mu (MOR), the receptor every structure is calibrated on.</summary>
    Mu,

    /// <summary>Delta (DOR): EC50 × 79 (Trøstheim 2022).</summary>
    Delta,

    /// <summary>Kappa (KOR): EC50 × 2 (Trøstheim 2022).</summary>
    Kappa,
}
