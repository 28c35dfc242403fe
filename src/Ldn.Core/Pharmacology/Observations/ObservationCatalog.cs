namespace Ldn.Core.Pharmacology.Observations;

/// <summary>The human datasets shipped in data/observations/ (compiled in), which <c>ldn fit</c> uses unless given <c>--data</c>.</summary>
public static class ObservationCatalog
{
    private const string Prefix = "Ldn.Core.Data.Observations.";

    private static readonly Lazy<IReadOnlyList<ObservationSet>> LazyShipped = new(() =>
    {
        var assembly = typeof(ObservationCatalog).Assembly;
        return [.. assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(Prefix, StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(n =>
            {
                using var stream = assembly.GetManifestResourceStream(n)!;
                using var reader = new StreamReader(stream);
                return ObservationReader.Read(reader.ReadToEnd(), "data/observations/" + n[Prefix.Length..]);
            })];
    });

    /// <summary>Every shipped dataset, in file-name order (Lee 1988, 50 mg PK, Rabiner 2011).</summary>
    public static IReadOnlyList<ObservationSet> Shipped => LazyShipped.Value;
}
