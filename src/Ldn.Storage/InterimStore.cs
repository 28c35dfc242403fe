// INTERIM: the store API being built on branch wt-storage, so the journal commands compile; replaced at merge.
#pragma warning disable
using Ldn.Core.Journal;
using NodaTime;

namespace Ldn.Storage;

public interface IJournalStore : IDisposable
{
    string Description { get; }
    int SchemaVersion { get; }
    bool IsInitialized { get; }
    void Initialize(JournalProfile profile);
    JournalProfile Profile();
    void UpdateProfile(JournalProfile profile);
    long AddDose(DoseEntry dose);
    long AddCheckIn(CheckInEntry checkIn);
    long AddSideEffect(SideEffectEntry sideEffect);
    bool EndSideEffect(long id, Instant to);
    long AddEvent(EventEntry journalEvent);
    long AddMedication(MedicationEntry medication);
    bool StopMedication(string name, Instant until);
    void SetPlan(PlanRecord plan);
    JournalData Load(Instant? from = null, Instant? to = null);
    void Import(JournalData data);
    void Backup(string path);
}

public static class JournalStores
{
    public static string DefaultSqlitePath => throw new NotImplementedException();
    public static IJournalStore Open(string? db) => throw new NotImplementedException();
}
