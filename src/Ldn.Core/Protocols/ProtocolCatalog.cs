using Ldn.Core.Text;

namespace Ldn.Core.Protocols;

/// <summary>
/// The protocols shipped in <c>data/protocols/</c>, compiled in as resources, found by name or alias. A
/// user's own protocol file is read by the command line (the core does no file I/O) with
/// <see cref="ProtocolReader"/>.
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
