using Ldn.Web.Accounts;
using Microsoft.EntityFrameworkCore;

namespace Ldn.Web.Calendar;

/// <summary>Account deletion's step for the calendar: every feed address of the account (their feeds answer 404 from then on).</summary>
internal sealed class CalendarDataRemover(AccountsDb db) : IAccountDataRemover
{
    public Task RemoveAsync(string userId, CancellationToken cancellationToken) =>
        db.Set<CalendarToken>().Where(t => t.UserId == userId).ExecuteDeleteAsync(cancellationToken);
}
