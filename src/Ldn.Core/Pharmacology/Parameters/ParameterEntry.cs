namespace Ldn.Core.Pharmacology.Parameters;

/// <summary>Where a parameter value comes from.</summary>
public enum ParameterStatus
{
    /// <summary>A human value taken from the cited publication.</summary>
    Measured,

    /// <summary>Computed from measured values by arithmetic or a named fit.</summary>
    Derived,

    /// <summary>No data exist; a plausible value.</summary>
    Assumed,

    /// <summary>A starting value of a competing blockade structure, to be replaced by a fit (`ldn fit`, issue 12).</summary>
    Unfitted,

    /// <summary>Estimated by `ldn fit` from the human data of data/observations/ (the source names the data and the fit's −2LL).</summary>
    Fitted,
}

/// <summary>One value of a parameter file exactly as documented there, kept for traceability.</summary>
/// <param name="Key">Dotted path, e.g. <c>parentVolume</c> or <c>formulations.liquid.absorptionRate</c>.</param>
/// <param name="Value">The number as written, in <paramref name="Unit"/>.</param>
/// <param name="Unit">The unit as written.</param>
/// <param name="Status">Measured, derived or assumed.</param>
/// <param name="Source">The citation.</param>
/// <param name="Note">Ranges and caveats, if any.</param>
public sealed record ParameterEntry(string Key, double Value, string Unit, ParameterStatus Status, string Source, string? Note);
