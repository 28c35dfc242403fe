using Ldn.Core.Text;

namespace Ldn.Core.Safety;

/// <summary>Reads and validates <c>data/safety/*.yaml</c>; unknown keys are errors, as everywhere.</summary>
internal static class SafetyDataReader
{
    public const string OpioidSchema = "ldn-opioids/1";
    public const string InteractionSchema = "ldn-interactions/1";

    /// <summary>Antagonists and look-alikes that must never be matched as opioids (see opioids.yaml).</summary>
    internal static readonly string[] NotOpioids =
        ["naltrexone", "naloxone", "nalmefene", "methylnaltrexone", "naloxegol", "apomorphine", "dextromethorphan"];

    public static string Resource(string name)
    {
        var assembly = typeof(SafetyDataReader).Assembly;
        using var stream = assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The resource '{name}' is not compiled in.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    public static IReadOnlyList<OpioidEntry> ReadOpioids(string yaml, string sourceName)
    {
        InvalidInputException Fail(string what) => new($"The opioid list '{sourceName}' {what}.");
        var file = YamlFile.Read<OpioidFile>(yaml, sourceName, "opioid list");
        if (file.Schema != OpioidSchema)
        {
            throw Fail($"must declare 'schema: {OpioidSchema}' (found '{file.Schema ?? "nothing"}')");
        }

        if (file.Opioids is not { Count: > 0 })
        {
            throw Fail("lists no opioids");
        }

        var list = new List<OpioidEntry>();
        foreach (var o in file.Opioids)
        {
            if (string.IsNullOrWhiteSpace(o.Name))
            {
                throw Fail("has an entry without a 'name'");
            }

            var name = o.Name.Trim();
            var kind = o.Kind?.Trim() switch
            {
                "short-acting" => OpioidKind.ShortActing,
                "long-acting" => OpioidKind.LongActing,
                "maintenance" => OpioidKind.Maintenance,
                _ => throw Fail($"gives '{name}' the kind '{o.Kind}' (use short-acting, long-acting or maintenance)"),
            };
            if (o.WashoutDays is not { Minimum: { } min, Recommended: { } recommended } || min < 1 || recommended < min || recommended > 60)
            {
                throw Fail($"needs 'washoutDays: {{ minimum, recommended }}' for '{name}' with 1 ≤ minimum ≤ recommended ≤ 60");
            }

            if (string.IsNullOrWhiteSpace(o.Source))
            {
                throw Fail($"gives no 'source' for '{name}'");
            }

            if (o.Brands is null)
            {
                throw Fail($"gives no 'brands' list for '{name}' (write 'brands: []' if it has none)");
            }

            var entry = new OpioidEntry(name, [.. (o.Synonyms ?? []).Select(s => s.Trim())], [.. o.Brands.Select(b => b.Trim())], kind, min, recommended, o.Source.Trim());
            var antagonist = entry.AllNames.FirstOrDefault(n => NotOpioids.Contains(DrugNameIndex<OpioidEntry>.Squash(n), StringComparer.Ordinal));
            if (antagonist is not null)
            {
                throw Fail($"lists '{antagonist}', which is not an opioid agonist");
            }

            list.Add(entry);
        }

        try
        {
            _ = OpioidCatalog.BuildMatcher(list);
        }
        catch (InvalidOperationException e)
        {
            throw Fail($"is ambiguous: {e.Message.TrimEnd('.')}");
        }

        return list;
    }

    public static IReadOnlyList<InteractionEntry> ReadInteractions(string yaml, string sourceName)
    {
        InvalidInputException Fail(string what) => new($"The interaction list '{sourceName}' {what}.");
        var file = YamlFile.Read<InteractionFile>(yaml, sourceName, "interaction list");
        if (file.Schema != InteractionSchema)
        {
            throw Fail($"must declare 'schema: {InteractionSchema}' (found '{file.Schema ?? "nothing"}')");
        }

        var list = new List<InteractionEntry>();
        foreach (var i in file.Interactions ?? [])
        {
            if (i.Code is null || !InteractionCatalog.KnownCodes.Contains(i.Code, StringComparer.Ordinal))
            {
                throw Fail($"has the unknown code '{i.Code}' (known: {string.Join(", ", InteractionCatalog.KnownCodes)})");
            }

            if (i.Names is not { Count: > 0 } || string.IsNullOrWhiteSpace(i.Source))
            {
                throw Fail($"needs 'names' and a 'source' for '{i.Code}'");
            }

            list.Add(new InteractionEntry(i.Code, [.. i.Names.Select(n => n.Trim())], i.Source.Trim()));
        }

        var missing = InteractionCatalog.KnownCodes.FirstOrDefault(c => list.All(e => e.Code != c));
        return missing is null ? list : throw Fail($"has no entry for '{missing}'");
    }

    // Shapes of the YAML documents; public setters because YamlDotNet fills them.
    private sealed class OpioidFile
    {
        public string? Schema { get; set; }

        public List<OpioidSection>? Opioids { get; set; }
    }

    private sealed class OpioidSection
    {
        public string? Name { get; set; }

        public List<string>? Synonyms { get; set; }

        public List<string>? Brands { get; set; }

        public string? Kind { get; set; }

        public WashoutSection? WashoutDays { get; set; }

        public string? Source { get; set; }
    }

    private sealed class WashoutSection
    {
        public int? Minimum { get; set; }

        public int? Recommended { get; set; }
    }

    private sealed class InteractionFile
    {
        public string? Schema { get; set; }

        public List<InteractionSection>? Interactions { get; set; }
    }

    private sealed class InteractionSection
    {
        public string? Code { get; set; }

        public List<string>? Names { get; set; }

        public string? Source { get; set; }
    }
}
