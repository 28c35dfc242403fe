using Ldn.Core.Compounding;
using Ldn.Core.Dosing;
using Ldn.Core.Safety;
using Ldn.Core.Units;
using NodaTime;

namespace Ldn.Core.Protocols;

/// <summary>What a plan is built from: the protocol, the start date and the patient's particulars.</summary>
public sealed record PlanRequest
{
    public required TitrationProtocol Protocol { get; init; }

    public required DateOnly Start { get; init; }

    /// <summary>The clock time; the protocol's default when null.</summary>
    public ClockTime? At { get; init; }

    public BodyWeight? Weight { get; init; }

    /// <summary>The patient's time zone: clock times are local to it, and the calendar follows its daylight-saving changes.</summary>
    public DateTimeZone TimeZone { get; init; } = DateTimeZone.Utc;

    public Formulation Formulation { get; init; } = Formulation.Capsule;

    /// <summary>mg/mL; required for a liquid, meaningless otherwise.</summary>
    public decimal? ConcentrationMgPerMl { get; init; }

    /// <summary>
    /// The syringe a liquid is measured with; null chooses, per step, the smallest common size that holds
    /// the dose in one fill (finer graduations, so a smaller rounding error).
    /// </summary>
    public Syringe? Syringe { get; init; }

    /// <summary>The patient's medications and conditions, for the safety checks.</summary>
    public PatientProfile Patient { get; init; } = new();
}
