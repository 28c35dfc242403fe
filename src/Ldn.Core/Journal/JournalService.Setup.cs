namespace Ldn.Core.Journal;

public sealed partial class JournalService
{
    /// <summary>
    /// Creates the journal, once: the profile, the medications taken now, and the first plan (in force
    /// from its first step). Returns what the user should be told (opioid warnings).
    /// </summary>
    /// <exception cref="InvalidInputException">The journal exists already, or a bad zone, name or plan.</exception>
    /// <exception cref="ConfirmationRequiredException">A medication name is close to an opioid and was not confirmed.</exception>
    public IReadOnlyList<string> Initialize(JournalProfile profile, IEnumerable<string> medications, string? planJson, bool confirmed = false)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var names = (medications ?? []).Select(MedicationName).ToList();
        foreach (var name in names)
        {
            AskAboutMedication(name, confirmed);
        }

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
