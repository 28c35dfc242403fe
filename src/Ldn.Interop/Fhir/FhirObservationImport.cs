using System.Text.RegularExpressions;
using Hl7.Fhir.Model;
using Ldn.Core;
using Ldn.Core.Journal;
using Instant = NodaTime.Instant;

namespace Ldn.Interop.Fhir;

/// <summary>
/// Observations as check-ins, the journal's own scales and events. A check-in panel (the check-in code
/// system's <c>check-in</c>) is one check-in: its time, its note, and the scores its <c>hasMember</c>
/// names. A score is LOINC 72514-3 pain, a check-in-system code (fatigue, sleep-quality, mood, focus), an
/// own-scale code (the scale id, with label and anchors read from <c>code.text</c>, "Brain fog (0 = none,
/// 10 = worst)"), or, as a panel member with such a text, a scale with its own verified code. Scores no
/// panel names (a lone pain score from another system) form one check-in per instant. An Observation in
/// the journal-event code system is an event. Any other Observation is refused.
/// </summary>
internal sealed partial class FhirObservationImport(FhirImportContext context)
{
    /// <summary>The check-in code system's codes (as <see cref="FhirExport"/> writes them) and the journal's scale ids.</summary>
    private static readonly Dictionary<string, string> CheckInCodes = new(StringComparer.Ordinal)
    {
        ["fatigue"] = SymptomScales.Fatigue, ["sleep-quality"] = SymptomScales.Sleep, ["mood"] = SymptomScales.Mood, ["focus"] = SymptomScales.Focus,
    };

    private readonly Dictionary<int, (string ScaleId, int Value, Instant At, string Zone)> _scores = [];
    private readonly List<(Instant At, string Zone, string? Note, List<int> Members)> _panels = [];
    private readonly List<(int Index, Observation Observation)> _uncoded = [];
    private readonly Dictionary<string, SymptomScale> _scales = new(StringComparer.Ordinal);

    public List<EventEntry> Events { get; } = [];

    /// <exception cref="InvalidInputException">An Observation the import cannot map (one sentence naming the entry).</exception>
    public void Add(Observation observation, int index)
    {
        var where = context.Where(index);
        var coding = observation.Code?.Coding.FirstOrDefault(c => c.System is FhirExport.Loinc or FhirExport.CheckInSystem or FhirExport.EventSystem or FhirExport.OwnScaleSystem);
        var (at, zone) = context.At((observation.Effective as FhirDateTime)?.Value, where, "effectiveDateTime");
        var note = observation.Note.FirstOrDefault()?.Text;
        switch (coding)
        {
            case { System: FhirExport.CheckInSystem, Code: "check-in" }:
                var members = observation.HasMember
                    .Select(m => context.IndexOf(m) ?? throw new InvalidInputException($"{where} has hasMember '{FhirImportContext.Cut(m.Reference)}', which is no entry of this bundle."))
                    .ToList();
                _panels.Add((at, zone, string.IsNullOrWhiteSpace(note) ? null : note, members));
                return;
            case { System: FhirExport.Loinc, Code: FhirExport.PainLoincCode }:
                _scores[index] = (SymptomScales.Pain, Score(observation, where), at, zone);
                return;
            case { System: FhirExport.CheckInSystem } c when CheckInCodes.TryGetValue(c.Code ?? "", out var key):
                _scores[index] = (key, Score(observation, where), at, zone);
                return;
            case { System: FhirExport.OwnScaleSystem, Code: { } id }:
                _scores[index] = (OwnScale(observation, id, null, where), Score(observation, where), at, zone);
                return;
            case { System: FhirExport.EventSystem } c:
                var kind = c.Code switch
                {
                    "flare" => JournalEventKind.Flare,
                    "infection" => JournalEventKind.Infection,
                    "medication-change" => JournalEventKind.MedicationChange,
                    "other" => JournalEventKind.Other,
                    _ => throw new InvalidInputException($"{where} has journal-event code '{FhirImportContext.Cut(c.Code)}', which is not flare, infection, medication-change or other."),
                };
                Events.Add(new EventEntry(0, at, zone, kind, string.IsNullOrWhiteSpace(note) ? null : note));
                return;
            default:
                // Perhaps a score on a scale with its own verified code: known once the panels are read.
                _uncoded.Add((index, observation));
                return;
        }
    }

    /// <summary>The check-ins in time order and the own scales they use, in the order the panels list them.</summary>
    /// <exception cref="InvalidInputException">An Observation that is neither a score of a panel nor anything else the import maps.</exception>
    public (List<CheckInEntry> CheckIns, List<SymptomScale> Scales) Finish()
    {
        var members = _panels.SelectMany(p => p.Members).ToHashSet();
        foreach (var (index, observation) in _uncoded)
        {
            var where = context.Where(index);
            var first = observation.Code?.Coding.FirstOrDefault();
            if (!members.Contains(index) || first is null || Anchors().Match(observation.Code!.Text ?? "") is not { Success: true })
            {
                throw new InvalidInputException(
                    $"{where} is an Observation coded {(first is null ? "only as text" : $"'{FhirImportContext.Cut(first.Code)}' in {FhirImportContext.Cut(first.System)}")}, which is neither a check-in score (LOINC {FhirExport.PainLoincCode} pain or the check-in code system) nor a journal event.");
            }

            var (at, zone) = context.At((observation.Effective as FhirDateTime)?.Value, where, "effectiveDateTime");
            _scores[index] = (OwnScale(observation, null, first, where), Score(observation, where), at, zone);
        }

        var checkIns = new List<CheckInEntry>();
        foreach (var (at, zone, note, list) in _panels)
        {
            var scores = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var member in list)
            {
                var score = _scores.TryGetValue(member, out var s) ? s
                    : throw new InvalidInputException($"{context.Where(member)} is named by a check-in panel's hasMember but is not a check-in score.");
                scores[score.ScaleId] = score.Value;
            }

            checkIns.Add(CheckInEntry.WithScores(0, at, zone, scores, note));
        }

        // Scores no panel names (another system's): one check-in per instant and offset.
        foreach (var group in _scores.Where(p => !members.Contains(p.Key)).GroupBy(p => (p.Value.At, p.Value.Zone)))
        {
            checkIns.Add(CheckInEntry.WithScores(0, group.Key.At, group.Key.Zone, group.ToDictionary(p => p.Value.ScaleId, p => p.Value.Value, StringComparer.Ordinal)));
        }

        return ([.. checkIns.OrderBy(c => c.At)], ScaleOrder());
    }

    private static int Score(Observation observation, string where) =>
        observation.Value is Integer { Value: { } value }
            ? value
            : throw new InvalidInputException($"{where} is a check-in score without a whole-number valueInteger.");

    /// <summary>The id of the own scale the score is on, adding the scale (label and anchors from <c>code.text</c>) the first time it is seen.</summary>
    private string OwnScale(Observation observation, string? ownId, Coding? verified, string where)
    {
        var match = Anchors().Match(observation.Code?.Text ?? "");
        var label = match.Success ? match.Groups[1].Value : observation.Code?.Coding.FirstOrDefault()?.Display ?? ownId ?? "";
        string id;
        try
        {
            id = ownId ?? SymptomScales.IdFor(label);
        }
        catch (InvalidInputException e)
        {
            throw new InvalidInputException($"{where} is a score on a scale without a usable label: {e.Message.TrimEnd('.')}.", e);
        }

        // A score on a scale the export found missing from its catalogue reads "ghost (0–10)": the anchors are the numbers.
        _scales.TryAdd(id, new SymptomScale(id, string.IsNullOrWhiteSpace(label) ? id : label, match.Success ? match.Groups[2].Value : "0", match.Success ? match.Groups[3].Value : "10",
            HigherIsWorse: true, verified?.System, verified?.Code));
        return id;
    }

    /// <summary>
    /// The own scales in an order every panel agrees with (each panel lists its own scales in the catalogue's
    /// order), the first seen first where the panels leave it open.
    /// </summary>
    private List<SymptomScale> ScaleOrder()
    {
        var firstSeen = _scales.Keys.ToList();
        var after = firstSeen.ToDictionary(k => k, _ => new HashSet<string>(StringComparer.Ordinal), StringComparer.Ordinal);
        foreach (var (_, _, _, list) in _panels)
        {
            var own = list.Select(m => _scores[m].ScaleId).Where(_scales.ContainsKey).ToList();
            for (var i = 1; i < own.Count; i++)
            {
                after[own[i]].Add(own[i - 1]);
            }
        }

        var order = new List<SymptomScale>();
        while (order.Count < firstSeen.Count)
        {
            // The first scale all of whose predecessors are placed; a cycle (panels disagreeing) takes the first left.
            var next = firstSeen.FirstOrDefault(k => !order.Any(s => s.Id == k) && after[k].All(p => order.Any(s => s.Id == p)))
                ?? firstSeen.First(k => !order.Any(s => s.Id == k));
            order.Add(_scales[next]);
        }

        return order;
    }

    /// <summary>The export's scale text: "Brain fog (0 = none, 10 = worst)".</summary>
    [GeneratedRegex(@"^(.{1,200}) \(0 = (.{1,200}), 10 = (.{1,200})\)$", RegexOptions.CultureInvariant | RegexOptions.Singleline)]
    private static partial Regex Anchors();
}
