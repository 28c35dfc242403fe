namespace Ldn.Core.Pharmacology;

/// <summary>Names and parsing of <see cref="OccupancyScenario"/> for <c>--scenario</c> and <c>--structure</c>.</summary>
public static class OccupancyScenarios
{
    /// <summary>Every structure, in the order outputs list them.</summary>
    public static IReadOnlyList<OccupancyScenario> All { get; } = Enum.GetValues<OccupancyScenario>();

    /// <summary>Parses <c>--scenario</c>: A, B or both (the original two structures).</summary>
    /// <exception cref="InvalidInputException">Anything else, in one sentence.</exception>
    public static IReadOnlyList<OccupancyScenario> Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Trim().ToUpperInvariant() switch
        {
            "A" => [OccupancyScenario.A],
            "B" => [OccupancyScenario.B],
            "BOTH" or "A,B" => [OccupancyScenario.A, OccupancyScenario.B],
            _ => throw new InvalidInputException($"'{text}' is not a scenario (use A, B or both)."),
        };
    }

    /// <summary>
    /// Parses <c>--structure</c>: one name (A, B, slow-pool, two-site, slow-binding), a comma-separated list
    /// of them, or all. Case is ignored.
    /// </summary>
    /// <exception cref="InvalidInputException">An unknown name, in one sentence listing the known ones.</exception>
    public static IReadOnlyList<OccupancyScenario> ParseStructures(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Trim().Equals("all", StringComparison.OrdinalIgnoreCase))
        {
            return All;
        }

        var result = new List<OccupancyScenario>();
        foreach (var part in text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var found = All.Where(s => s.Name().Equals(part, StringComparison.OrdinalIgnoreCase)).ToList();
            if (found.Count == 0)
            {
                throw new InvalidInputException($"'{part}' is not a blockade structure (use {string.Join(", ", All.Select(s => s.Name()))} or all).");
            }

            result.Add(found[0]);
        }

        return result.Count == 0
            ? throw new InvalidInputException($"'{text}' names no blockade structure (use {string.Join(", ", All.Select(s => s.Name()))} or all).")
            : [.. result.Distinct()];
    }

    /// <summary>The structure's name on the command line and in JSON: A, B, slow-pool, two-site, slow-binding.</summary>
    public static string Name(this OccupancyScenario scenario) => scenario switch
    {
        OccupancyScenario.SlowPool => "slow-pool",
        OccupancyScenario.TwoSite => "two-site",
        OccupancyScenario.SlowBinding => "slow-binding",
        _ => scenario.ToString(),
    };

    /// <summary>A short description for tables and reports.</summary>
    public static string Description(this OccupancyScenario scenario) => scenario switch
    {
        OccupancyScenario.A => "blockade follows plasma",
        OccupancyScenario.B => "slow effect site",
        OccupancyScenario.SlowPool => "slow pool fed from the absorbed dose",
        OccupancyScenario.TwoSite => "a plasma-equilibrium site and a slow site",
        _ => "slow binding (kon/koff)",
    };
}
