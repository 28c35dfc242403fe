namespace Ldn.Core.Trials;

/// <summary>The published trials shipped in <c>data/trials/</c>, compiled in as resources.</summary>
public static class TrialPresets
{
    private const string ResourcePrefix = "Ldn.Core.Data.Trials.";

    private static readonly Lazy<IReadOnlyList<TrialDesign>> LazyAll = new(Load);

    public static IReadOnlyList<TrialDesign> All => LazyAll.Value;

    public static IReadOnlyList<string> Names => [.. All.Select(t => t.Id)];

    public static TrialDesign Find(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return All.FirstOrDefault(t => string.Equals(t.Id, name.Trim(), StringComparison.OrdinalIgnoreCase))
            ?? throw new InvalidInputException($"Unknown trial preset '{name}'; known presets: {string.Join(", ", Names)}.");
    }

    private static List<TrialDesign> Load()
    {
        var assembly = typeof(TrialPresets).Assembly;
        var list = new List<TrialDesign>();
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream);
            list.Add(TrialDesignReader.Read(reader.ReadToEnd(), "data/trials/" + resource[ResourcePrefix.Length..]));
        }

        return list;
    }
}
