using System.Globalization;
using Ldn.Core;
using Ldn.Core.Compounding;
using Ldn.Core.Dosing;
using Ldn.Core.Journal;
using Ldn.Core.Protocols;
using Ldn.Core.Safety;
using Ldn.Core.Units;

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
        var request = new PlanRequest
        {
            Protocol = ProtocolCatalog.Find(body.Protocol ?? throw new InvalidInputException("Give the protocol, e.g. \"protocol\": \"standard\".")),
            Start = Date(body.Start ?? throw new InvalidInputException("Give the start date, e.g. \"start\": \"2026-12-01\"."), "start date"),
            At = body.At is { } at ? ClockTime.Parse(at) : null,
            Weight = body.Weight is { } w ? BodyWeight.Parse(w) : null,
            Formulation = Formulations.Parse(body.Formulation ?? "capsule"),
            ConcentrationMgPerMl = body.Concentration is { } c
                ? ExactQuantity.ParseMilligramsPerMillilitre(c, "liquid strength", CompoundingLimits.SmallestConcentrationMgPerMl, CompoundingLimits.LargestConcentrationMgPerMl)
                : null,
            Syringe = body.Syringe is { } size
                ? Syringe.ForCapacity(ExactQuantity.ParseMillilitres(size, "syringe size", CompoundingLimits.SmallestVolumeMl, CompoundingLimits.LargestSyringeMl))
                : null,
            TimeZone = JournalTime.Zone(body.Tz ?? "UTC"),
            Patient = new PatientProfile
            {
                Medications = [.. (body.Medications ?? []).Select(Medication)],
                HepaticImpairment = body.HepaticImpairment ?? false,
                RenalImpairment = body.RenalImpairment ?? false,
                Pregnant = body.Pregnant ?? false,
                Breastfeeding = body.Breastfeeding ?? false,
                ThyroidReplacement = body.ThyroidReplacement ?? false,
                TransplantImmunosuppression = body.Transplant ?? false,
                PlannedSurgery = body.Surgery is { } s ? Date(s, "surgery date") : null,
            },
        };
        return PlanDocument.From(PlanBuilder.Build(request), Ldn.Core.Disclaimer.NotMedicalAdvice);
    }

    /// <summary><c>NAME</c> or <c>NAME@yyyy-MM-dd</c> (the day it was last taken), as <c>ldn plan --medication</c>.</summary>
    private static MedicationUse Medication(string? text)
    {
        var at = text?.LastIndexOf('@') ?? -1;
        var name = (at >= 0 ? text![..at] : text ?? "").Trim();
        return name.Length == 0
            ? throw new InvalidInputException($"'{text}' names no medication.")
            : new MedicationUse(name, at >= 0 ? Date(text![(at + 1)..], "date the medication was last taken") : null);
    }

    private static DateOnly Date(string text, string what) =>
        DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw new InvalidInputException($"'{text}' is not a {what}: write it as yyyy-MM-dd, e.g. 2026-12-01.");
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
