using Ldn.Web.Accounts;

namespace Ldn.Web.Sharing;

/// <summary>Account deletion's step for sharing: the account's invitations, shares, and what it owns as a patient (<see cref="SharedJournals.RemoveAllFor"/>).</summary>
internal sealed class SharingDataRemover(SharedJournals sharing) : IAccountDataRemover
{
    public Task RemoveAsync(string userId, CancellationToken cancellationToken)
    {
        sharing.RemoveAllFor(userId);
        return Task.CompletedTask;
    }
}
