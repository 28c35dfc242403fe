using Ldn.Core;
using Ldn.Core.Journal;
using Ldn.Core.Protocols;
using Ldn.Core.Safety;

namespace Ldn.Web.Journal;

/// <summary>
/// <c>POST /api/plan</c>: a protocol of the catalogue laid onto the calendar with the safety checks
/// (<see cref="PlanBuilder.Build"/>), answered with the document of <c>ldn plan --json</c>
/// (<see cref="PlanDocument"/>). Any signed-in account may call it (a clinician or pharmacist plans too); it
/// reads and stores nothing. Only catalogue protocols: the server never opens a file named in a request.
/// </summary>
internal static class PlanEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapPost("/api/plan", Plan).RequireAuthorization().WithTags("Plan").Produces<PlanDocument>();
    }

    private static IResult Plan(PlanBody body) => Results.Json(Document(body));

    /// <summary>The plan the options describe, as the document of <c>ldn plan --json</c> (also what <c>PUT /api/journal/plan</c> stores).</summary>
    /// <exception cref="Ldn.Core.InvalidInputException">A missing or bad option, in one sentence.</exception>
    internal static PlanDocument Document(PlanBody body)
    {
        var protocol = ProtocolCatalog.Find(body.Protocol ?? throw new InvalidInputException("Give the protocol, e.g. \"protocol\": \"standard\"."));
        var options = new PlanOptions
        {
            Start = body.Start ?? throw new InvalidInputException("Give the start date, e.g. \"start\": \"2026-12-01\"."),
            At = body.At,
            Weight = body.Weight,
            Formulation = body.Formulation,
            Concentration = body.Concentration,
            Syringe = body.Syringe,
            Patient = new PatientOptions
            {
                Medications = body.Medications ?? [],
                HepaticImpairment = body.HepaticImpairment ?? false,
                RenalImpairment = body.RenalImpairment ?? false,
                Pregnant = body.Pregnant ?? false,
                Breastfeeding = body.Breastfeeding ?? false,
                ThyroidReplacement = body.ThyroidReplacement ?? false,
                Transplant = body.Transplant ?? false,
                Surgery = body.Surgery,
            },
        };
        var plan = PlanBuilder.Build(options.ToRequest(protocol, JournalTime.Zone(body.Tz ?? "UTC")));
        return PlanDocument.From(plan, Ldn.Core.Disclaimer.NotMedicalAdvice);
    }
}

/// <summary>
/// The options of <c>ldn plan</c> as JSON, values written as on the command line: <c>protocol</c> (a catalogue
/// id), <c>start</c> yyyy-MM-dd, <c>at</c> HH:mm, <c>tz</c> (IANA or <c>UTC±HH:mm</c>, default UTC),
/// <c>formulation</c>, <c>concentration</c> ("1mg/mL"), <c>syringe</c> ("1mL"), <c>weight</c> ("30kg"),
/// <c>medications</c> (<c>NAME</c> or <c>NAME@yyyy-MM-dd</c>) and the safety flags.
/// </summary>
internal sealed record PlanBody(
    string? Protocol, string? Start, string? At, string? Tz, string? Formulation, string? Concentration, string? Syringe, string? Weight,
    IReadOnlyList<string?>? Medications, bool? HepaticImpairment, bool? RenalImpairment, bool? Pregnant, bool? Breastfeeding,
    bool? ThyroidReplacement, bool? Transplant, string? Surgery);
