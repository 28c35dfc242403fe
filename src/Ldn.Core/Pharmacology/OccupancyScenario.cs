namespace Ldn.Core.Pharmacology;

/// <summary>
/// Two hypotheses about how opioid-receptor blockade follows naltrexone in plasma. Only a PET time
/// course at LDN doses could decide between them; none exists, so the model reports both.
/// </summary>
public enum OccupancyScenario
{
    /// <summary>
    /// Blockade follows plasma directly: the brief daily block the source documents assume (a premise
    /// from rodent studies). Fits Rabiner 2011 but not the days-long human blockade of Lee 1988.
    /// </summary>
    A,

    /// <summary>
    /// A slow effect site (uptake t½ ≈ 0.25 h, loss t½ ≈ 25 h): the only structure that fits both
    /// Rabiner 2011 and Lee 1988. It implies sustained partial blockade on daily LDN. The default.
    /// </summary>
    B,
}

public static class OccupancyScenarios
{
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
}
