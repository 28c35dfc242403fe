using Ldn.Core.Compounding;
using Ldn.Core.Dosing;
using Ldn.Core.Safety;
using Ldn.Core.Text;
using Ldn.Core.Units;
using NodaTime;

namespace Ldn.Core.Protocols;

/// <summary>
/// The options of <c>ldn plan</c> as text, as a user writes them on the command line, in
/// <c>POST /api/plan</c> or in the web's plan form: <see cref="Start"/> yyyy-MM-dd, <see cref="At"/> HH:mm,
/// <see cref="Weight"/> ("30kg"), <see cref="Formulation"/> (capsule, tablet, liquid, sublingual),
/// <see cref="Concentration"/> ("1mg/mL", liquid only), <see cref="Syringe"/> ("1mL") and the safety
/// particulars. The protocol and the time zone are resolved by the caller (the CLI also opens protocol files
/// and defaults to the computer's zone; the web takes catalogue protocols only and the journal's zone).
/// </summary>
public sealed record PlanOptions
{
    public string? Start { get; init; }

    public string? At { get; init; }

    public string? Weight { get; init; }

    public string? Formulation { get; init; }

    public string? Concentration { get; init; }

    public string? Syringe { get; init; }

    public PatientOptions Patient { get; init; } = new();

    /// <summary>The request <see cref="PlanBuilder.Build"/> takes; blank optional values count as not given.</summary>
    /// <exception cref="InvalidInputException">A value that does not parse, in one sentence naming it.</exception>
    public PlanRequest ToRequest(TitrationProtocol protocol, DateTimeZone zone)
    {
        ArgumentNullException.ThrowIfNull(protocol);
        ArgumentNullException.ThrowIfNull(zone);
        return new PlanRequest
        {
            Protocol = protocol,
            Start = IsoDate.Parse(Given(Start) ?? throw new InvalidInputException("Give the start date, e.g. 2026-12-01."), "start date"),
            At = Given(At) is { } at ? ClockTime.Parse(at) : null,
            Weight = Given(Weight) is { } w ? BodyWeight.Parse(w) : null,
            Formulation = Formulations.Parse(Given(Formulation) ?? "capsule"),
            ConcentrationMgPerMl = Given(Concentration) is { } c
                ? ExactQuantity.ParseMilligramsPerMillilitre(c, "liquid strength", CompoundingLimits.SmallestConcentrationMgPerMl, CompoundingLimits.LargestConcentrationMgPerMl)
                : null,
            Syringe = Given(Syringe) is { } size
                ? Compounding.Syringe.ForCapacity(ExactQuantity.ParseMillilitres(size, "syringe size", CompoundingLimits.SmallestVolumeMl, CompoundingLimits.LargestSyringeMl))
                : null,
            TimeZone = zone,
            Patient = Patient.ToProfile(),
        };
    }

    private static string? Given(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;
}
