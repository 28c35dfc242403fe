using Ldn.Web.Hosting;

namespace Ldn.Web.Accounts;

/// <summary>
/// The account's journal, deleted with the account: the SQLite file <c>journals/{id}.db</c> (and its
/// <c>-wal</c>/<c>-shm</c>) or the PostgreSQL schema <c>ldn_journal_{id}</c>, through <see cref="WebStorage.DeleteJournal"/>.
/// </summary>
internal sealed class JournalDataRemover(WebStorage storage) : IAccountDataRemover
{
    public Task RemoveAsync(string userId, CancellationToken cancellationToken)
    {
        storage.DeleteJournal(userId);
        return Task.CompletedTask;
    }
}
