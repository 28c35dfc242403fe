namespace Ldn.Core.Journal;

public sealed partial class JournalService
{
    /// <summary>
    /// Creates the journal, once: the profile, the medications taken now, and the first plan (in force
    /// from its first step). Returns what the user should be told (opioid warnings).
    /// </summary>
    /// <exception cref="InvalidInputException">The journal exists already, or a bad zone, name or plan.</exception>
    public IReadOnlyList<string> Initialize(JournalProfile profile, IEnumerable<string> medications, string? planJson)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var names = (medications ?? []).Select(m => m.Trim()).Where(m => m.Length > 0).Select(MedicationName).ToList();
        var plan = planJson is null ? null : PlanVersion.Initial(planJson, Now);
        Store.Initialize(profile);
        _profile = profile;
        var notes = new List<string>();
        foreach (var name in names)
        {
            Store.AddMedication(new MedicationEntry(0, name, Now, null));
            notes.AddRange(MedicationNotes(name));
        }

        if (plan is not null)
        {
            Store.AddPlanVersion(plan);
        }

        return notes;
    }
}
