using System.Security.Claims;
using Ldn.Web.Accounts;
using Ldn.Web.Hosting;
using Ldn.Web.Journal;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using NodaTime.Extensions;
using NodaTime.Text;

namespace Ldn.Web.Calendar;

/// <summary>
/// <c>/api/calendar/tokens</c>: a patient's private calendar feed addresses. <c>POST</c> makes one and shows
/// its secret once (<see cref="CalendarTokenCreated"/>); <c>GET</c> lists them without secrets
/// (<c>{ "tokens": [ { id, created, lastUsed } ] }</c>); <c>DELETE …/{id}</c> revokes one (its feed answers
/// 404 from then on). Another patient's id answers 404.
/// </summary>
internal static class CalendarTokenEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var tokens = app.MapGroup("/api/calendar/tokens").RequireAuthorization(JournalEndpoints.PatientPolicy).WithTags("Calendar");
        tokens.MapPost("", Create).Produces<CalendarTokenCreated>(StatusCodes.Status201Created);
        tokens.MapGet("", List).Produces<CalendarTokenList>();
        tokens.MapDelete("/{id:long}", Revoke).Produces(StatusCodes.Status204NoContent).ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<IResult> Create(HttpContext http, AccountsDb db, IClock clock)
    {
        var user = UserId(http.User);
        var (secret, hash) = CalendarSecret.New();
        var token = new CalendarToken { UserId = user, Hash = hash, Created = clock.GetCurrentInstant().ToDateTimeOffset() };
        // Two requests of one patient at once may pick the same number: the unique index refuses the second, which takes the next.
        for (var attempt = 1; ; attempt++)
        {
            token.Number = 1 + (await db.Set<CalendarToken>().Where(t => t.UserId == user).MaxAsync(t => (long?)t.Number).ConfigureAwait(false) ?? 0);
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

        var feed = CalendarFeedEndpoint.FeedUri(http.Request, secret);
        var webcal = new UriBuilder(feed) { Scheme = "webcal", Port = feed.IsDefaultPort ? -1 : feed.Port }.Uri;
        return Results.Created($"/api/calendar/tokens/{token.Number}", new CalendarTokenCreated(token.Number, secret, feed.AbsoluteUri, webcal.AbsoluteUri, Stamp(token.Created)!));
    }

    private static async Task<IResult> List(ClaimsPrincipal user, AccountsDb db)
    {
        var id = UserId(user);
        var rows = await db.Set<CalendarToken>().Where(t => t.UserId == id && t.Revoked == null).ToListAsync().ConfigureAwait(false);
        return Results.Json(new CalendarTokenList([.. rows.OrderBy(t => t.Number).Select(t => new CalendarTokenSummary(t.Number, Stamp(t.Created)!, Stamp(t.LastUsed)))]));
    }

    private static async Task<IResult> Revoke(long id, ClaimsPrincipal user, AccountsDb db, IClock clock)
    {
        var owner = UserId(user);
        var token = await db.Set<CalendarToken>().SingleOrDefaultAsync(t => t.UserId == owner && t.Number == id && t.Revoked == null).ConfigureAwait(false);
        if (token is null)
        {
            return Problems.Of(StatusCodes.Status404NotFound, $"You have no calendar address with id {id}.");
        }

        token.Revoked = clock.GetCurrentInstant().ToDateTimeOffset();
        await db.SaveChangesAsync().ConfigureAwait(false);
        return Results.NoContent();
    }

    private static string UserId(ClaimsPrincipal user) =>
        user.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("A calendar route ran without a signed-in account.");

    private static string? Stamp(DateTimeOffset? at) => at is { } t ? InstantPattern.ExtendedIso.Format(t.ToInstant()) : null;
}

/// <summary>
/// A new calendar address: <c>id</c> (to revoke it), <c>token</c> (the secret, shown only here), <c>url</c>
/// (<c>https://host/calendar/{token}.ics</c>, the request's scheme and host), <c>webcal</c> (the same as
/// <c>webcal://</c>, which opens a calendar app's subscription) and <c>created</c> (ISO 8601 UTC).
/// </summary>
internal sealed record CalendarTokenCreated(long Id, string Token, string Url, string Webcal, string Created);

/// <summary>One calendar address without its secret: <c>id</c>, <c>created</c> and <c>lastUsed</c> (ISO 8601 UTC, null if never fetched).</summary>
internal sealed record CalendarTokenSummary(long Id, string Created, string? LastUsed);

/// <summary><c>{ "tokens": [...] }</c>, the addresses in use, oldest first.</summary>
internal sealed record CalendarTokenList(IReadOnlyList<CalendarTokenSummary> Tokens);
