using Ldn.Core.Text;

namespace Ldn.Core.Safety;

/// <summary>
/// The patient particulars the safety checks need, written as a user gives them (the options of
/// <c>ldn plan</c>/<c>ldn advise</c>, the fields of <c>POST /api/plan</c> and of the web's safety and plan
/// pages): medications as <c>NAME</c> or <c>NAME@yyyy-MM-dd</c> (the day it was last taken, for the opioid
/// washout), the conditions as flags, and the planned surgery as <c>yyyy-MM-dd</c>. One parser, so every
/// front end answers a mistake with the same sentence.
/// </summary>
public sealed record PatientOptions
{
    /// <summary>A medication name is at most this long: longer is not a medication but pasted text.</summary>
    public const int LongestMedicationName = 200;

    /// <summary>More medications than this in one check is not a medication list.</summary>
    public const int MostMedications = 100;

    public IReadOnlyList<string?> Medications { get; init; } = [];

    public bool HepaticImpairment { get; init; }

    public bool RenalImpairment { get; init; }

    public bool Pregnant { get; init; }

    public bool Breastfeeding { get; init; }

    public bool ThyroidReplacement { get; init; }

    public bool Transplant { get; init; }

    /// <summary>The day of planned surgery, yyyy-MM-dd; null or blank when none.</summary>
    public string? Surgery { get; init; }

    /// <summary>The profile the safety checks take.</summary>
    /// <exception cref="InvalidInputException">A medication without a name, a name too long, too many medications, or a date not written as yyyy-MM-dd.</exception>
    public PatientProfile ToProfile()
    {
        if (Medications.Count > MostMedications)
        {
            throw new InvalidInputException($"{Medications.Count} medications is more than the {MostMedications} one check takes.");
        }

        return new PatientProfile
        {
            Medications = [.. Medications.Select(ParseMedication)],
            HepaticImpairment = HepaticImpairment,
            RenalImpairment = RenalImpairment,
            Pregnant = Pregnant,
            Breastfeeding = Breastfeeding,
            ThyroidReplacement = ThyroidReplacement,
            TransplantImmunosuppression = Transplant,
            PlannedSurgery = string.IsNullOrWhiteSpace(Surgery) ? null : IsoDate.ParseBounded(Surgery, "surgery date"),
        };
    }

    /// <summary><c>NAME</c> (taken now) or <c>NAME@yyyy-MM-dd</c> (the day it was last taken).</summary>
    /// <exception cref="InvalidInputException">No name, a control character, a name longer than <see cref="LongestMedicationName"/>, or a bad date.</exception>
    public static MedicationUse ParseMedication(string? text)
    {
        var at = text?.LastIndexOf('@') ?? -1;
        var name = (at >= 0 ? text![..at] : text ?? "").Trim();
        if (name.Length == 0)
        {
            throw new InvalidInputException($"'{IsoDate.Shown(text ?? "")}' names no medication.");
        }

        if (name.Any(char.IsControl))
        {
            throw new InvalidInputException("A medication name contains a control character; type the name again.");
        }

        if (name.Length > LongestMedicationName)
        {
            throw new InvalidInputException($"A medication name of {name.Length} characters is longer than the {LongestMedicationName} a name can be; give one medication per line.");
        }

        return new MedicationUse(name, at >= 0 ? IsoDate.ParseBounded(text![(at + 1)..], "date the medication was last taken") : null);
    }
}
