using System.Security.Claims;
using Ldn.Web.Hosting;
using Ldn.Web.Journal;

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

    private static async Task<IResult> Create(HttpContext http, CalendarTokens tokens)
    {
        var created = await tokens.CreateAsync(UserId(http.User), http.Request).ConfigureAwait(false);
        return Results.Created($"/api/calendar/tokens/{created.Id}", created);
    }

    private static async Task<IResult> List(ClaimsPrincipal user, CalendarTokens tokens) =>
        Results.Json(await tokens.ListAsync(UserId(user)).ConfigureAwait(false));

    private static async Task<IResult> Revoke(long id, ClaimsPrincipal user, CalendarTokens tokens) =>
        await tokens.RevokeAsync(UserId(user), id).ConfigureAwait(false)
            ? Results.NoContent()
            : Problems.Of(StatusCodes.Status404NotFound, $"You have no calendar address with id {id}.");

    internal static string UserId(ClaimsPrincipal user) =>
        user.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("A calendar route ran without a signed-in account.");
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
