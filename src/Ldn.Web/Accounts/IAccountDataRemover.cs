namespace Ldn.Web.Accounts;

/// <summary>
/// Deletes one kind of an account's data when the account is deleted (<c>POST /api/account/delete</c>): the
/// route calls every implementation registered in DI (<c>services.AddScoped&lt;IAccountDataRemover, …&gt;()</c>)
/// before it deletes the Identity user, so a feature that keeps data about an account (its journal; shares,
/// invitations, notes and audit entries) plugs its cleanup in here. An implementation must succeed when
/// the account has none of its data, and when called twice (a deletion retried after a failure).
/// </summary>
internal interface IAccountDataRemover
{
    /// <summary>Deletes this kind of data of the account <paramref name="userId"/> (Identity's id, a GUID).</summary>
    Task RemoveAsync(string userId, CancellationToken cancellationToken);
}
