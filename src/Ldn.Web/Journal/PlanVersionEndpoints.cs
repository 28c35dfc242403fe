using System.Security.Claims;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Ldn.Core;
using Ldn.Core.Journal;
using Ldn.Core.Units;
using Microsoft.Extensions.Options;
using NodaTime;

namespace Ldn.Web.Journal;

/// <summary>
/// <c>/api/journal/plan</c>: the journal's plan versions, the same use cases as <c>ldn journal plan</c>
/// (<see cref="JournalService.SetPlan"/>, <see cref="JournalService.AdjustPlan"/>). <c>GET</c> lists them;
/// <c>PUT</c> saves a plan made from the <c>POST /api/plan</c> options (plus <c>from</c>) as a new version;
/// <c>POST …/adjust</c> adds a version that holds, steps down, advances or moves the dose. Earlier versions
/// stay. Every answer is <see cref="PlanVersions"/>.
/// </summary>
internal static class PlanVersionEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var plan = app.MapGroup("/api/journal/plan").RequireAuthorization(JournalEndpoints.PatientPolicy).WithTags("Journal");
        plan.MapGet("", List).Produces<PlanVersions>();
        plan.MapPut("", Save).Accepts<PlanBody>("application/json").Produces<PlanVersions>(StatusCodes.Status201Created);
        plan.MapPost("/adjust", Adjust).Produces<PlanVersions>(StatusCodes.Status201Created);
    }

    private static IResult List(ClaimsPrincipal user, PatientJournals journals) =>
        journals.Use(user, j => Results.Json(PlanVersions.Of(j, null), JournalDocument.Options));

    /// <summary>
    /// The body is the options of <c>POST /api/plan</c> and <c>from</c> (yyyy-MM-dd, today or yesterday; the
    /// journal's first plan starts on its own first step when it is left out, a later one today). <c>tz</c>
    /// defaults to the journal's zone and <c>start</c> to <c>from</c> (or today).
    /// </summary>
    private static IResult Save(JsonObject body, HttpContext http, PatientJournals journals, IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json) => journals.Use(http.User, j =>
    {
        var from = body["from"] is { } f ? Text(f, "from") : null;
        body.Remove("from");
        PlanBody options;
        try
        {
            options = body.Deserialize<PlanBody>(json.Value.SerializerOptions) ?? throw new InvalidInputException("Give the plan's options, e.g. { \"protocol\": \"standard\" }.");
        }
        catch (JsonException e)
        {
            // The same sentence as a body the route could not bind (Problems names the field).
            throw new BadHttpRequestException("The body is not a plan's options.", StatusCodes.Status400BadRequest, e);
        }

        var day = from is null ? (LocalDate?)null : JournalTime.ParseDate(from, j.HomeZone, j.Now);
        options = options with
        {
            Tz = options.Tz ?? j.Profile.TimeZoneId,
            Start = options.Start ?? (day ?? j.Today).ToString("uuuu-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        };
        var document = JsonSerializer.Serialize(PlanEndpoints.Document(options), JournalDocument.Options);
        var version = j.SetPlan(document, day);
        return Results.Json(PlanVersions.Of(j, version.Id), JournalDocument.Options, statusCode: StatusCodes.Status201Created);
    });

    private static IResult Adjust(PlanAdjustBody body, ClaimsPrincipal user, PatientJournals journals)
    {
        var kind = PlanAdjustments.Parse(body.Action ?? throw new InvalidInputException($"Give the adjustment, e.g. \"action\": \"hold\" ({string.Join(", ", PlanAdjustments.All.Select(PlanAdjustments.Name))})."));
        var at = body.At is { } text ? ClockTime.Parse(text) : (ClockTime?)null;
        return journals.Use(user, j =>
        {
            var day = body.From is { } f ? JournalTime.ParseDate(f, j.HomeZone, j.Now) : (LocalDate?)null;
            var version = j.AdjustPlan(kind, day, at is { } c ? new LocalTime(c.Hour, c.Minute) : null);
            return Results.Json(PlanVersions.Of(j, version.Id), JournalDocument.Options, statusCode: StatusCodes.Status201Created);
        });
    }

    private static string Text(JsonNode node, string field) =>
        node.GetValueKind() == JsonValueKind.String ? node.GetValue<string>() : throw new InvalidInputException($"Write \"{field}\" as a date in quotes, e.g. \"2026-12-01\".");
}

/// <summary><c>POST /api/journal/plan/adjust</c>: <c>action</c> (hold, step-down, advance, move-to-morning, move-to-evening), <c>from</c> (yyyy-MM-dd, today or yesterday; default today), <c>at</c> (HH:mm; the moves default to 08:00 and 22:00).</summary>
internal sealed record PlanAdjustBody(string? Action, string? From, string? At);

/// <summary>
/// The journal's plan versions: <c>versions</c> (oldest first, each <c>{ id, revision, from, to, setAt,
/// adjustment, document }</c> as in <c>ldn journal show --json</c>'s <c>plans</c>, <c>document</c> being the
/// plan of <c>ldn plan --json</c>), <c>inForce</c> (the version in force today, or null) and, after a
/// change, <c>added</c> (the id of the version just added).
/// </summary>
internal sealed record PlanVersions(
    IReadOnlyList<PlanVersionDocument> Versions,
    PlanVersionDocument? InForce,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] long? Added)
{
    public static PlanVersions Of(JournalService journal, long? added)
    {
        ArgumentNullException.ThrowIfNull(journal);
        var data = journal.Store.Load(journal.Now, journal.Now);
        var versions = data.Plans.Select(v => JournalEntryJson.Document(v, data.PlanEnd(v))).ToList();
        var inForce = data.PlanOn(journal.Today) is { } current ? versions[data.Plans.ToList().IndexOf(current)] : null;
        return new PlanVersions(versions, inForce, added);
    }
}
