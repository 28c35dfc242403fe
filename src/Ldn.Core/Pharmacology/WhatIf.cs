namespace Ldn.Core.Pharmacology;

/// <summary>
/// How every output labels the rebound/inflammation module (issue 12 item 5): its dose verdicts and
/// week-12 inflammation changes are a what-if, because they rest on the assumed synthesis gain α_P (no human
/// value; the only hint is Kosten 1986) and on the blockade structure, and no human study shows a loss
/// of effect at higher doses (pharmacology.md §7).
/// </summary>
public static class WhatIf
{
    /// <summary>The label put on the module's output wherever it is shown.</summary>
    public const string Label = "what-if (model hypothesis, not a finding)";

    /// <summary>The <c>whatIfNote</c> sentence of the JSON documents.</summary>
    public const string Note =
        "The rebound/inflammation output is a what-if (model hypothesis, not a finding): it depends on the assumed synthesis gain α_P, "
        + "which has no human value, and on the blockade structure, as the sensitivity table shows; no human study compared LDN doses head to head.";

    /// <summary>The heading over the clinical evidence, which every dose output shows first.</summary>
    public const string EvidenceHeading = "Clinical dose evidence (human studies; read this first)";

    /// <summary>The heading over the module's output.</summary>
    public const string ModelHeading = "Rebound/inflammation model: " + Label;
}
