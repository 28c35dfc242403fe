using System.Buffers.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;

namespace Ldn.Web.Accounts;

/// <summary>
/// Passkeys (WebAuthn) on .NET 10 Identity's own passkey support (<see cref="SignInManager{TUser}"/>'s
/// <c>MakePasskeyCreationOptionsAsync</c>, <c>PerformPasskeyAttestationAsync</c>, <c>MakePasskeyRequestOptionsAsync</c>,
/// <c>PasskeySignInAsync</c>; <see cref="UserManager{TUser}.AddOrUpdatePasskeyAsync"/>; the EF store's passkeys
/// table of Identity schema version 3). Each ceremony is two requests: the options (for
/// <c>navigator.credentials.create()</c>/<c>get()</c>), whose challenge Identity keeps in its short-lived
/// <c>Identity.TwoFactorUserId</c> cookie, then the credential, sent with that cookie. The relying party id is the
/// request's host (WebAuthn refuses IP addresses: use <c>localhost</c> or a name). <c>wwwroot/js/passkey.js</c>
/// drives both ceremonies in the browser. A credential that is not valid JSON, forged or for another challenge is
/// 400 with one sentence.
/// </summary>
internal static partial class PasskeyEndpoints
{
    public static void Map(RouteGroupBuilder group)
    {
        group.MapPost("/passkey/creation-options", CreationOptionsAsync).RequireAuthorization()
            .Produces(StatusCodes.Status200OK, contentType: "application/json");
        group.MapPost("/passkey", AddAsync).RequireAuthorization().AddEndpointFilter(AccountRefusal.AsProblem)
            .ProducesProblem(StatusCodes.Status400BadRequest);
        group.MapPost("/passkey/request-options", RequestOptionsAsync).AllowAnonymous().RequireRateLimiting(AccountEndpoints.SignInLimit)
            .Produces(StatusCodes.Status200OK, contentType: "application/json");
        group.MapPost("/login/passkey", LoginAsync).AllowAnonymous().RequireRateLimiting(AccountEndpoints.SignInLimit)
            .Produces<AccessTokenResponse>().ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status429TooManyRequests);
        group.MapGet("/passkeys", ListAsync).RequireAuthorization();
        group.MapPatch("/passkeys/{id}", RenameAsync).RequireAuthorization().AddEndpointFilter(AccountRefusal.AsProblem)
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound);
        group.MapDelete("/passkeys/{id}", RemoveAsync).RequireAuthorization().AddEndpointFilter(AccountRefusal.AsProblem)
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    /// <summary><c>GET /api/account/passkeys</c>: <c>{ "passkeys": [ { "id", "name", "createdAt" } ] }</c>, oldest first.</summary>
    private static async Task<Ok<PasskeyList>> ListAsync(HttpContext context, AccountActions account) =>
        TypedResults.Ok(new PasskeyList(await account.PasskeysAsync(context.User).ConfigureAwait(false)));

    /// <summary><c>PATCH /api/account/passkeys/{id}</c> <c>{ "name" }</c>: the renamed passkey; another account's id or an unknown one is 404.</summary>
    private static async Task<Ok<PasskeyView>> RenameAsync(string id, RenamePasskeyBody body, HttpContext context, AccountActions account) =>
        TypedResults.Ok(await account.RenamePasskeyAsync(context.User, id, body.Name).ConfigureAwait(false));

    /// <summary><c>DELETE /api/account/passkeys/{id}</c>: 204; the passkey signs in no more. Another account's id or an unknown one is 404.</summary>
    private static async Task<NoContent> RemoveAsync(string id, HttpContext context, AccountActions account)
    {
        await account.RemovePasskeyAsync(context.User, id).ConfigureAwait(false);
        return TypedResults.NoContent();
    }

    /// <summary>The <c>PublicKeyCredentialCreationOptions</c> JSON for the signed-in account (rp id, user, challenge, algorithms, its passkeys excluded).</summary>
    private static async Task<ContentHttpResult> CreationOptionsAsync(HttpContext context, UserManager<WebUser> users, SignInManager<WebUser> signIn)
    {
        var user = await users.GetUserAsync(context.User).ConfigureAwait(false)
            ?? throw new InvalidOperationException("A passkey route ran without a signed-in account.");
        var email = user.Email ?? user.UserName ?? user.Id;
        var entity = new PasskeyUserEntity { Id = user.Id, Name = email, DisplayName = email };
        return TypedResults.Text(await signIn.MakePasskeyCreationOptionsAsync(entity).ConfigureAwait(false), "application/json");
    }

    /// <summary>Registers the passkey that <c>navigator.credentials.create()</c> made from the creation options: 201 <c>{ "id" }</c>.</summary>
    private static async Task<IResult> AddAsync(PasskeyBody body, HttpContext context, UserManager<WebUser> users, SignInManager<WebUser> signIn, ILogger<PasskeyBody> log)
    {
        var credential = CredentialJson(body.Credential);
        var name = AccountActions.PasskeyName(body.Name);
        var user = await users.GetUserAsync(context.User).ConfigureAwait(false)
            ?? throw new InvalidOperationException("A passkey route ran without a signed-in account.");
        PasskeyAttestationResult attestation;
        try
        {
            attestation = await signIn.PerformPasskeyAttestationAsync(credential).ConfigureAwait(false);
        }
        catch (InvalidOperationException)
        {
            // Identity's answer when its ceremony cookie is missing or belongs to a sign-in.
            return Refused("No passkey registration is under way: ask for POST /api/account/passkey/creation-options first, in the same session.");
        }

        if (!attestation.Succeeded || attestation.UserEntity.Id != user.Id)
        {
            NotAccepted(log, "attestation", attestation.Failure?.Message ?? "another account's ceremony");
            return Refused("The passkey was not accepted: the credential does not answer this registration's challenge.");
        }

        attestation.Passkey.Name = name ?? $"Passkey {(await users.GetPasskeysAsync(user).ConfigureAwait(false)).Count + 1}";
        var added = await users.AddOrUpdatePasskeyAsync(user, attestation.Passkey).ConfigureAwait(false);
        if (!added.Succeeded)
        {
            return Refused(string.Join(" ", added.Errors.Select(e => e.Description)));
        }

        return TypedResults.Created("/api/account/passkey", new PasskeyAdded(Base64Url.EncodeToString(attestation.Passkey.CredentialId)));
    }

    /// <summary>
    /// The <c>PublicKeyCredentialRequestOptions</c> JSON (rp id, challenge; with an email of an account that has
    /// passkeys, their ids in <c>allowCredentials</c>; otherwise any discoverable passkey of this site may answer).
    /// </summary>
    private static async Task<ContentHttpResult> RequestOptionsAsync(PasskeyRequestBody? body, UserManager<WebUser> users, SignInManager<WebUser> signIn)
    {
        var user = string.IsNullOrWhiteSpace(body?.Email) ? null : await users.FindByEmailAsync(AccountRegistration.LookupEmail(body.Email)).ConfigureAwait(false);
        return TypedResults.Text(await signIn.MakePasskeyRequestOptionsAsync(user).ConfigureAwait(false), "application/json");
    }

    /// <summary>
    /// Signs in with the credential <c>navigator.credentials.get()</c> gave: a bearer token as
    /// <c>POST /api/account/login</c> answers it, or with <c>?useCookies=true</c> the Identity cookie.
    /// </summary>
    private static async Task<IResult> LoginAsync(PasskeyBody body, bool? useCookies, SignInManager<WebUser> signIn, ILogger<PasskeyBody> log)
    {
        var credential = CredentialJson(body.Credential);
        signIn.AuthenticationScheme = useCookies == true ? IdentityConstants.ApplicationScheme : IdentityConstants.BearerScheme;
        SignInResult result;
        try
        {
            result = await signIn.PasskeySignInAsync(credential).ConfigureAwait(false);
        }
        catch (InvalidOperationException)
        {
            return Refused("No passkey sign-in is under way: ask for POST /api/account/passkey/request-options first, in the same session.");
        }

        if (result.Succeeded)
        {
            // The sign-in wrote the response: the cookie, or the bearer token's JSON.
            return TypedResults.Empty;
        }

        NotAccepted(log, "assertion", result.IsLockedOut ? "locked out" : "not valid");
        return Refused(result.IsLockedOut
            ? "The account is locked after too many failed sign-ins; try again in 15 minutes."
            : "The passkey was not accepted: it is not registered here or does not answer this sign-in's challenge.");
    }

    /// <summary>The credential's JSON text: the object itself, or a string that holds it.</summary>
    private static string CredentialJson(JsonElement? credential) => credential switch
    {
        { ValueKind: JsonValueKind.Object } c => c.GetRawText(),
        { ValueKind: JsonValueKind.String } c when !string.IsNullOrWhiteSpace(c.GetString()) => c.GetString()!,
        _ => throw new Core.InvalidInputException("Give the credential: the JSON of the PublicKeyCredential from navigator.credentials."),
    };

    private static ProblemHttpResult Refused(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status400BadRequest, title: "Passkey refused");

    [LoggerMessage(Level = LogLevel.Information, Message = "A passkey {Ceremony} was refused: {Reason}")]
    private static partial void NotAccepted(ILogger logger, string ceremony, string reason);
}
