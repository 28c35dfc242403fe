namespace Ldn.Core.Pharmacology.Validation;

/// <summary>The human datasets the validation targets come from, as shown in <c>ldn validate</c>'s summary.</summary>
public static class ValidationDatasets
{
    /// <summary>Cmax, Tmax and half-lives after 50 mg (Swiss PI; US label; Meyer 1984).</summary>
    public const string Pk50 = "50 mg PK";

    /// <summary>AUC and metabolite ratio after 100 mg, healthy controls (Bertolotti 1997).</summary>
    public const string Pk100 = "100 mg PK (Bertolotti 1997)";

    /// <summary>MOR blockade a few hours after 2–50 mg (Rabiner 2011).</summary>
    public const string Rabiner = "Rabiner 2011 scans";

    /// <summary>MOR blockade at 48–168 h relative to the 1-h scan after 50 mg, and that 1-h blockade (Lee 1988).</summary>
    public const string Lee = "Lee 1988 ratios";

    /// <summary>The datasets in display order.</summary>
    public static IReadOnlyList<string> All { get; } = [Pk50, Pk100, Rabiner, Lee];
}
