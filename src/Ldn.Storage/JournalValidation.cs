using System.Globalization;
using System.Text.Json;
using Ldn.Core;
using Ldn.Core.Advice;
using Ldn.Core.Dosing;
using Ldn.Core.Journal;
using NodaTime;

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
        return dose with { Id = 0 };
    }

    public static CheckInEntry CheckIn(CheckInEntry checkIn)
    {
        ArgumentNullException.ThrowIfNull(checkIn);
        Zone(checkIn.TimeZoneId, "a check-in");
        Score(checkIn.Fatigue, "fatigue");
        Score(checkIn.Pain, "pain");
        Score(checkIn.Sleep, "sleep");
        Score(checkIn.Mood, "mood");
        Score(checkIn.Focus, "focus");
        Note(checkIn.Note);
        return checkIn with { Id = 0 };
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
        return sideEffect with { Id = 0, Kind = kind };
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
        return journalEvent with { Id = 0 };
    }

    public static MedicationEntry Medication(MedicationEntry medication)
    {
        ArgumentNullException.ThrowIfNull(medication);
        var name = Name(medication.Name, "A medication name");
        if (medication.Until is { } until)
        {
            Ends(medication.Since, until, $"The medication '{name}'");
        }

        return medication with { Id = 0, Name = name };
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
            throw new InvalidInputException($"The plan is not valid JSON ({e.Message.TrimEnd('.')}).", e);
        }

        return plan;
    }

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

    private static void Zone(string? zoneId, string what)
    {
        if (string.IsNullOrWhiteSpace(zoneId) || DateTimeZoneProviders.Tzdb.GetZoneOrNull(zoneId) is null)
        {
            throw new InvalidInputException($"'{zoneId}' is not an IANA time zone (such as Europe/London) for {what}.");
        }
    }
}
