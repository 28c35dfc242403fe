using Ldn.Core.Safety;

namespace Ldn.Web.Pages.Safety;

/// <summary>
/// The safety particulars as a form gives them (the safety check and the plan page share these fields, and
/// <c>_SafetyFields.cshtml</c> renders them): the medications one per line (<c>NAME</c> or
/// <c>NAME@yyyy-MM-dd</c>, the day it was last taken) and the flags of <c>ldn plan</c>.
/// </summary>
internal sealed class SafetyFields
{
    public string? Medications { get; set; }

    public bool HepaticImpairment { get; set; }

    public bool RenalImpairment { get; set; }

    public bool Pregnant { get; set; }

    public bool Breastfeeding { get; set; }

    public bool ThyroidReplacement { get; set; }

    public bool Transplant { get; set; }

    /// <summary>yyyy-MM-dd (a date input gives it so).</summary>
    public string? Surgery { get; set; }

    /// <summary>The options Core parses (<see cref="PatientOptions.ToProfile"/>).</summary>
    /// <exception cref="Ldn.Core.InvalidInputException">A field too long (<see cref="FormText"/>).</exception>
    public PatientOptions ToOptions() => new()
    {
        Medications = [.. Lines(FormText.Checked(Medications, "medication list", FormText.LongestList))],
        HepaticImpairment = HepaticImpairment,
        RenalImpairment = RenalImpairment,
        Pregnant = Pregnant,
        Breastfeeding = Breastfeeding,
        ThyroidReplacement = ThyroidReplacement,
        Transplant = Transplant,
        Surgery = FormText.Checked(Surgery, "surgery date"),
    };

    private static IEnumerable<string> Lines(string? text) =>
        (text ?? "").Split('\n').Select(line => line.Trim()).Where(line => line.Length > 0);
}
