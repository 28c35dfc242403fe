using System.Globalization;
using System.Threading.RateLimiting;
using Ldn.Core.Journal;
using Ldn.Web.Accounts;
using Ldn.Web.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using NodaTime.Extensions;

namespace Ldn.Web.Calendar;

/// <summary>
/// <c>GET /calendar/{token}.ics</c>, anonymous (the token is the credential, for calendar apps that cannot
/// sign in): the journal's plan as an iCalendar feed (<see cref="JournalService.PlanCalendarFeed"/>, read
/// from the plan versions at each request), one event per planned dose from <see cref="DaysBefore"/> days
/// ago to <see cref="DaysAfter"/> days ahead, each carrying the link <c>/today/confirm?date=yyyy-MM-dd</c>
/// to the page that confirms that dose (which needs the patient's own sign-in: a link in a calendar is
/// fetched by apps and must not write). A patient without a plan gets a valid calendar without events.
/// An unknown, malformed or revoked token, or one of a deleted account, answers 404 with the same sentence.
/// Rate-limited per client address (<see cref="PerMinuteKey"/>). Not in the OpenAPI document: it is a file
/// for calendar apps, not JSON.
/// </summary>
internal static class CalendarFeedEndpoint
{
    /// <summary>Feed requests allowed per client address and minute (default 120: calendar services fetch many feeds from few addresses).</summary>
    public const string PerMinuteKey = "Ldn:CalendarFeedPerMinute";

    /// <summary>Days before today the feed still lists (so a dose of the last days can be confirmed from it).</summary>
    public const int DaysBefore = 7;

    /// <summary>Days after today the feed reaches; calendar apps fetch it again every few hours (REFRESH-INTERVAL 12 h).</summary>
    public const int DaysAfter = 56;

    private const string Limit = "calendar-feed";

    private const string Unknown = "There is no calendar at this address (it may have been revoked).";

    /// <summary>Registers the feed's rate limit (its own policy, with its own 429 sentence).</summary>
    public static void AddServices(IServiceCollection services) =>
        services.Configure<RateLimiterOptions>(options => options.AddPolicy(Limit, new FeedLimit()));

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/calendar/{token}.ics", Feed).AllowAnonymous().RequireRateLimiting(Limit).ExcludeFromDescription();
        CalendarTokenEndpoints.Map(app);
    }

    /// <summary>The feed's address for <paramref name="secret"/>, on the scheme, host and path base of <paramref name="request"/>.</summary>
    public static Uri FeedUri(HttpRequest request, string secret) => new($"{Site(request)}/calendar/{secret}.ics");

    private static string Site(HttpRequest request) => $"{request.Scheme}://{request.Host}{request.PathBase}";

    private static async Task<IResult> Feed(string token, HttpContext http, AccountsDb db, WebStorage storage, IClock clock)
    {
        if (CalendarSecret.HashOf(token) is not { } hash)
        {
            return Problems.Of(StatusCodes.Status404NotFound, Unknown);
        }

        var row = await db.Set<CalendarToken>().SingleOrDefaultAsync(t => t.Hash == hash && t.Revoked == null).ConfigureAwait(false);
        if (row is null || !await db.Users.AnyAsync(u => u.Id == row.UserId).ConfigureAwait(false))
        {
            return Problems.Of(StatusCodes.Status404NotFound, Unknown);
        }

        string ics;
        using (var store = storage.OpenJournal(row.UserId, clock))
        {
            if (!store.IsInitialized)
            {
                return Problems.Of(StatusCodes.Status404NotFound, Unknown);
            }

            var site = Site(http.Request);
            ics = new JournalService(store, clock).PlanCalendarFeed(
                day => new Uri($"{site}/today/confirm?date={day.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture)}"), DaysBefore, DaysAfter);
        }

        row.LastUsed = clock.GetCurrentInstant().ToDateTimeOffset();
        await db.SaveChangesAsync().ConfigureAwait(false);
        http.Response.Headers.CacheControl = "private, no-cache";
        return Results.Text(ics, "text/calendar; charset=utf-8");
    }

    /// <summary>A fixed window per client address; its 429 speaks of the calendar, not of sign-in.</summary>
    private sealed class FeedLimit : IRateLimiterPolicy<string>
    {
        public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected { get; } = async (context, cancellationToken) =>
        {
            context.HttpContext.Response.StatusCode = StatusCodes.Status429TooManyRequests;
            context.HttpContext.Response.Headers.RetryAfter = "60";
            await context.HttpContext.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
            {
                HttpContext = context.HttpContext,
                ProblemDetails = new ProblemDetails { Status = StatusCodes.Status429TooManyRequests, Detail = "Too many calendar requests from this address; wait a minute." },
            }).ConfigureAwait(false);
        };

        public RateLimitPartition<string> GetPartition(HttpContext httpContext)
        {
            var perMinute = httpContext.RequestServices.GetRequiredService<IConfiguration>().GetValue(PerMinuteKey, 120);
            return RateLimitPartition.GetFixedWindowLimiter(
                httpContext.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 });
        }
    }
}
