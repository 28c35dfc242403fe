using Ldn.Web.Accounts;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using NodaTime.Extensions;
using NodaTime.Text;

namespace Ldn.Web.Calendar;

/// <summary>
/// A patient's private calendar feed addresses in the accounts database, for the API
/// (<see cref="CalendarTokenEndpoints"/>) and the Plan page alike: make one (its secret is shown once, only
/// its SHA-256 is kept), list those in use, revoke one (its feed answers 404 from then on; numbers are not reused).
/// </summary>
internal sealed class CalendarTokens(AccountsDb db, IClock clock)
{
    /// <summary>A new address for <paramref name="userId"/>, its URLs on the scheme and host of <paramref name="request"/>.</summary>
    public async Task<CalendarTokenCreated> CreateAsync(string userId, HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (secret, hash) = CalendarSecret.New();
        var token = new CalendarToken { UserId = userId, Hash = hash, Created = clock.GetCurrentInstant().ToDateTimeOffset() };
        // Two requests of one patient at once may pick the same number: the unique index refuses the second, which takes the next.
        for (var attempt = 1; ; attempt++)
        {
            token.Number = 1 + (await db.Set<CalendarToken>().Where(t => t.UserId == userId).MaxAsync(t => (long?)t.Number).ConfigureAwait(false) ?? 0);
            db.Add(token);
            try
            {
                await db.SaveChangesAsync().ConfigureAwait(false);
                break;
            }
            catch (DbUpdateException) when (attempt < 3)
            {
                db.Entry(token).State = EntityState.Detached;
            }
        }

        var feed = CalendarFeedEndpoint.FeedUri(request, secret);
        var webcal = new UriBuilder(feed) { Scheme = "webcal", Port = feed.IsDefaultPort ? -1 : feed.Port }.Uri;
        return new CalendarTokenCreated(token.Number, secret, feed.AbsoluteUri, webcal.AbsoluteUri, Stamp(token.Created)!);
    }

    /// <summary>The addresses of <paramref name="userId"/> in use, oldest first, without secrets.</summary>
    public async Task<CalendarTokenList> ListAsync(string userId)
    {
        var rows = await db.Set<CalendarToken>().Where(t => t.UserId == userId && t.Revoked == null).ToListAsync().ConfigureAwait(false);
        return new CalendarTokenList([.. rows.OrderBy(t => t.Number).Select(t => new CalendarTokenSummary(t.Number, Stamp(t.Created)!, Stamp(t.LastUsed)))]);
    }

    /// <summary>Revokes address <paramref name="number"/> of <paramref name="userId"/>; false when it has none in use by that number.</summary>
    public async Task<bool> RevokeAsync(string userId, long number)
    {
        var token = await db.Set<CalendarToken>().SingleOrDefaultAsync(t => t.UserId == userId && t.Number == number && t.Revoked == null).ConfigureAwait(false);
        if (token is null)
        {
            return false;
        }

        token.Revoked = clock.GetCurrentInstant().ToDateTimeOffset();
        await db.SaveChangesAsync().ConfigureAwait(false);
        return true;
    }

    private static string? Stamp(DateTimeOffset? at) => at is { } t ? InstantPattern.ExtendedIso.Format(t.ToInstant()) : null;
}
