using System.Security.Claims;
using Ldn.Core;
using Ldn.Core.Journal;

namespace Ldn.Web.Journal;

/// <summary>
/// <c>/api/journal/scales</c>: the journal's catalogue of 0–10 symptom scales (the five built-in ones and the
/// patient's own) and adding one, through the same <see cref="JournalService.AddScale"/> as
/// <c>ldn journal scale add</c>. A name the catalogue has already (by label or id, case and punctuation
/// ignored) is 409; a bad name, anchor or range, or a full catalogue (30 scales), 400 with one sentence.
/// </summary>
internal static class ScaleEndpoints
{
    public const string Path = "/api/journal/scales";

    public static void Map(IEndpointRouteBuilder app)
    {
        var group = app.MapGroup(Path).RequireAuthorization(JournalEndpoints.PatientPolicy).WithTags("Journal");
        group.MapGet("", (ClaimsPrincipal user, PatientJournals journals) => journals.Use(user, j => new ScaleList([.. Catalogue(j).Select(ScaleView.Of)])));
        group.MapPost("", Add).Produces<ScaleView>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status409Conflict);
    }

    /// <summary>The journal's scales, built-in ones first, in the order a check-in asks them.</summary>
    internal static IReadOnlyList<SymptomScale> Catalogue(JournalService journal) => journal.LoadDays(journal.Today, journal.Today).Scales;

    private static IResult Add(ScaleBody body, ClaimsPrincipal user, PatientJournals journals)
    {
        if ((body.Min is { } min && min != 0) || (body.Max is { } max && max != 10))
        {
            throw new InvalidInputException("Every scale runs from 0 to 10 (\"min\": 0, \"max\": 10); say what the ends mean with \"low\" and \"high\".");
        }

        try
        {
            var scale = journals.Use(user, j => j.AddScale(body.Name ?? "", body.HigherIsWorse ?? false, body.Low, body.High));
            return TypedResults.Created($"{Path}/{scale.Id}", ScaleView.Of(scale));
        }
        catch (ScaleExistsException clash)
        {
            return Hosting.Problems.Of(StatusCodes.Status409Conflict, clash.Message);
        }
    }
}

/// <summary>
/// <c>POST /api/journal/scales</c>, the options of <c>ldn journal scale add</c>: <c>name</c> (1–60 characters,
/// "brain fog"; the id is made from it, "brain-fog"), <c>higherIsWorse</c> (the CLI's <c>--higher-is-worse</c>,
/// default false), <c>low</c> and <c>high</c> (what 0 and 10 mean, at most 60 characters; defaults "none"/"worst"
/// or "worst"/"best"); <c>min</c> and <c>max</c> may be sent but must be 0 and 10.
/// </summary>
internal sealed record ScaleBody(string? Name, bool? HigherIsWorse, string? Low, string? High, int? Min, int? Max);

/// <summary>
/// One scale of the catalogue: <c>id</c> (the key of a check-in's score), <c>name</c> (what the patient is asked),
/// <c>min</c> 0 and <c>max</c> 10, <c>lowAnchor</c>/<c>highAnchor</c> (what 0 and 10 mean), <c>higherIsWorse</c>,
/// <c>builtIn</c>, and a verified <c>codeSystem</c>/<c>code</c> (LOINC for pain) or null.
/// </summary>
internal sealed record ScaleView(string Id, string Name, int Min, int Max, string LowAnchor, string HighAnchor, bool HigherIsWorse, bool BuiltIn, string? CodeSystem, string? Code)
{
    public static ScaleView Of(SymptomScale scale) =>
        new(scale.Id, scale.Label, 0, 10, scale.LowAnchor, scale.HighAnchor, scale.HigherIsWorse, scale.BuiltIn, scale.CodeSystem, scale.Code);
}

/// <summary><c>GET /api/journal/scales</c>: the catalogue.</summary>
internal sealed record ScaleList(IReadOnlyList<ScaleView> Scales);
