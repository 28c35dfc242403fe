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

/// <summary><c>POST /api/account/password</c>: the password now and the new one (Identity's rules, as at registration).</summary>
internal sealed record ChangePasswordBody(string? CurrentPassword, string? NewPassword);

/// <summary><c>POST /api/account/delete</c>: the account's password, to confirm that its owner deletes it.</summary>
internal sealed record DeleteAccountBody(string? Password);

/// <summary><c>GET /api/account/antiforgery</c>: the token to send in the header <c>headerName</c> with a cookie-authenticated change.</summary>
internal sealed record AntiforgeryToken(string Token, string HeaderName);

/// <summary><c>GET /api/account/data</c> for a clinician or pharmacist (they have no journal): the account's details.</summary>
internal sealed record AccountData(string Schema, string Id, string Email, string Role);

/// <summary>
/// <c>POST /api/account/passkey</c> and <c>POST /api/account/login/passkey</c>: the <c>PublicKeyCredential</c> that
/// <c>navigator.credentials.create()</c> or <c>.get()</c> gave, as its JSON (<c>credential.toJSON()</c>: <c>id</c>,
/// <c>rawId</c>, <c>type</c>, <c>response</c> with base64url fields), as an object or as a string holding it; when
/// registering, an optional <c>name</c> (at most 60 characters; default "Passkey {n}").
/// </summary>
internal sealed record PasskeyBody(System.Text.Json.JsonElement? Credential, string? Name = null);

/// <summary><c>POST /api/account/passkey/request-options</c>: the email, to list that account's passkeys; without it any passkey of this site may answer.</summary>
internal sealed record PasskeyRequestBody(string? Email);

/// <summary>The passkey just registered: its credential id (base64url).</summary>
internal sealed record PasskeyAdded(string Id);

/// <summary>One of the account's passkeys: its credential id (base64url, the <c>{id}</c> of <c>/api/account/passkeys/{id}</c>), its name and when it was registered (UTC).</summary>
internal sealed record PasskeyView(string Id, string Name, DateTimeOffset CreatedAt);

/// <summary><c>GET /api/account/passkeys</c>: the account's passkeys, oldest first.</summary>
internal sealed record PasskeyList(IReadOnlyList<PasskeyView> Passkeys);

/// <summary><c>PATCH /api/account/passkeys/{id}</c>: the passkey's new name (1–60 characters on one line).</summary>
internal sealed record RenamePasskeyBody(string? Name);

/// <summary>A download of the account's data: the JSON bytes and the file name to save them as.</summary>
internal sealed record AccountDownload(byte[] Bytes, string FileName);
