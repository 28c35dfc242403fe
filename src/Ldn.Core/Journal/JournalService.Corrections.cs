using Ldn.Core.Advice;

namespace Ldn.Core.Journal;

public sealed partial class JournalService
{
    /// <summary>
    /// The entry <paramref name="kind"/> <paramref name="id"/> as stored (deleted or not).
    /// </summary>
    /// <exception cref="InvalidInputException">There is no such entry.</exception>
    public StoredEntry Find(JournalEntryKind kind, long id) =>
        Store.Find(kind, id) ?? throw new InvalidInputException($"The journal has no {JournalEntryKinds.Name(kind)} with id {id}.");

    /// <summary>Edits a dose (the same questions as recording one); returns the entry as stored now.</summary>
    /// <exception cref="InvalidInputException">No such live dose, a stale <paramref name="revision"/>, or an invalid value.</exception>
    /// <exception cref="ConfirmationRequiredException">The edited dose looks like a mistake and was not confirmed.</exception>
    public Recorded<DoseEntry> EditDose(long id, DoseEdit edit, int? revision = null, bool confirmed = false, string? reason = null)
    {
        ArgumentNullException.ThrowIfNull(edit);
        var old = Live<DoseEntry>(JournalEntryKind.Dose, id, revision);
        var when = Retimed(old.At, old.TimeZoneId, edit.At, edit.TimeZone);
        var updated = old with
        {
            At = when.At,
            TimeZoneId = when.Zone.Id,
            DoseMg = edit.DoseMg ?? old.DoseMg,
            Formulation = edit.Formulation ?? old.Formulation,
            Skipped = edit.Skipped ?? old.Skipped,
            Note = edit.Note is null ? old.Note : CleanNote(edit.Note),
        };
        AskAboutDose(updated, id, confirmed, "would be stored");
        return Stored(old, updated, revision, reason);
    }

    /// <summary>Edits a check-in: the named scales are set, the others kept.</summary>
    public Recorded<CheckInEntry> EditCheckIn(long id, CheckInEdit edit, int? revision = null, string? reason = null)
    {
        ArgumentNullException.ThrowIfNull(edit);
        var old = Live<CheckInEntry>(JournalEntryKind.CheckIn, id, revision);
        var scores = new Dictionary<string, int>(old.Scores(), StringComparer.Ordinal);
        foreach (var (scale, value) in ResolveScores(edit.Scores))
        {
            scores[scale] = value;
        }

        var when = Retimed(old.At, old.TimeZoneId, edit.At, edit.TimeZone);
        var updated = CheckInEntry.WithScores(id, when.At, when.Zone.Id, scores, edit.Note is null ? old.Note : CleanNote(edit.Note)) with { Revision = old.Revision };
        return Stored(old, updated, revision, reason);
    }

    /// <summary>Edits a side effect; a new name is read like a new entry's (alias kept, near miss asked about).</summary>
    public Recorded<SideEffectEntry> EditSideEffect(long id, SideEffectEdit edit, int? revision = null, bool confirmed = false, string? reason = null)
    {
        ArgumentNullException.ThrowIfNull(edit);
        var old = Live<SideEffectEntry>(JournalEntryKind.SideEffect, id, revision);
        var name = edit.Name is { } typed ? SideEffectKinds.Resolve(typed) : null;
        var from = Retimed(old.From, old.TimeZoneId, edit.From, edit.TimeZone);
        var to = edit.To switch
        {
            null => old.To,
            var t when t.Trim().Equals("ongoing", StringComparison.OrdinalIgnoreCase) => null,
            var t => When(t, edit.TimeZone, from.Zone.Id).At,
        };
        if (to < from.At)
        {
            throw new InvalidInputException("A side effect cannot end before it starts.");
        }

        var updated = old with
        {
            Kind = name?.Kind ?? old.Kind,
            TypedName = name is null ? old.TypedName : name.TypedToKeep,
            Severity = edit.Severity ?? old.Severity,
            From = from.At,
            To = to,
            TimeZoneId = from.Zone.Id,
            Note = edit.Note is null ? old.Note : CleanNote(edit.Note),
        };
        if (name is not null && name.Kind != old.Kind || name?.Match == SideEffectNameMatch.Close)
        {
            AskAboutSideEffect(updated, name!, confirmed, "would be stored");
        }

        return Stored(old, updated, revision, reason);
    }

    /// <summary>Edits an event.</summary>
    public Recorded<EventEntry> EditEvent(long id, EventEdit edit, int? revision = null, string? reason = null)
    {
        ArgumentNullException.ThrowIfNull(edit);
        var old = Live<EventEntry>(JournalEntryKind.Event, id, revision);
        var when = Retimed(old.At, old.TimeZoneId, edit.At, edit.TimeZone);
        return Stored(old, old with { At = when.At, TimeZoneId = when.Zone.Id, Kind = edit.Kind ?? old.Kind, Note = edit.Note is null ? old.Note : CleanNote(edit.Note) }, revision, reason);
    }

    /// <summary>Edits a medication: its name, when it was started, and when it was last taken ("ongoing" clears that).</summary>
    public Recorded<MedicationEntry> EditMedication(long id, MedicationEdit edit, int? revision = null, string? reason = null)
    {
        ArgumentNullException.ThrowIfNull(edit);
        var old = Live<MedicationEntry>(JournalEntryKind.Medication, id, revision);
        var since = edit.Since is { } s ? When(s, null).At : old.Since;
        var until = edit.Until switch
        {
            null => old.Until,
            var u when u.Trim().Equals("ongoing", StringComparison.OrdinalIgnoreCase) => null,
            var u => When(u, null).At,
        };
        if (until < since)
        {
            throw new InvalidInputException("A medication cannot be stopped before it was started.");
        }

        return Stored(old, old with { Name = edit.Name is { } n ? MedicationName(n) : old.Name, Since = since, Until = until }, revision, reason);
    }

    /// <summary>Deletes an entry (it leaves views and analysis, stays in the history, and can be restored); returns its new revision.</summary>
    public int Delete(JournalEntryKind kind, long id, int? revision = null, string? reason = null)
    {
        try
        {
            _ = Find(kind, id);
        }
        catch (InvalidInputException e) when (e.InnerException is not null)
        {
            // The entry exists but its stored values cannot be read: the store deletes it without reading them.
        }

        return Store.Delete(kind, id, revision, reason);
    }

    /// <summary>Restores a deleted entry; returns its new revision.</summary>
    public int Restore(JournalEntryKind kind, long id, int? revision = null, string? reason = null)
    {
        _ = Find(kind, id);
        return Store.Restore(kind, id, revision, reason);
    }

    /// <summary>Undoes the newest change not yet undone; returns the change recorded for the undo.</summary>
    public JournalChange Undo() => Store.Undo();

    /// <summary>The history of the journal, or of one entry (which must exist), oldest first.</summary>
    public IReadOnlyList<JournalChange> History(JournalEntryKind? kind = null, long? id = null)
    {
        if (kind is { } k && id is { } i)
        {
            _ = Find(k, i);
        }

        return Store.History(kind, id);
    }

    /// <summary>The live entry, checked against the revision the caller read before anything else is asked.</summary>
    private T Live<T>(JournalEntryKind kind, long id, int? revision)
        where T : IJournalEntry
    {
        var stored = Find(kind, id);
        if (stored.Deleted)
        {
            throw new InvalidInputException($"The {JournalEntryKinds.Name(kind)} {id} is deleted; restore it first ('ldn journal restore {JournalEntryKinds.Name(kind)} {id}').");
        }

        if (revision is { } mine && mine != stored.Entry.Revision)
        {
            throw new InvalidInputException(
                $"{char.ToUpperInvariant(JournalEntryKinds.Name(kind)[0])}{JournalEntryKinds.Name(kind)[1..]} {id} is at revision {stored.Entry.Revision}, not the {mine} you read; show it again and repeat the edit.");
        }

        return (T)stored.Entry;
    }

    private Recorded<T> Stored<T>(T old, T updated, int? revision, string? reason)
        where T : IJournalEntry
    {
        if (Equals(old, updated))
        {
            throw new InvalidInputException($"The edit changes nothing in {JournalEntryKinds.Name(old.Kind)} {old.Id}; nothing was stored.");
        }

        var newRevision = Store.Edit(updated, revision, reason);
        return new Recorded<T>((T)(Store.Find(updated.Kind, updated.Id)?.Entry ?? updated), [$"Now revision {newRevision}."]);
    }

    /// <summary>A new time for an entry: a typed time read in the named zone or the entry's own; unchanged when neither is given.</summary>
    private EntryTime Retimed(NodaTime.Instant at, string zoneId, string? text, string? timeZone)
    {
        if (text is null && timeZone is null)
        {
            return new EntryTime(at, JournalTime.Zone(zoneId));
        }

        // Only the zone given: the same clock time in that zone (the usual fix for an entry typed abroad
        // without --tz).
        text ??= at.InZone(JournalTime.Zone(zoneId)).ToString("uuuu-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture);
        return When(text, timeZone, zoneId);
    }
}
