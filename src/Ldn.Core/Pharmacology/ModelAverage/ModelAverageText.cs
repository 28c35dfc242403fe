using System.Globalization;

namespace Ldn.Core.Pharmacology.ModelAverage;

/// <summary>The sentences every front end shows about the model average.</summary>
public static class ModelAverageText
{
    /// <summary>What the <c>model-average</c> entry is.</summary>
    public const string Definition =
        "model-average: MOR blockade as the Akaike-weighted mixture of the adequate blockade structures, the median of their bootstrap parameter sets "
        + "with a 95% band (2.5–97.5%); other quantities are the weighted average of the structures at their fitted estimates.";

    /// <summary>Why user parameters get no average.</summary>
    public const string NoFitsForUserParameters =
        "No model average: a --params file carries no structure fits with bootstrap replicates, so each structure is shown at the file's values without a band.";

    /// <summary>"slow-pool 71%, two-site 29%" for one line of output.</summary>
    public static string Weights(IReadOnlyList<StructureWeight> structures)
    {
        ArgumentNullException.ThrowIfNull(structures);
        return string.Join(", ", structures.Select(w => string.Create(CultureInfo.InvariantCulture, $"{w.Structure.Name()} {w.Weight * 100:0}%")));
    }
}
