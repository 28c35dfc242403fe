using System.Security.Claims;
using Ldn.Core.Journal;
using Ldn.Web.Hosting;
using NodaTime;

namespace Ldn.Web.Journal;

/// <summary>
/// The signed-in patient's own journal, opened for one request: the account id in the token names the file
/// or schema, so a route can only ever reach the caller's journal (another patient's ids are simply not in it).
/// </summary>
internal sealed class PatientJournals(WebStorage storage, IClock clock)
{
    /// <summary>Runs <paramref name="work"/> on the journal of <paramref name="user"/> and closes it.</summary>
    public T Use<T>(ClaimsPrincipal user, Func<JournalService, T> work)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(work);
        var id = user.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("A journal route ran without a signed-in account.");
        using var store = storage.OpenJournal(id, clock);
        return work(new JournalService(store, clock));
    }
}
