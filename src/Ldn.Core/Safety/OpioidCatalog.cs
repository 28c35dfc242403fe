namespace Ldn.Core.Safety;

/// <summary>How an opioid is used, which decides its washout before naltrexone.</summary>
public enum OpioidKind
{
    ShortActing,
    LongActing,

    /// <summary>Methadone and buprenorphine, used for opioid-dependence maintenance.</summary>
    Maintenance,
}

/// <summary>
/// One opioid from <c>data/safety/opioids.yaml</c>. <see cref="RecommendedWashoutDays"/> is what the
/// checks use; <see cref="MinimumWashoutDays"/> is the lower figure the label allows (e.g. 7 of "7–10").
/// </summary>
public sealed record OpioidEntry(
    string Name,
    IReadOnlyList<string> Synonyms,
    IReadOnlyList<string> Brands,
    OpioidKind Kind,
    int MinimumWashoutDays,
    int RecommendedWashoutDays,
    string Source)
{
    /// <summary>The first day naltrexone may be taken after the last dose of this opioid.</summary>
    public DateOnly WashoutEnds(DateOnly lastTaken) => lastTaken.AddDays(RecommendedWashoutDays);

    /// <summary>"a short-acting opioid", for messages.</summary>
    public string KindDescription => Kind switch
    {
        OpioidKind.ShortActing => "a short-acting opioid",
        OpioidKind.LongActing => "a long-acting opioid",
        _ => "a maintenance opioid such as methadone or buprenorphine",
    };

    public IEnumerable<string> AllNames => [Name, .. Synonyms, .. Brands];
}

/// <summary>
/// The opioids that naltrexone blocks, compiled in from <c>data/safety/opioids.yaml</c>. Matching is
/// case-insensitive and ignores punctuation, spaces and dosage text: "Tramadol 50 mg" → tramadol,
/// "OxyContin" → oxycodone, "co-codamol 30/500" → codeine.
/// </summary>
public static class OpioidCatalog
{
    internal const string ResourceName = "Ldn.Core.Data.Safety.opioids.yaml";

    private static readonly Lazy<(IReadOnlyList<OpioidEntry> All, DrugNameIndex<OpioidEntry> Matcher)> Loaded = new(() =>
    {
        var all = SafetyDataReader.ReadOpioids(SafetyDataReader.Resource(ResourceName), "data/safety/opioids.yaml");
        return (all, BuildMatcher(all));
    });

    public static IReadOnlyList<OpioidEntry> All => Loaded.Value.All;

    /// <summary>The first opioid named in the text, or null if none is.</summary>
    public static OpioidEntry? Match(string medicationText) => MatchAll(medicationText) is { Count: > 0 } found ? found[0] : null;

    /// <summary>Every opioid named in the text ("tramadol and co-codamol" names two).</summary>
    public static IReadOnlyList<OpioidEntry> MatchAll(string medicationText) => Loaded.Value.Matcher.MatchAll(medicationText);

    internal static DrugNameIndex<OpioidEntry> Index => Loaded.Value.Matcher;

    internal static DrugNameIndex<OpioidEntry> BuildMatcher(IReadOnlyList<OpioidEntry> entries)
    {
        var matcher = new DrugNameIndex<OpioidEntry>();
        foreach (var entry in entries)
        {
            foreach (var name in entry.AllNames)
            {
                matcher.Add(name, entry, e => e.Name);
            }
        }

        return matcher;
    }
}

/// <summary>A medication group that raises a warning (thyroid replacement, thioridazine).</summary>
public sealed record InteractionEntry(string Code, IReadOnlyList<string> Names, string Source);

/// <summary>The non-opioid medications the checks look for, from <c>data/safety/interactions.yaml</c>.</summary>
public static class InteractionCatalog
{
    public const string ThyroidReplacement = "thyroid-replacement";
    public const string Thioridazine = "thioridazine";

    internal static readonly string[] KnownCodes = [ThyroidReplacement, Thioridazine];

    private static readonly Lazy<(IReadOnlyList<InteractionEntry> All, DrugNameIndex<InteractionEntry> Matcher)> Loaded = new(() =>
    {
        var all = SafetyDataReader.ReadInteractions(SafetyDataReader.Resource("Ldn.Core.Data.Safety.interactions.yaml"), "data/safety/interactions.yaml");
        var matcher = new DrugNameIndex<InteractionEntry>();
        foreach (var entry in all)
        {
            foreach (var name in entry.Names)
            {
                matcher.Add(name, entry, e => e.Code);
            }
        }

        return (all, matcher);
    });

    public static IReadOnlyList<InteractionEntry> All => Loaded.Value.All;

    public static InteractionEntry Get(string code) => All.First(e => e.Code == code);

    public static IReadOnlyList<InteractionEntry> MatchAll(string medicationText) => Loaded.Value.Matcher.MatchAll(medicationText);

    internal static DrugNameIndex<InteractionEntry> Index => Loaded.Value.Matcher;
}
