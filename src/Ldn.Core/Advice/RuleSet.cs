using System.Globalization;
using System.Text.RegularExpressions;
using Ldn.Core.Dosing;
using Ldn.Core.Safety;
using Ldn.Core.Text;

namespace Ldn.Core.Advice;

/// <summary>
/// The conditions of one rule: every predicate that is set must hold (an empty <c>when</c> always holds,
/// which is the catch-all). The vocabulary is deliberately small; see docs/safety-and-advice.md.
/// </summary>
public sealed record RuleCondition
{
    /// <summary><c>safety: hard-stop</c>: some safety finding has this severity.</summary>
    public SafetySeverity? Safety { get; init; }

    /// <summary><c>safetyCodes: [pregnancy, …]</c>: some safety finding has one of these codes.</summary>
    public IReadOnlyList<string>? SafetyCodes { get; init; }

    /// <summary><c>sideEffect: { … }</c>: some reported side effect matches.</summary>
    public SideEffectCondition? SideEffect { get; init; }

    /// <summary><c>anySideEffect: true|false</c>.</summary>
    public bool? AnySideEffect { get; init; }

    /// <summary><c>flare: true|false</c>.</summary>
    public bool? Flare { get; init; }

    /// <summary><c>daysOnStep: { atLeast: n, below: n }</c>.</summary>
    public int? DaysOnStepAtLeast { get; init; }

    public int? DaysOnStepBelow { get; init; }

    /// <summary><c>stepComplete: true|false</c>: days on the step ≥ the step's length.</summary>
    public bool? StepComplete { get; init; }

    /// <summary><c>atTarget: true|false</c>: no next dose.</summary>
    public bool? AtTarget { get; init; }

    public bool IsCatchAll => Safety is null && SafetyCodes is null && SideEffect is null && AnySideEffect is null && Flare is null
        && DaysOnStepAtLeast is null && DaysOnStepBelow is null && StepComplete is null && AtTarget is null;

    internal bool Holds(AdviceState state, IReadOnlyList<SafetyFinding> safety, out SideEffectReport? matched)
    {
        matched = null;
        if (Safety is { } severity && !safety.Any(f => f.Severity == severity))
        {
            return false;
        }

        if (SafetyCodes is { } codes && !safety.Any(f => codes.Contains(f.Code, StringComparer.Ordinal)))
        {
            return false;
        }

        if (SideEffect is { } side && (matched = side.FirstMatch(state)) is null)
        {
            return false;
        }

        return (AnySideEffect is not { } any || any == state.SideEffects.Count > 0)
            && (Flare is not { } flare || flare == state.Flare)
            && (DaysOnStepAtLeast is not { } least || state.DaysOnStep >= least)
            && (DaysOnStepBelow is not { } below || state.DaysOnStep < below)
            && (StepComplete is not { } complete || complete == state.StepComplete)
            && (AtTarget is not { } target || target == state.AtTarget);
    }
}

/// <summary>The <c>sideEffect</c> predicate: kinds, a minimum severity and duration, and the dose time and formulation it applies to.</summary>
public sealed record SideEffectCondition
{
    public IReadOnlyList<string>? Kinds { get; init; }

    public SideEffectSeverity MinSeverity { get; init; } = SideEffectSeverity.Mild;

    public int MinDays { get; init; }

    /// <summary>true: only with an evening dose; false: only with a morning dose; null: either.</summary>
    public bool? EveningDose { get; init; }

    public IReadOnlyList<Formulation>? Formulations { get; init; }

    /// <summary>The most severe, then longest-running, report that matches; null if none does or the dose time or formulation differ.</summary>
    internal SideEffectReport? FirstMatch(AdviceState state)
    {
        if ((EveningDose is { } evening && evening != state.IsEveningDose) || (Formulations is { } forms && !forms.Contains(state.Formulation)))
        {
            return null;
        }

        return state.SideEffects
            .Where(s => (Kinds is null || Kinds.Contains(s.Kind, StringComparer.Ordinal)) && s.Severity >= MinSeverity && s.DaysOngoing >= MinDays)
            .OrderByDescending(s => s.Severity).ThenByDescending(s => s.DaysOngoing)
            .FirstOrDefault();
    }
}

/// <summary>One adjustment rule from <c>data/rules/adjustment.yaml</c>.</summary>
/// <param name="Id">Unique id, e.g. sleep-evening-dose.</param>
/// <param name="When">The conditions that must all hold.</param>
/// <param name="Action">One of <see cref="AdviceActions.All"/>.</param>
/// <param name="Reason">The sentence shown, with placeholders.</param>
/// <param name="Source">Where the rule comes from.</param>
/// <param name="SettleDays">
/// For a rule that changes something (every action but hold and stop): days the current arrangement must
/// have lasted before the rule may change it again; before that, the advice is to hold (rule id
/// <see cref="RuleSet.SettlingRuleId"/>). Null: no settling time.
/// </param>
public sealed record AdjustmentRule(string Id, RuleCondition When, string Action, string Reason, string Source, int? SettleDays = null);

/// <summary>
/// An ordered list of adjustment rules (schema <c>ldn-rules/1</c>); the first rule whose conditions all
/// hold decides. Reading checks that every action is one of the six, ids are unique, placeholders are
/// known and the last rule — and only the last — is a catch-all.
/// </summary>
public sealed partial class RuleSet
{
    public const string Schema = "ldn-rules/1";

    /// <summary>The rule id of the advice to hold while a change settles.</summary>
    public const string SettlingRuleId = "settling";

    /// <summary>Placeholders a reason may use, filled from the state and the matched side effect.</summary>
    public static IReadOnlyList<string> Placeholders { get; } = ["dose", "next", "previous", "suggested", "kind", "days", "daysOnStep", "stepDays", "formulation"];

    private RuleSet(IReadOnlyList<AdjustmentRule> rules) => Rules = rules;

    public IReadOnlyList<AdjustmentRule> Rules { get; }

    /// <summary>The advice of the first rule that holds for <paramref name="state"/>.</summary>
    public Advice Decide(AdviceState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        state.Validate();
        var safety = SafetyChecks.Evaluate(state.ToSafetyContext());
        foreach (var rule in Rules)
        {
            if (rule.When.Holds(state, safety, out var matched))
            {
                if (rule.SettleDays is { } settle && state.DaysSinceChange is { } since && since < settle
                    && rule.Action is not (AdviceActions.Hold or AdviceActions.StopAndContactPrescriber))
                {
                    return Settling(rule, state, matched, since, settle, safety);
                }

                var suggested = SuggestedDose(rule.Action, state);
                return new Advice(rule.Action, Fill(rule.Reason, state, matched, suggested), rule.Source, rule.Id, suggested, safety);
            }
        }

        // Unreachable: reading guarantees a catch-all last rule.
        throw new InvalidOperationException("No adjustment rule matched, but the last rule is a catch-all.");
    }

    /// <summary>
    /// Hold while the last change settles: the rule that would act is named, with when it may act.
    /// </summary>
    private static Advice Settling(AdjustmentRule rule, AdviceState state, SideEffectReport? matched, int since, int settle, IReadOnlyList<SafetyFinding> safety)
    {
        var ago = since switch { 0 => "today", 1 => "1 day ago", _ => $"{since.ToString(CultureInfo.InvariantCulture)} days ago" };
        var wait = settle - since;
        var reason = $"{Capitalise(state.LastChange ?? "the arrangement changed")} {ago}, so stay on {AdviceState.Mg(state.CurrentDoseMg)} as it is for "
            + $"{wait.ToString(CultureInfo.InvariantCulture)} more day{(wait == 1 ? "" : "s")} before the next change ({rule.Action}, rule {rule.Id}: {Fill(rule.Reason, state, matched, SuggestedDose(rule.Action, state)).TrimEnd('.')}).";
        return new Advice(AdviceActions.Hold, reason, rule.Source + "; the settling time of " + settle.ToString(CultureInfo.InvariantCulture) + " days is the tool's own (one change at a time, judged after some days)", SettlingRuleId, state.CurrentDoseMg, safety);
    }

    private static string Capitalise(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    /// <summary>
    /// Advance: the next dose. Step down: the previous dose if known, else half the current dose rounded
    /// down to a 0.5-mg step (the usual capsule step, §3.2), or to 0.1 mg below 1 mg (liquid allows it).
    /// Stop: none. Otherwise the current dose.
    /// </summary>
    public static decimal? SuggestedDose(string action, AdviceState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        return action switch
        {
            AdviceActions.Advance => state.NextDoseMg ?? state.CurrentDoseMg,
            AdviceActions.StepDown => state.PreviousDoseMg ?? HalfDose(state.CurrentDoseMg),
            AdviceActions.StopAndContactPrescriber => null,
            _ => state.CurrentDoseMg,
        };
    }

    internal static decimal HalfDose(decimal current)
    {
        var half = current / 2;
        var capsuleStep = Math.Floor(half * 2) / 2;
        return capsuleStep > 0 ? capsuleStep : Math.Max(0.1m, Math.Round(half, 1, MidpointRounding.AwayFromZero));
    }

    private static string Fill(string reason, AdviceState state, SideEffectReport? matched, decimal? suggested)
    {
        var text = PlaceholderPattern().Replace(reason, m => m.Groups["name"].Value switch
        {
            "dose" => AdviceState.Mg(state.CurrentDoseMg),
            "next" => state.NextDoseMg is { } n ? AdviceState.Mg(n) : "none",
            "previous" => state.PreviousDoseMg is { } p ? AdviceState.Mg(p) : "none",
            "suggested" => suggested is { } s ? AdviceState.Mg(s) : "none",
            "kind" => matched?.Kind.Replace('-', ' ') ?? "side effect",
            "days" => (matched?.DaysOngoing ?? 0).ToString(CultureInfo.InvariantCulture),
            "daysOnStep" => state.DaysOnStep.ToString(CultureInfo.InvariantCulture),
            "stepDays" => state.StepDays.ToString(CultureInfo.InvariantCulture),
            "formulation" => state.Formulation.Name(),
            _ => m.Value,
        });
        return text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
    }

    [GeneratedRegex(@"\{(?<name>[A-Za-z]+)\}", RegexOptions.CultureInvariant)]
    private static partial Regex PlaceholderPattern();

    /// <summary>Reads and validates a rule file; mistakes are one sentence naming the file.</summary>
    public static RuleSet Parse(string yaml, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        InvalidInputException Fail(string what) => new($"The rule file '{sourceName}' {what}.");
        var file = YamlFile.Read<RuleFile>(yaml, sourceName, "rule file");

        if (file.Schema != Schema)
        {
            throw Fail($"must declare 'schema: {Schema}' (found '{file.Schema ?? "nothing"}')");
        }

        if (file.Rules is not { Count: > 0 })
        {
            throw Fail("has no rules");
        }

        var rules = new List<AdjustmentRule>();
        foreach (var r in file.Rules)
        {
            if (string.IsNullOrWhiteSpace(r.Id))
            {
                throw Fail($"has a rule without an 'id' (rule {rules.Count + 1})");
            }

            var id = r.Id.Trim();
            InvalidInputException FailRule(string what) => Fail($"has a problem in rule '{id}': {what}");
            if (rules.Any(x => x.Id == id))
            {
                throw Fail($"uses the rule id '{id}' twice");
            }

            if (r.Action is null || !AdviceActions.All.Contains(r.Action.Trim(), StringComparer.Ordinal))
            {
                throw FailRule($"'{r.Action}' is not an action (use {string.Join(", ", AdviceActions.All)})");
            }

            if (string.IsNullOrWhiteSpace(r.Reason) || string.IsNullOrWhiteSpace(r.Source))
            {
                throw FailRule("it needs a 'reason' and a 'source'");
            }

            var when = Condition(r.When ?? throw FailRule("it has no 'when' (write 'when: {}' for the catch-all)"), FailRule);
            foreach (Match m in PlaceholderPattern().Matches(r.Reason))
            {
                var name = m.Groups["name"].Value;
                if (!Placeholders.Contains(name, StringComparer.Ordinal))
                {
                    throw FailRule($"the reason uses the unknown placeholder '{{{name}}}' (known: {string.Join(", ", Placeholders.Select(p => "{" + p + "}"))})");
                }

                if (name is "kind" or "days" && when.SideEffect is null)
                {
                    throw FailRule($"the reason uses '{{{name}}}' but the rule has no 'sideEffect' condition to take it from");
                }
            }

            if (rules.Count > 0 && rules[^1].When.IsCatchAll)
            {
                throw Fail($"has rule '{id}' after the catch-all '{rules[^1].Id}', so it could never apply");
            }

            if (r.SettleDays is < 1 or > 90)
            {
                throw FailRule($"'settleDays: {r.SettleDays}' must be from 1 to 90 days");
            }

            rules.Add(new AdjustmentRule(id, when, r.Action.Trim(), r.Reason.Trim(), r.Source.Trim(), r.SettleDays));
        }

        return rules[^1].When.IsCatchAll
            ? new RuleSet(rules)
            : throw Fail($"must end with a catch-all rule ('when: {{}}', e.g. hold: stay on the current dose), but the last rule '{rules[^1].Id}' has conditions");
    }

    private static RuleCondition Condition(WhenSection w, Func<string, InvalidInputException> fail)
    {
        SafetySeverity? severity = null;
        if (w.Safety is not null)
        {
            severity = SafetySeverities.TryParse(w.Safety, out var s) ? s : throw fail($"'safety: {w.Safety}' is not a severity (use warning, refusal or hard-stop)");
        }

        var unknownCode = w.SafetyCodes?.FirstOrDefault(c => !SafetyChecks.Codes.All.Contains(c, StringComparer.Ordinal));
        if (unknownCode is not null)
        {
            throw fail($"'{unknownCode}' is not a safety finding code (known: {string.Join(", ", SafetyChecks.Codes.All)})");
        }

        if (w.DaysOnStep is { } range && (range.AtLeast is null && range.Below is null || range.AtLeast < 0 || range.Below < 1))
        {
            throw fail("'daysOnStep' needs 'atLeast' and/or 'below' with non-negative numbers");
        }

        return new RuleCondition
        {
            Safety = severity,
            SafetyCodes = w.SafetyCodes is { Count: > 0 } codes ? codes : null,
            SideEffect = w.SideEffect is { } side ? SideEffect(side, fail) : null,
            AnySideEffect = w.AnySideEffect,
            Flare = w.Flare,
            DaysOnStepAtLeast = w.DaysOnStep?.AtLeast,
            DaysOnStepBelow = w.DaysOnStep?.Below,
            StepComplete = w.StepComplete,
            AtTarget = w.AtTarget,
        };
    }

    private static SideEffectCondition SideEffect(SideEffectSection s, Func<string, InvalidInputException> fail)
    {
        var unknownKind = s.Kinds?.FirstOrDefault(k => !SideEffectKinds.IsKnown(k));
        if (unknownKind is not null)
        {
            throw fail($"'{unknownKind}' is not a side-effect kind (known: {string.Join(", ", SideEffectKinds.All)})");
        }

        if (s.MinDays < 0)
        {
            throw fail("'minDays' cannot be negative");
        }

        bool? evening = s.DoseTime switch
        {
            null => null,
            "evening" => true,
            "morning" => false,
            _ => throw fail($"'doseTime: {s.DoseTime}' must be evening or morning"),
        };
        List<Formulation>? forms = null;
        if (s.Formulation is not null)
        {
            try
            {
                forms = [.. s.Formulation.Select(Formulations.Parse)];
            }
            catch (InvalidInputException e)
            {
                throw fail(e.Message.TrimEnd('.'));
            }
        }

        return new SideEffectCondition
        {
            Kinds = s.Kinds is { Count: > 0 } kinds ? kinds : null,
            MinSeverity = s.MinSeverity is null ? SideEffectSeverity.Mild : ParseSeverity(s.MinSeverity) ?? throw fail($"'minSeverity: {s.MinSeverity}' must be mild, moderate or severe"),
            MinDays = s.MinDays ?? 0,
            EveningDose = evening,
            Formulations = forms,
        };
    }

    internal static SideEffectSeverity? ParseSeverity(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        "mild" => SideEffectSeverity.Mild,
        "moderate" => SideEffectSeverity.Moderate,
        "severe" => SideEffectSeverity.Severe,
        _ => null,
    };

    // Shapes of the YAML document; public setters because YamlDotNet fills them.
    private sealed class RuleFile
    {
        public string? Schema { get; set; }

        public List<RuleSection>? Rules { get; set; }
    }

    private sealed class RuleSection
    {
        public string? Id { get; set; }

        public WhenSection? When { get; set; }

        public string? Action { get; set; }

        public string? Reason { get; set; }

        public string? Source { get; set; }

        public int? SettleDays { get; set; }
    }

    private sealed class WhenSection
    {
        public string? Safety { get; set; }

        public List<string>? SafetyCodes { get; set; }

        public SideEffectSection? SideEffect { get; set; }

        public bool? AnySideEffect { get; set; }

        public bool? Flare { get; set; }

        public RangeSection? DaysOnStep { get; set; }

        public bool? StepComplete { get; set; }

        public bool? AtTarget { get; set; }
    }

    private sealed class SideEffectSection
    {
        public List<string>? Kinds { get; set; }

        public string? MinSeverity { get; set; }

        public int? MinDays { get; set; }

        public string? DoseTime { get; set; }

        public List<string>? Formulation { get; set; }
    }

    private sealed class RangeSection
    {
        public int? AtLeast { get; set; }

        public int? Below { get; set; }
    }
}

/// <summary>The shipped adjustment rules and the entry point of <c>ldn advise</c>.</summary>
public static class AdjustmentRules
{
    private static readonly Lazy<RuleSet> LazyDefault = new(() =>
    {
        using var stream = typeof(AdjustmentRules).Assembly.GetManifestResourceStream("Ldn.Core.Data.Rules.adjustment.yaml")
            ?? throw new InvalidOperationException("data/rules/adjustment.yaml is not compiled in.");
        using var reader = new StreamReader(stream);
        return RuleSet.Parse(reader.ReadToEnd(), "data/rules/adjustment.yaml");
    });

    /// <summary>The rules of <c>data/rules/adjustment.yaml</c>.</summary>
    public static RuleSet Default => LazyDefault.Value;

    /// <summary>The advice of the first default rule that holds for the state.</summary>
    public static Advice Decide(AdviceState state) => Default.Decide(state);
}
