namespace Ldn.Web.Accounts;

/// <summary>
/// <c>POST /api/account/register</c>: an email and password (Identity's rules: at least 8 characters with
/// upper and lower case, a digit and a symbol), a role (patient by default, clinician or pharmacist) and, for
/// a patient, the journal's time zone (IANA or UTC±HH:mm; default UTC).
/// </summary>
internal sealed record RegisterBody(string? Email, string? Password, string? Role, string? TimeZone);

/// <summary><c>POST /api/account/login</c>: email and password.</summary>
internal sealed record LoginBody(string? Email, string? Password);

/// <summary>The account just made.</summary>
internal sealed record AccountCreated(string Id, string Email, string Role, string? TimeZone);
