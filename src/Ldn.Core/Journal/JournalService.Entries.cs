using Ldn.Core.Advice;
using Ldn.Core.Dosing;
using Ldn.Core.Safety;
using NodaTime;

namespace Ldn.Core.Journal;

public sealed partial class JournalService
{
    /// <summary>
    /// Records a dose. Without <paramref name="confirmed"/>, a second dose on the same dose day (its own
    /// zone's day; before 06:00 counts as the night before), a dose above 10 mg, or one above twice the
    /// plan's dose for that day is not recorded: a <see cref="ConfirmationRequiredException"/> says what
    /// would be recorded and why it asks.
    /// </summary>
    /// <exception cref="InvalidInputException">A bad time, zone or dose; no dose given and no plan step that day.</exception>
    /// <exception cref="ConfirmationRequiredException">The dose looks like a mistake and was not confirmed.</exception>
    public Recorded<DoseEntry> RecordDose(DoseRequest request, bool confirmed = false)
    {
        ArgumentNullException.ThrowIfNull(request);
        var when = When(request.At, request.TimeZone);
        var day = DoseDay(when.At, when.Zone.Id);
        var step = PlanOn(day)?.StepOn(day);
        var doseMg = request.DoseMg
            ?? step?.DoseMg
            ?? throw new InvalidInputException("Give the dose (e.g. 'ldn journal dose 4.5mg'); the journal has no plan step for that day to take it from.");
        var dose = new DoseEntry(0, when.At, when.Zone.Id, doseMg, request.Formulation ?? step?.Formulation ?? Formulation.Capsule, request.Skipped, CleanNote(request.Note));
        AskAboutDose(dose, null, confirmed, "would be recorded");
        var id = Store.AddDose(dose);
        var notes = new List<string>();
        if (step is not null && step.DoseMg != doseMg && !request.Skipped)
        {
            notes.Add($"The plan's dose for {day:uuuu-MM-dd} is {Mg(step.DoseMg)}.");
        }

        return new Recorded<DoseEntry>(dose with { Id = id }, notes);
    }

    /// <summary>Records a check-in; scales are named by id or label ("brain fog") from the journal's catalogue.</summary>
    /// <exception cref="InvalidInputException">No score, an unknown scale (the closest are named), a score outside 0–10, a bad time.</exception>
    public Recorded<CheckInEntry> RecordCheckIn(CheckInRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var scores = ResolveScores(request.Scores);
        if (scores.Count == 0)
        {
            throw new InvalidInputException("Give at least one score (0–10), e.g. --pain 4 or --score \"brain fog=6\".");
        }

        var when = When(request.At, request.TimeZone);
        var entry = CheckInEntry.WithScores(0, when.At, when.Zone.Id, scores, CleanNote(request.Note));
        return new Recorded<CheckInEntry>(entry with { Id = Store.AddCheckIn(entry) }, []);
    }

    /// <summary>
    /// Records a side effect. An alias ("nightmares") is recorded under its kind with the typed words kept
    /// and the mapping in the notes; without <paramref name="confirmed"/>, a name only close to a kind or a
    /// kind already ongoing is asked about.
    /// </summary>
    /// <exception cref="InvalidInputException">An unknown name (the closest kinds are named), a bad time, an end before the start.</exception>
    /// <exception cref="ConfirmationRequiredException">A near-miss name or a kind already ongoing, not confirmed.</exception>
    public Recorded<SideEffectEntry> RecordSideEffect(SideEffectRequest request, bool confirmed = false)
    {
        ArgumentNullException.ThrowIfNull(request);
        var name = SideEffectKinds.Resolve(request.Name);
        var start = When(request.From, request.TimeZone);
        Instant? end = request.To is { } to ? When(to, request.TimeZone ?? start.Zone.Id).At : null;
        if (end < start.At)
        {
            throw new InvalidInputException("A side effect cannot end before it starts.");
        }

        var entry = new SideEffectEntry(0, name.Kind, request.Severity, start.At, end, start.Zone.Id, CleanNote(request.Note)) { TypedName = name.TypedToKeep };
        AskAboutSideEffect(entry, name, confirmed, "would be recorded");
        var notes = name.Match == SideEffectNameMatch.Alias
            ? new[] { $"'{name.Typed}' is recorded as {name.Kind} (a name for it); the words you typed are kept on the entry." }
            : [];
        return new Recorded<SideEffectEntry>(entry with { Id = Store.AddSideEffect(entry) }, notes);
    }

    /// <summary>Ends the ongoing side effect <paramref name="id"/> at <paramref name="to"/> (default now).</summary>
    /// <exception cref="InvalidInputException">No such ongoing side effect, or an end before its start.</exception>
    public Instant EndSideEffect(long id, string? to)
    {
        var when = When(to, null);
        return Store.EndSideEffect(id, when.At) ? when.At : throw new InvalidInputException($"There is no ongoing side effect with id {id}.");
    }

    /// <summary>Records an event.</summary>
    public Recorded<EventEntry> RecordEvent(EventRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var when = When(request.At, request.TimeZone);
        var entry = new EventEntry(0, when.At, when.Zone.Id, request.Kind, CleanNote(request.Note));
        return new Recorded<EventEntry>(entry with { Id = Store.AddEvent(entry) }, []);
    }

    /// <summary>
    /// Records a medication taken since <paramref name="since"/> (default now); an opioid gets a warning in
    /// the notes, a name the safety catalogue does not know a note that it was not checked. A name that is
    /// only close to an opioid ("tramadl") is asked about first: a misspelt opioid must not pass silently.
    /// </summary>
    /// <exception cref="ConfirmationRequiredException">The name is close to an opioid and was not confirmed.</exception>
    public Recorded<MedicationEntry> AddMedication(string name, string? since, bool confirmed = false)
    {
        var clean = MedicationName(name);
        AskAboutMedication(clean, confirmed);
        var entry = new MedicationEntry(0, clean, When(since, null).At, null);
        return new Recorded<MedicationEntry>(entry with { Id = Store.AddMedication(entry) }, MedicationNotes(clean));
    }

    /// <summary>Records that the medication <paramref name="name"/> was last taken at <paramref name="at"/> (default now).</summary>
    /// <exception cref="InvalidInputException">No medication of that name is being taken.</exception>
    public Instant StopMedication(string name, string? at)
    {
        var clean = MedicationName(name);
        var when = When(at, null).At;
        return Store.StopMedication(clean, when) ? when : throw new InvalidInputException($"No medication named '{clean}' is being taken in this journal.");
    }

    /// <summary>Adds a 0–10 scale to the catalogue; its id is made from the label ("Brain fog" → brain-fog).</summary>
    /// <exception cref="ScaleExistsException">The catalogue has a scale of that name or id already.</exception>
    /// <exception cref="InvalidInputException">A bad label or anchor, or a full catalogue.</exception>
    public SymptomScale AddScale(string label, bool higherIsWorse, string? lowAnchor = null, string? highAnchor = null)
    {
        ArgumentNullException.ThrowIfNull(label);
        var id = SymptomScales.IdFor(label);
        var catalogue = Store.Load(Now, Now).Scales;
        if ((SymptomScales.Find(catalogue, label) ?? SymptomScales.Find(catalogue, id)) is { } clash)
        {
            throw new ScaleExistsException($"The journal already has a scale '{clash.Label}' ({clash.Id}); choose another name.", clash);
        }

        var scale = new SymptomScale(id, label.Trim(),
            Anchor(lowAnchor, higherIsWorse ? "none" : "worst"),
            Anchor(highAnchor, higherIsWorse ? "worst" : "best"),
            higherIsWorse);
        Store.AddScale(scale);
        return scale;
    }

    /// <summary>Scores keyed by scale id, from names typed as ids or labels.</summary>
    private Dictionary<string, int> ResolveScores(IReadOnlyDictionary<string, int>? typed)
    {
        var result = new Dictionary<string, int>(StringComparer.Ordinal);
        if (typed is null || typed.Count == 0)
        {
            return result;
        }

        var catalogue = Store.Load(Now, Now).Scales;
        foreach (var (name, value) in typed)
        {
            var scale = SymptomScales.Find(catalogue, name) ?? throw new InvalidInputException(
                $"'{name}' is not a scale of this journal{Text.NameMatch.DidYouMean(Text.NameMatch.Suggest(name, catalogue.Select(s => (s.Id, (IEnumerable<string>)[s.Id, s.Label]))))}; add it with 'ldn journal scale add \"{name}\"'.");
            if (value is < 0 or > 10)
            {
                throw new InvalidInputException($"'{value}' is not a {scale.Label} score: use a whole number from 0 to 10.");
            }

            if (!result.TryAdd(scale.Id, value))
            {
                throw new InvalidInputException($"The {scale.Label} score is given twice ({result[scale.Id]} and {value}); give it once.");
            }
        }

        return result;
    }

    /// <summary>Asks (throws) about a dose that looks like a mistake; <paramref name="replacing"/> is the id of the dose being edited.</summary>
    private void AskAboutDose(DoseEntry dose, long? replacing, bool confirmed, string verb)
    {
        if (confirmed)
        {
            return;
        }

        var questions = new List<EntryQuestion>();
        var day = DoseDay(dose.At, dose.TimeZoneId);
        var window = LoadDays(day.PlusDays(-1), day.PlusDays(1));
        var sameDay = window.Doses
            .Where(d => !d.Skipped && d.Id != replacing && DoseDay(d.At, d.TimeZoneId) == day)
            .ToList();
        if (sameDay.Count > 0)
        {
            var other = sameDay[0];
            questions.Add(dose.Skipped
                ? new EntryQuestion("skipped-but-taken", $"dose {other.Id}, {Mg(other.DoseMg)} at {Describe(other.At, other.TimeZoneId)}, is already recorded as taken on {day:uuuu-MM-dd}")
                : new EntryQuestion("second-dose", $"it would be a second dose on {day:uuuu-MM-dd} (dose {other.Id}, {Mg(other.DoseMg)} at {Describe(other.At, other.TimeZoneId)}, is already recorded)"));
        }

        if (window.Plans.Count > 0 && day < window.Plans.Min(p => p.From))
        {
            questions.Add(new EntryQuestion("before-plan", $"{day:uuuu-MM-dd} is before the journal's first plan starts ({window.Plans.Min(p => p.From):uuuu-MM-dd}) — check the date"));
        }

        // A skipped dose carries no amount to question.
        if (!dose.Skipped && dose.DoseMg > LdnCeilingMg)
        {
            questions.Add(new EntryQuestion("above-ldn-range", $"{Mg(dose.DoseMg)} is above the {Mg(LdnCeilingMg)} ceiling of low-dose naltrexone"));
        }
        else if (!dose.Skipped && PlanOn(day)?.StepOn(day) is { } step && dose.DoseMg > 2 * step.DoseMg)
        {
            questions.Add(new EntryQuestion("above-twice-plan", $"{Mg(dose.DoseMg)} is more than twice the plan's {Mg(step.DoseMg)} for that day"));
        }

        if (questions.Count > 0)
        {
            throw new ConfirmationRequiredException(
                $"{(dose.Skipped ? "Skipped dose" : "Dose")} {Mg(dose.DoseMg)} {dose.Formulation.Name()} at {Describe(dose.At, dose.TimeZoneId)} {verb}, but", questions);
        }
    }

    private void AskAboutSideEffect(SideEffectEntry entry, SideEffectName name, bool confirmed, string verb)
    {
        if (confirmed)
        {
            return;
        }

        var questions = new List<EntryQuestion>();
        if (name.Match == SideEffectNameMatch.Close)
        {
            questions.Add(new EntryQuestion("close-name", $"'{name.Typed}' is not a known name, only close to {name.Kind}"));
        }

        var ongoing = Store.Load(entry.From, entry.To ?? Now).SideEffects
            .FirstOrDefault(s => s.Kind == entry.Kind && s.Id != entry.Id && s.From <= (entry.To ?? Now) && (s.To is null || s.To >= entry.From));
        if (ongoing is not null)
        {
            questions.Add(new EntryQuestion("already-ongoing",
                $"{entry.Kind} is already recorded then (side effect {ongoing.Id}, from {Describe(ongoing.From, ongoing.TimeZoneId)}{(ongoing.To is { } t ? $" to {Describe(t, ongoing.TimeZoneId)}" : ", ongoing")})"));
        }

        if (questions.Count > 0)
        {
            throw new ConfirmationRequiredException(
                $"Side effect {entry.Kind}{(entry.TypedName is { } typed ? $" (typed '{typed}')" : "")} ({entry.Severity.ToString().ToLowerInvariant()}) from {Describe(entry.From, entry.TimeZoneId)} {verb}, but", questions);
        }
    }

    /// <summary>Asks (throws) about a name the catalogue does not know but that is close to an opioid.</summary>
    internal static void AskAboutMedication(string name, bool confirmed)
    {
        if (confirmed || OpioidCatalog.Match(name) is not null)
        {
            return;
        }

        var near = MedicationRecognition.Check(name).Suggestions.Where(s => OpioidCatalog.Match(s) is not null).ToList();
        if (near.Count > 0)
        {
            throw new ConfirmationRequiredException(
                $"Medication '{name}' would be recorded, but",
                [new EntryQuestion("close-to-opioid", $"it is not in the safety catalogue and is close to the opioid {string.Join(" or ", near)}, which naltrexone must not be taken with — correct the name if that is what you take")]);
        }
    }

    /// <summary>What to tell about a medication: an opioid warning, or that the safety catalogue did not check it.</summary>
    private static List<string> MedicationNotes(string name)
    {
        var notes = new List<string>();
        if (OpioidCatalog.Match(name) is { } opioid)
        {
            notes.Add($"{name} is an opioid ({opioid.Name}): it is recorded, and because naltrexone blocks it and can precipitate withdrawal, advise will say stop and contact the prescriber.");
        }

        if (MedicationRecognition.Check(name).Message is { } notChecked)
        {
            notes.Add(notChecked);
        }

        return notes;
    }

    private static string MedicationName(string text) =>
        text?.Trim() is { Length: > 0 and <= 200 } name ? name : throw new InvalidInputException("A medication name must be 1–200 characters.");

    private static string Anchor(string? text, string fallback) =>
        text?.Trim() is { Length: > 0 } anchor
            ? anchor.Length <= SymptomScales.MaxLabelLength ? anchor : throw new InvalidInputException($"A scale anchor holds at most {SymptomScales.MaxLabelLength} characters.")
            : fallback;
}
