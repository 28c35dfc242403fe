using Ldn.Core.Text;
namespace Ldn.Core.Evidence;

/// <summary>
/// A set of evidence files put together and checked as a whole: condition ids and aliases are unique,
/// every reference to a condition (a study's <c>alsoFor</c>, a finding, a claim) names a known one, and
/// studies shared through <c>alsoFor</c> appear under each condition they inform.
/// </summary>
public sealed class EvidenceSet
{
    private EvidenceSet(IReadOnlyList<ConditionEvidence> conditions, IReadOnlyList<SideEffectEvidence> sideEffects, IReadOnlyList<SideEffectFinding> discontinuations, IReadOnlyList<ClaimVerdict> claims)
    {
        Conditions = conditions;
        SideEffects = sideEffects;
        Discontinuations = discontinuations;
        Claims = claims;
    }

    /// <summary>All conditions, strongest best grade first (then more studies, then name).</summary>
    public IReadOnlyList<ConditionEvidence> Conditions { get; }

    public IReadOnlyList<SideEffectEvidence> SideEffects { get; }

    public IReadOnlyList<SideEffectFinding> Discontinuations { get; }

    public IReadOnlyList<ClaimVerdict> Claims { get; }

    /// <summary>Reads and combines files given as (YAML text, name used in messages).</summary>
    public static EvidenceSet Parse(IEnumerable<(string Yaml, string SourceName)> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        return Combine([.. files.Select(f => EvidenceReader.Read(f.Yaml, f.SourceName))]);
    }

    public static EvidenceSet Combine(IReadOnlyList<EvidenceDocument> documents)
    {
        ArgumentNullException.ThrowIfNull(documents);
        var owners = new Dictionary<string, (string Id, string File)>(StringComparer.Ordinal);
        var own = new List<(ConditionEvidence Condition, string File)>();
        foreach (var document in documents)
        {
            if (document.Condition is not { } condition)
            {
                continue;
            }

            if (own.FirstOrDefault(o => o.Condition.Id == condition.Id) is { Condition: not null } twin)
            {
                throw new InvalidInputException($"The condition id '{condition.Id}' is defined twice, in '{twin.File}' and '{document.SourceName}'.");
            }

            foreach (var name in new[] { condition.Id, condition.Name }.Concat(condition.Aliases))
            {
                var key = NameMatch.Normalise(name);
                if (owners.TryGetValue(key, out var owner) && owner.Id != condition.Id)
                {
                    throw new InvalidInputException(
                        $"The evidence file '{document.SourceName}' gives '{name}' for '{condition.Id}', but '{owner.File}' already uses it for '{owner.Id}' (ids, names and aliases must be unique).");
                }

                owners[key] = (condition.Id, document.SourceName);
            }

            own.Add((condition, document.SourceName));
        }

        var ids = own.Select(o => o.Condition.Id).ToHashSet(StringComparer.Ordinal);
        void Check(string? id, string file, string what)
        {
            if (id is not null && !ids.Contains(id))
            {
                var near = NameMatch.Suggest(id, own.Select(o => (o.Condition.Id, (IEnumerable<string>)[o.Condition.Id])));
                throw new InvalidInputException(
                    $"The evidence file '{file}' refers to an unknown condition '{id}' in {what}{(near.Count > 0 ? $" (did you mean {string.Join(" or ", near)}?)" : "")}.");
            }
        }

        foreach (var (condition, file) in own)
        {
            foreach (var study in condition.Studies.Concat(condition.RegisteredTrials).Concat(condition.Reviews))
            {
                foreach (var other in study.AlsoFor)
                {
                    Check(other, file, $"the 'alsoFor' of {study.ShortName}");
                }
            }
        }

        var sideEffects = new List<SideEffectEvidence>();
        var sideEffectKeys = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var document in documents)
        {
            foreach (var effect in document.SideEffects)
            {
                foreach (var name in new[] { effect.Id, effect.Name }.Concat(effect.Aliases))
                {
                    var key = NameMatch.Normalise(name);
                    if (sideEffectKeys.TryGetValue(key, out var owner) && owner != effect.Id)
                    {
                        throw new InvalidInputException(
                            $"The evidence file '{document.SourceName}' gives '{name}' for side effect '{effect.Id}', but it is already used for '{owner}'.");
                    }

                    sideEffectKeys[key] = effect.Id;
                }

                if (sideEffects.Any(s => s.Id == effect.Id))
                {
                    throw new InvalidInputException($"The side effect id '{effect.Id}' is defined twice (in '{document.SourceName}').");
                }

                foreach (var finding in effect.Findings)
                {
                    Check(finding.ConditionId, document.SourceName, $"a finding of side effect '{effect.Id}'");
                }

                sideEffects.Add(effect);
            }

            foreach (var finding in document.Discontinuations)
            {
                Check(finding.ConditionId, document.SourceName, $"the discontinuation '{finding.Source}'");
            }

            foreach (var claim in document.Claims)
            {
                foreach (var id in claim.Conditions)
                {
                    Check(id, document.SourceName, $"claim '{claim.Id}'");
                }
            }
        }

        var claims = documents.SelectMany(d => d.Claims).ToList();
        var duplicateClaim = claims.GroupBy(c => c.Id, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicateClaim is not null)
        {
            throw new InvalidInputException($"The claim id '{duplicateClaim.Key}' is used twice.");
        }

        IEnumerable<Study> Shared(string id, Func<ConditionEvidence, IReadOnlyList<Study>> list) =>
            own.Where(o => o.Condition.Id != id).SelectMany(o => list(o.Condition)).Where(s => s.AlsoFor.Contains(id, StringComparer.Ordinal));
        var conditions = own
            .Select(o => o.Condition with
            {
                Studies = Strongest(o.Condition.Studies.Concat(Shared(o.Condition.Id, c => c.Studies))),
                RegisteredTrials = Strongest(o.Condition.RegisteredTrials.Concat(Shared(o.Condition.Id, c => c.RegisteredTrials))),
                Reviews = [.. o.Condition.Reviews.Concat(Shared(o.Condition.Id, c => c.Reviews)).OrderByDescending(s => s.Year ?? 0)],
            })
            .OrderBy(c => c.BestGrade)
            .ThenByDescending(c => c.Studies.Count)
            .ThenBy(c => c.Name, StringComparer.OrdinalIgnoreCase)
            .ToList();

        return new EvidenceSet(conditions, sideEffects, [.. documents.SelectMany(d => d.Discontinuations)], claims);
    }

    /// <summary>Strongest grade first, then newest, then largest.</summary>
    public static IReadOnlyList<Study> Strongest(IEnumerable<Study> studies) =>
        [.. studies.OrderBy(s => s.Grade).ThenByDescending(s => s.Year ?? 0).ThenByDescending(s => s.N ?? 0)];

    /// <summary>
    /// The condition named by id, name or alias, ignoring case and punctuation; an unknown name is a
    /// one-sentence <see cref="InvalidInputException"/> suggesting the nearest known ones.
    /// </summary>
    public ConditionEvidence Find(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var key = NameMatch.Normalise(name);
        var match = Conditions.FirstOrDefault(c => Keys(c).Any(k => NameMatch.Normalise(k) == key));
        if (match is not null && key.Length > 0)
        {
            return match;
        }

        var near = NameMatch.Suggest(name, Conditions.Select(c => (c.Id, Keys(c))));
        throw new InvalidInputException(near.Count > 0
            ? $"Unknown condition '{name}'; did you mean {string.Join(" or ", near)}?"
            : $"Unknown condition '{name}'; known conditions: {string.Join(", ", Conditions.Select(c => c.Id).Order(StringComparer.Ordinal))}.");
    }

    /// <summary>The side-effect kind named by id, name or alias ("diarrhea", "sleep disturbance").</summary>
    public SideEffectEvidence FindSideEffect(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var key = NameMatch.Normalise(name);
        var match = SideEffects.FirstOrDefault(s => new[] { s.Id, s.Name }.Concat(s.Aliases).Any(k => NameMatch.Normalise(k) == key));
        if (match is not null && key.Length > 0)
        {
            return match;
        }

        var near = NameMatch.Suggest(name, SideEffects.Select(s => (s.Id, new[] { s.Id, s.Name }.Concat(s.Aliases))));
        throw new InvalidInputException(near.Count > 0
            ? $"Unknown side effect '{name}'; did you mean {string.Join(" or ", near)}?"
            : $"Unknown side effect '{name}'; known side effects: {string.Join(", ", SideEffects.Select(s => s.Id))}.");
    }

    /// <summary>The claims that mention a condition.</summary>
    public IReadOnlyList<ClaimVerdict> ClaimsAbout(string conditionId) =>
        [.. Claims.Where(c => c.Conditions.Contains(conditionId, StringComparer.Ordinal))];

    private static IEnumerable<string> Keys(ConditionEvidence c) => new[] { c.Id, c.Name }.Concat(c.Aliases);
}
