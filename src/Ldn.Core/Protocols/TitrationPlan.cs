using Ldn.Core.Compounding;
using Ldn.Core.Dosing;
using Ldn.Core.Safety;
using Ldn.Core.Units;
using NodaTime;

namespace Ldn.Core.Protocols;

/// <summary>
/// A protocol laid onto the calendar for one patient: dated steps, the clock time, the formulation, and
/// the warnings the safety checks raised (a plan with a hard stop or refusal is never built).
/// </summary>
public sealed record TitrationPlan
{
    public required TitrationProtocol Protocol { get; init; }

    public required DateOnly Start { get; init; }

    public required ClockTime At { get; init; }

    public required DateTimeZone TimeZone { get; init; }

    public required Formulation Formulation { get; init; }

    /// <summary>mg/mL, for a liquid.</summary>
    public decimal? ConcentrationMgPerMl { get; init; }

    /// <summary>The syringe asked for; null when each step uses the smallest that holds its dose.</summary>
    public Syringe? Syringe { get; init; }

    public BodyWeight? Weight { get; init; }

    public required IReadOnlyList<PlanStep> Steps { get; init; }

    public required IReadOnlyList<SafetyFinding> Warnings { get; init; }

    /// <summary>The first day of the maintenance (last) step.</summary>
    public DateOnly MaintenanceFrom => Steps[^1].From;
}
