using Ldn.Core;

namespace Ldn.Web.Accounts;

/// <summary>
/// The roles of issue 11: a patient owns one journal; a clinician or a pharmacist sees only what patients
/// share with them (sharing is not built yet, so for now they see nothing).
/// </summary>
internal static class AccountRoles
{
    public const string Patient = "patient";
    public const string Clinician = "clinician";
    public const string Pharmacist = "pharmacist";

    public static IReadOnlyList<string> All { get; } = [Patient, Clinician, Pharmacist];

    /// <summary>The role named (case-insensitive); null or blank: patient.</summary>
    /// <exception cref="InvalidInputException">Another word.</exception>
    public static string Parse(string? text) =>
        string.IsNullOrWhiteSpace(text)
            ? Patient
            : All.FirstOrDefault(r => r.Equals(text.Trim(), StringComparison.OrdinalIgnoreCase))
              ?? throw new InvalidInputException($"'{text}' is not a role (use {string.Join(", ", All)}).");
}
