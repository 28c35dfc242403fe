using System.Diagnostics.CodeAnalysis;
using Ldn.Core;
using Ldn.Core.Journal;
using NodaTime;

namespace Ldn.Storage;

/// <summary>
/// A treatment journal kept in a database: SQLite (a file, the default) or PostgreSQL. Every method is one
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

    /// <summary>Makes <paramref name="plan"/> the active plan; earlier plans stay as history.</summary>
    void SetPlan(PlanRecord plan);

    /// <summary>
    /// The whole journal, or the entries in [<paramref name="from"/>, <paramref name="to"/>): doses,
    /// check-ins and events by their time, side effects that overlap the window. Medications and the plan
    /// are always whole. Lists are in time order. Read in one transaction, so it is a consistent snapshot.
    /// </summary>
    [SuppressMessage("Naming", "CA1716:Identifiers should not match keywords", Justification = "The binding API names the parameter 'to'; C# and F# callers are unaffected.")]
    JournalData Load(Instant? from = null, Instant? to = null);

    /// <summary>
    /// Imports a whole journal into one that holds no entries yet (new, or just initialised): the profile
    /// replaces any existing one, entries get new ids, the plan becomes the active plan. One transaction:
    /// all or nothing.
    /// </summary>
    void Import(JournalData data);

    /// <summary>
    /// Writes a consistent copy to <paramref name="path"/> (replacing a file there): SQLite writes a SQLite
    /// database (open it as a journal); PostgreSQL writes a JSON snapshot (<see cref="JournalSnapshot"/>,
    /// which <see cref="Import"/> reads back).
    /// </summary>
    void Backup(string path);
}
