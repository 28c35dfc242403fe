namespace Ldn.Core.Evidence;

/// <summary>
/// The evidence shipped in <c>data/evidence/</c>, compiled in as resources and checked as a whole on
/// first use.
/// </summary>
public static class EvidenceCatalog
{
    private const string ResourcePrefix = "Ldn.Core.Data.Evidence.";

    private static readonly Lazy<EvidenceSet> LazyShipped = new(Load);

    public static EvidenceSet Shipped => LazyShipped.Value;

    /// <summary>All conditions, strongest best grade first.</summary>
    public static IReadOnlyList<ConditionEvidence> All => Shipped.Conditions;

    public static IReadOnlyList<SideEffectEvidence> SideEffects => Shipped.SideEffects;

    public static IReadOnlyList<ClaimVerdict> Claims => Shipped.Claims;

    /// <inheritdoc cref="EvidenceSet.Find(string)"/>
    public static ConditionEvidence Find(string name) => Shipped.Find(name);

    /// <inheritdoc cref="EvidenceSet.FindSideEffect(string)"/>
    public static SideEffectEvidence FindSideEffect(string name) => Shipped.FindSideEffect(name);

    /// <summary>The embedded files as (YAML text, <c>data/evidence/NAME</c>), in name order.</summary>
    public static IReadOnlyList<(string Yaml, string SourceName)> EmbeddedFiles()
    {
        var assembly = typeof(EvidenceCatalog).Assembly;
        var files = new List<(string, string)>();
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream);
            files.Add((reader.ReadToEnd(), "data/evidence/" + resource[ResourcePrefix.Length..]));
        }

        return files;
    }

    private static EvidenceSet Load() => EvidenceSet.Parse(EmbeddedFiles());
}
