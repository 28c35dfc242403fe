using System.Globalization;
using System.Text.Json;
using Ldn.Core;
using Ldn.Core.Advice;
using Ldn.Core.Dosing;
using Ldn.Core.Journal;
using NodaTime;
using Ldn.Core.Text;

namespace Ldn.Storage;

/// <summary>
/// The store's own checks (the CLI checks too: defence in depth). Each returns the entry as it is stored
/// (trimmed names, the canonical side-effect kind) or throws an <see cref="InvalidInputException"/> with one
/// sentence, before anything is written.
/// </summary>
internal static class JournalValidation
{
    public const decimal MaxDoseMg = 300m;
    public const int MaxNameLength = 200;
    public const int MaxNoteLength = 10_000;
    public const int MaxConditions = 100;
    public const int MaxPlanLength = 1_000_000;

    /// <summary>Any entry, by its kind; check-ins against the scale catalogue <paramref name="scales"/>.</summary>
    public static IJournalEntry Entry(IJournalEntry entry, IReadOnlyList<SymptomScale> scales) => entry switch
    {
        DoseEntry d => Dose(d),
        CheckInEntry c => CheckIn(c, scales),
        SideEffectEntry s => SideEffect(s),
        EventEntry e => Event(e),
        MedicationEntry m => Medication(m),
        PlanVersion p => Plan(p),
        null => throw new ArgumentNullException(nameof(entry)),
        _ => throw new ArgumentOutOfRangeException(nameof(entry), entry.GetType().Name, "Not a journal entry type."),
    };

    public static JournalProfile Profile(JournalProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        Zone(profile.TimeZoneId, "the profile");
        var conditions = profile.Conditions ?? [];
        if (conditions.Count > MaxConditions)
        {
            throw new InvalidInputException($"A profile lists at most {MaxConditions} conditions, not {conditions.Count}.");
        }

        return profile with
        {
            Name = profile.Name is null ? null : Name(profile.Name, "The profile name"),
            Conditions = [.. conditions.Select(c => Name(c, "A condition"))],
        };
    }

    public static DoseEntry Dose(DoseEntry dose)
    {
        ArgumentNullException.ThrowIfNull(dose);
        Zone(dose.TimeZoneId, "a dose");
        if (!Enum.IsDefined(dose.Formulation))
        {
            throw new InvalidInputException($"'{dose.Formulation}' is not a known formulation (use {string.Join(", ", Formulations.All.Select(f => f.Name()))}).");
        }

        // A skipped dose may carry the planned dose, or 0.
        if (dose.DoseMg < 0m || (dose.DoseMg == 0m && !dose.Skipped) || dose.DoseMg > MaxDoseMg)
        {
            throw new InvalidInputException(
                $"A dose of {dose.DoseMg.ToString(CultureInfo.InvariantCulture)} mg is out of range (more than 0 and at most {MaxDoseMg.ToString(CultureInfo.InvariantCulture)} mg).");
        }

        Note(dose.Note);
        return dose;
    }

    /// <summary>A check-in; every score on a scale other than the five must be on a scale of <paramref name="scales"/> (the journal's catalogue).</summary>
    public static CheckInEntry CheckIn(CheckInEntry checkIn, IReadOnlyList<SymptomScale> scales)
    {
        ArgumentNullException.ThrowIfNull(checkIn);
        ArgumentNullException.ThrowIfNull(scales);
        Zone(checkIn.TimeZoneId, "a check-in");
        Score(checkIn.Fatigue, "fatigue");
        Score(checkIn.Pain, "pain");
        Score(checkIn.Sleep, "sleep");
        Score(checkIn.Mood, "mood");
        Score(checkIn.Focus, "focus");
        foreach (var (id, score) in checkIn.OtherScores ?? new Dictionary<string, int>())
        {
            if (SymptomScales.IsBuiltIn(id) || !scales.Any(s => s.Id == id))
            {
                throw new InvalidInputException(SymptomScales.IsBuiltIn(id)
                    ? $"The {id} score belongs in its own field, not among the other scores."
                    : $"'{id}' is not a scale of this journal (add it with 'ldn journal scale add' first).");
            }

            Score(score, id);
        }

        Note(checkIn.Note);
        return checkIn;
    }

    public static SideEffectEntry SideEffect(SideEffectEntry sideEffect)
    {
        ArgumentNullException.ThrowIfNull(sideEffect);
        Zone(sideEffect.TimeZoneId, "a side effect");
        if (sideEffect.Kind is null)
        {
            throw new InvalidInputException("A side effect needs a kind.");
        }

        var kind = SideEffectKinds.Parse(sideEffect.Kind);
        if (!Enum.IsDefined(sideEffect.Severity))
        {
            throw new InvalidInputException($"'{sideEffect.Severity}' is not a side-effect severity (use mild, moderate or severe).");
        }

        if (sideEffect.To is { } to)
        {
            Ends(sideEffect.From, to, "A side effect");
        }

        Note(sideEffect.Note);
        return sideEffect with { Kind = kind, TypedName = sideEffect.TypedName is null ? null : Name(sideEffect.TypedName, "A typed side-effect name") };
    }

    public static EventEntry Event(EventEntry journalEvent)
    {
        ArgumentNullException.ThrowIfNull(journalEvent);
        Zone(journalEvent.TimeZoneId, "an event");
        if (!Enum.IsDefined(journalEvent.Kind))
        {
            throw new InvalidInputException($"'{journalEvent.Kind}' is not a journal event kind (use {string.Join(", ", Enum.GetNames<JournalEventKind>())}).");
        }

        Note(journalEvent.Note);
        return journalEvent;
    }

    public static MedicationEntry Medication(MedicationEntry medication)
    {
        ArgumentNullException.ThrowIfNull(medication);
        var name = Name(medication.Name, "A medication name");
        if (medication.Until is { } until)
        {
            Ends(medication.Since, until, $"The medication '{name}'");
        }

        return medication with { Name = name };
    }

    public static PlanVersion Plan(PlanVersion plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        if (string.IsNullOrWhiteSpace(plan.PlanJson) || plan.PlanJson.Length > MaxPlanLength)
        {
            throw new InvalidInputException($"A plan must be a JSON document of 1 to {MaxPlanLength} characters.");
        }

        try
        {
            using var document = JsonDocument.Parse(plan.PlanJson);
        }
        catch (JsonException e)
        {
            throw new InvalidInputException($"The plan is not valid JSON ({JsonErrors.Describe(e)}).", e);
        }

        return plan with { Adjustment = plan.Adjustment is null ? null : Name(plan.Adjustment, "A plan adjustment") };
    }

    /// <summary>A scale to add: its id is the label's (<see cref="SymptomScales.IdFor"/>) unless it has a well-formed one.</summary>
    public static SymptomScale Scale(SymptomScale scale)
    {
        ArgumentNullException.ThrowIfNull(scale);
        var label = Name(scale.Label, "A scale name");
        _ = SymptomScales.IdFor(label);   // refuses a label that is too long or has no letter or digit
        var id = string.IsNullOrWhiteSpace(scale.Id) ? SymptomScales.IdFor(label) : scale.Id.Trim();
        if (SymptomScales.IdFor(id) != id)
        {
            throw new InvalidInputException($"'{scale.Id}' is not a scale id: use lower-case letters and digits joined by '-' (such as brain-fog).");
        }

        return scale with
        {
            Id = id,
            Label = label,
            LowAnchor = Name(scale.LowAnchor, "The text for 0 on a scale"),
            HighAnchor = Name(scale.HighAnchor, "The text for 10 on a scale"),
            CodeSystem = scale.CodeSystem is null ? null : Name(scale.CodeSystem, "A scale's code system"),
            Code = scale.Code is null ? null : Name(scale.Code, "A scale's code"),
        };
    }

    /// <summary>Why a change was made: trimmed, at most 200 characters, no control characters; empty is none.</summary>
    public static string? Reason(string? reason) => string.IsNullOrWhiteSpace(reason) ? null : Name(reason, "A reason");

    public static void Ends(Instant from, Instant to, string what)
    {
        if (to < from)
        {
            throw new InvalidInputException($"{what} cannot end ({to}) before it starts ({from}).");
        }
    }

    public static string Name(string? name, string what)
    {
        var trimmed = name?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            throw new InvalidInputException($"{what} cannot be empty.");
        }

        if (trimmed.Length > MaxNameLength)
        {
            throw new InvalidInputException($"{what} is {trimmed.Length} characters long; at most {MaxNameLength} are allowed.");
        }

        if (trimmed.Any(char.IsControl))
        {
            throw new InvalidInputException($"{what} contains a control character.");
        }

        return trimmed;
    }

    private static void Note(string? note)
    {
        if (note is null)
        {
            return;
        }

        if (note.Length > MaxNoteLength)
        {
            throw new InvalidInputException($"A note is {note.Length} characters long; at most {MaxNoteLength} are allowed.");
        }

        // PostgreSQL cannot store NUL in text, and no other control character belongs in a note.
        if (note.Any(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t')))
        {
            throw new InvalidInputException("A note contains a control character other than a line break or tab.");
        }
    }

    private static void Score(int? score, string scale)
    {
        if (score is < 0 or > 10)
        {
            throw new InvalidInputException($"The {scale} score {score} is out of range (0 to 10).");
        }
    }

    /// <summary>An IANA zone id, or a fixed offset written UTC-08:00 (what a typed offset is kept as).</summary>
    private static void Zone(string? zoneId, string what)
    {
        try
        {
            if (!string.IsNullOrWhiteSpace(zoneId)
                && (DateTimeZoneProviders.Tzdb.GetZoneOrNull(zoneId) is not null || JournalTime.Zone(zoneId).Id == zoneId))
            {
                return;
            }
        }
        catch (InvalidInputException)
        {
            // Reworded below, naming what the zone was for.
        }

        throw new InvalidInputException($"'{zoneId}' is not a time zone (an IANA id such as Europe/London, or a fixed offset such as UTC-08:00) for {what}.");
    }
}
