using Ldn.Core.Text;

namespace Ldn.Core.Protocols;

/// <summary>
/// The protocols shipped in <c>data/protocols/</c>, compiled in as resources, and the resolution of a
/// <c>--protocol</c> argument: a known name or alias, or the path of a user's own protocol file.
/// </summary>
public static class ProtocolCatalog
{
    private const string ResourcePrefix = "Ldn.Core.Data.Protocols.";

    private static readonly Lazy<IReadOnlyList<TitrationProtocol>> LazyAll = new(Load);

    public static IReadOnlyList<TitrationProtocol> All => LazyAll.Value;

    public static TitrationProtocol Find(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var key = NameMatch.Normalise(name);
        var match = All.FirstOrDefault(p => NameMatch.Normalise(p.Id) == key || p.Aliases.Any(a => NameMatch.Normalise(a) == key));
        if (match is not null)
        {
            return match;
        }

        var suggestion = NameMatch.DidYouMean(NameMatch.Suggest(name, All.Select(p => (p.Id, p.Aliases.Prepend(p.Id)))));
        var message = suggestion.Length > 0
            ? $"Unknown protocol '{name}'{suggestion}"
            : $"Unknown protocol '{name}'; known protocols: {string.Join(", ", All.Select(p => p.Id))}, or give a protocol file (.yaml).";
        throw new InvalidInputException(message);
    }

    /// <summary>A catalogue name, or a path to a protocol file if it ends in .yaml/.yml.</summary>
    public static TitrationProtocol Resolve(string nameOrPath)
    {
        ArgumentNullException.ThrowIfNull(nameOrPath);
        if (nameOrPath.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || nameOrPath.EndsWith(".yml", StringComparison.OrdinalIgnoreCase))
        {
            if (!File.Exists(nameOrPath))
            {
                throw new InvalidInputException($"The protocol file '{nameOrPath}' does not exist.");
            }

            return ProtocolReader.Read(File.ReadAllText(nameOrPath), nameOrPath);
        }

        return Find(nameOrPath);
    }

    private static List<TitrationProtocol> Load()
    {
        var assembly = typeof(ProtocolCatalog).Assembly;
        var list = new List<TitrationProtocol>();
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream);
            list.Add(ProtocolReader.Read(reader.ReadToEnd(), "data/protocols/" + resource[ResourcePrefix.Length..]));
        }

        return list;
    }
}
