using Ldn.Core;
using Ldn.Web.Accounts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Ldn.Web.Pages.Account;

/// <summary>
/// <c>/account</c>, for every signed-in account: its email and role, change the password, download all its
/// data (<c>GET /api/account/data</c>), delete the account (password and the word <see cref="ConfirmationWord"/>),
/// and its passkeys (add one with <c>wwwroot/js/passkey.js</c>, rename, remove) — all through
/// <see cref="AccountActions"/>, the code the <c>/api/account</c> routes call. A refusal is one sentence shown
/// beside its form (400, or 404 for a passkey that is not the account's) and changes nothing; each form posts
/// to its own section's fragment, so the browser shows the answer where the form is.
/// </summary>
internal sealed class IndexModel(AccountActions account) : PageModel
{
    /// <summary>The word typed to confirm deleting the account.</summary>
    public const string ConfirmationWord = "DELETE";

    public string Email { get; private set; } = "";

    public string Role { get; private set; } = "";

    public IReadOnlyList<PasskeyView> Passkeys { get; private set; } = [];

    /// <summary>The form whose error <see cref="Error"/> is: password, delete, passkeys.</summary>
    public string? ErrorFor { get; private set; }

    public string? Error { get; private set; }

    public string? Done { get; private set; }

    /// <summary>The form whose success <see cref="Done"/> says: password, passkeys.</summary>
    public string? DoneFor { get; private set; }

    public async Task OnGetAsync(string? passkey)
    {
        if (passkey == "added")
        {
            (DoneFor, Done) = ("passkeys", "Passkey added: you can sign in with it on the sign-in page.");
        }

        await LoadAsync().ConfigureAwait(false);
    }

    public Task<IActionResult> OnPostPasswordAsync(string? currentPassword, string? newPassword) => ActAsync("password", async () =>
    {
        await account.ChangePasswordAsync(HttpContext, currentPassword, newPassword).ConfigureAwait(false);
        (DoneFor, Done) = ("password", "Password changed: every other session of this account is signed out; this one stays signed in.");
    });

    public async Task<IActionResult> OnPostDeleteAsync(string? password, string? confirmation)
    {
        if (!string.Equals(confirmation?.Trim(), ConfirmationWord, StringComparison.OrdinalIgnoreCase))
        {
            return await RefusedAsync("delete", StatusCodes.Status400BadRequest, $"Type {ConfirmationWord} in the confirmation box to delete the account.").ConfigureAwait(false);
        }

        var result = await ActAsync("delete", () => account.DeleteAsync(HttpContext, password)).ConfigureAwait(false);
        return Error is null ? LocalRedirect("/login?deleted=true") : result;
    }

    public Task<IActionResult> OnPostRenameAsync(string? id, string? name) => ActAsync("passkeys", async () =>
    {
        var renamed = await account.RenamePasskeyAsync(User, id, name).ConfigureAwait(false);
        (DoneFor, Done) = ("passkeys", $"Passkey renamed to {renamed.Name}.");
    });

    public Task<IActionResult> OnPostRemoveAsync(string? id) => ActAsync("passkeys", async () =>
    {
        await account.RemovePasskeyAsync(User, id).ConfigureAwait(false);
        (DoneFor, Done) = ("passkeys", "Passkey removed: it signs in no more.");
    });

    private async Task<IActionResult> ActAsync(string form, Func<Task> work)
    {
        try
        {
            await work().ConfigureAwait(false);
        }
        catch (AccountRefusal refusal)
        {
            return await RefusedAsync(form, refusal.Status, refusal.Message).ConfigureAwait(false);
        }
        catch (InvalidInputException mistake)
        {
            return await RefusedAsync(form, StatusCodes.Status400BadRequest, mistake.Message).ConfigureAwait(false);
        }

        if (User.Identity?.IsAuthenticated == true && form != "delete")
        {
            await LoadAsync().ConfigureAwait(false);
        }

        return Page();
    }

    private async Task<IActionResult> RefusedAsync(string form, int status, string sentence)
    {
        ErrorFor = form;
        Error = sentence;
        Response.StatusCode = status;
        await LoadAsync().ConfigureAwait(false);
        return Page();
    }

    private async Task LoadAsync()
    {
        var user = await account.UserAsync(User).ConfigureAwait(false);
        Email = user.Email ?? user.UserName ?? "";
        Role = await account.RoleAsync(user).ConfigureAwait(false);
        Passkeys = await account.PasskeysAsync(User).ConfigureAwait(false);
    }
}
