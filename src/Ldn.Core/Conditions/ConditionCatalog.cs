using System.Reflection;
using Ldn.Core.Text;

namespace Ldn.Core.Conditions;

/// <summary>A condition with its between-subject variability, as read from one file.</summary>
public sealed record ConditionDefinition(ConditionParameters Parameters, ConditionVariability Variability)
{
    public string Id => Parameters.Id;
}

/// <summary>
/// The conditions shipped in <c>data/conditions/</c>, compiled in as resources. Names are matched
/// case-insensitively against ids, names and aliases, ignoring spaces, underscores, dashes and
/// apostrophes ("Crohn's", "crohns_disease" and "CD" all find Crohn's disease).
/// </summary>
public static class ConditionCatalog
{
    public const string GenericId = "generic";

    private const string ResourcePrefix = "Ldn.Core.Data.Conditions.";

    private static readonly Lazy<IReadOnlyList<ConditionDefinition>> LazyAll = new(Load);

    public static IReadOnlyList<ConditionDefinition> All => LazyAll.Value;

    /// <summary>The condition used when none is named: the §9 defaults with no placebo response.</summary>
    public static ConditionDefinition Generic => Find(GenericId);

    public static ConditionDefinition Find(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var key = NameMatch.Normalise(name);
        var match = All.FirstOrDefault(c => NameMatch.Normalise(c.Id) == key || NameMatch.Normalise(c.Parameters.Name) == key || c.Parameters.Aliases.Any(a => NameMatch.Normalise(a) == key));
        if (match is not null)
        {
            return match;
        }

        var near = NameMatch.Suggest(name, All.Select(c => (c.Id, c.Parameters.Aliases.Prepend(c.Parameters.Name).Prepend(c.Id))));
        throw new InvalidInputException(near.Count > 0
            ? $"Unknown condition '{name}'{NameMatch.DidYouMean(near)}"
            : $"Unknown condition '{name}'; known conditions: {string.Join(", ", All.Select(c => c.Id))}.");
    }

    private static List<ConditionDefinition> Load()
    {
        var assembly = typeof(ConditionCatalog).Assembly;
        var list = new List<ConditionDefinition>();
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream);
            var fileName = resource[ResourcePrefix.Length..];
            var (condition, variability) = ConditionReader.Read(reader.ReadToEnd(), "data/conditions/" + fileName);
            list.Add(new ConditionDefinition(condition, variability));
        }

        return list;
    }

    /// <summary>Reads a user's own condition file text (e.g. <c>--condition-file</c>).</summary>
    public static ConditionDefinition Parse(string yaml, string sourceName)
    {
        var (condition, variability) = ConditionReader.Read(yaml, sourceName);
        return new ConditionDefinition(condition, variability);
    }
}
