using System.Diagnostics.CodeAnalysis;
using NodaTime;

namespace Ldn.Core.Journal;

/// <summary>
/// A treatment journal kept in a database (the port the journal use cases call; Ldn.Storage implements it
/// for SQLite, the default, and PostgreSQL). Every method is one
/// transaction: it happens completely or not at all. Entries are validated before anything is written;
/// a violation is an <see cref="InvalidInputException"/> whose message is one sentence for the user.
/// </summary>
public interface IJournalStore : IDisposable
{
    /// <summary>"SQLite file /path" or "PostgreSQL host/db" (never a password).</summary>
    string Description { get; }

    /// <summary>The schema version of the database after opening (and upgrading) it.</summary>
    int SchemaVersion { get; }

    /// <summary>True once a profile exists.</summary>
    bool IsInitialized { get; }

    /// <summary>Creates the profile; an <see cref="InvalidInputException"/> if there already is one.</summary>
    void Initialize(JournalProfile profile);

    /// <summary>The profile; an <see cref="InvalidInputException"/> if the journal is not initialised.</summary>
    JournalProfile Profile();

    void UpdateProfile(JournalProfile profile);

    /// <summary>Adds a dose and returns its new id (the argument's Id is ignored).</summary>
    long AddDose(DoseEntry dose);

    long AddCheckIn(CheckInEntry checkIn);

    long AddSideEffect(SideEffectEntry sideEffect);

    /// <summary>Ends the open side effect <paramref name="id"/>; false if there is no such open side effect.</summary>
    [SuppressMessage("Naming", "CA1716:Identifiers should not match keywords", Justification = "The binding API names the parameter 'to'; C# and F# callers are unaffected.")]
    bool EndSideEffect(long id, Instant to);

    long AddEvent(EventEntry journalEvent);

    long AddMedication(MedicationEntry medication);

    /// <summary>Closes the open medication called <paramref name="name"/> (case-insensitive); false if none is open.</summary>
    bool StopMedication(string name, Instant until);

    /// <summary>
    /// Adds a plan version (the argument's Id and Revision are ignored) and returns its id. A version may
    /// not start before the first version's start. Earlier versions stay; the history records the add.
    /// </summary>
    /// <exception cref="InvalidInputException">The version starts before the journal's first plan.</exception>
    long AddPlanVersion(PlanVersion version);

    /// <summary>The entry of <paramref name="kind"/> with <paramref name="id"/>, deleted or not; null if there never was one.</summary>
    StoredEntry? Find(JournalEntryKind kind, long id);

    /// <summary>
    /// Replaces the entry of <paramref name="entry"/>'s kind and id with <paramref name="entry"/> and returns
    /// its new revision. With <paramref name="expectedRevision"/>, refuses (one sentence, nothing written) when
    /// the stored revision differs: someone else changed it first. The old value stays in the history.
    /// </summary>
    /// <exception cref="InvalidInputException">No such entry, a deleted entry, a revision mismatch, or an invalid value.</exception>
    int Edit(IJournalEntry entry, int? expectedRevision = null, string? reason = null);

    /// <summary>Hides an entry from views and analysis (it stays in the history and can be restored); returns its new revision.</summary>
    /// <exception cref="InvalidInputException">No such entry, already deleted, or a revision mismatch.</exception>
    int Delete(JournalEntryKind kind, long id, int? expectedRevision = null, string? reason = null);

    /// <summary>Brings a deleted entry back; returns its new revision.</summary>
    /// <exception cref="InvalidInputException">No such entry, not deleted, or a revision mismatch.</exception>
    int Restore(JournalEntryKind kind, long id, int? expectedRevision = null, string? reason = null);

    /// <summary>
    /// Reverses the newest change that is not an undo and has not been undone, recording the inverse change
    /// with the reason <c>undo</c>; returns that new change. Repeated undos walk back through the history.
    /// </summary>
    /// <exception cref="InvalidInputException">Nothing left to undo, or the undo would make an entry invalid.</exception>
    JournalChange Undo();

    /// <summary>The history, oldest first: the whole journal's, or one entry's.</summary>
    IReadOnlyList<JournalChange> History(JournalEntryKind? kind = null, long? id = null);

    /// <summary>Adds a scale to the catalogue.</summary>
    /// <exception cref="InvalidInputException">Its id or label clashes with a scale already there, or the catalogue is full.</exception>
    void AddScale(SymptomScale scale);

    /// <summary>
    /// The whole journal, or the entries in [<paramref name="from"/>, <paramref name="to"/>): doses,
    /// check-ins and events by their time, side effects that overlap the window. Medications and the plan
    /// are always whole, and so are the plan versions and scales. Deleted entries are left out. Lists are in
    /// time order. Read in one transaction, so it is a consistent snapshot. <paramref name="withHistory"/>
    /// also loads the whole history (for exports).
    /// </summary>
    [SuppressMessage("Naming", "CA1716:Identifiers should not match keywords", Justification = "The binding API names the parameter 'to'; C# and F# callers are unaffected.")]
    JournalData Load(Instant? from = null, Instant? to = null, bool withHistory = false);

    /// <summary>
    /// Imports a whole journal into one that holds no entries yet (new, or just initialised): the profile
    /// replaces any existing one; entries, plan versions, scales and history keep their ids (entries with
    /// id 0 get new ones). Deleted entries travel in the history: an entry whose last change is a delete is
    /// stored deleted, rebuilt from that change's value. One transaction: all or nothing.
    /// </summary>
    void Import(JournalData data);

    /// <summary>
    /// Writes a consistent copy to <paramref name="path"/> (replacing a file there): SQLite writes a SQLite
    /// database (open it as a journal); PostgreSQL writes a JSON snapshot (<c>JournalSnapshot</c>,
    /// which <see cref="Import"/> reads back).
    /// </summary>
    void Backup(string path);
}

/// <summary>An entry as stored: its current value and whether it is deleted.</summary>
public sealed record StoredEntry(IJournalEntry Entry, bool Deleted);
