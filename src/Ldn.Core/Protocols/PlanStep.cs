using Ldn.Core.Compounding;
using Ldn.Core.Dosing;
using Ldn.Core.Units;

namespace Ldn.Core.Protocols;

/// <summary>
/// One step of a dated plan: the daily dose from <see cref="From"/> to <see cref="To"/> (both included;
/// <see cref="To"/> null for the open-ended maintenance step), at one clock time, in one formulation.
/// For a liquid, <see cref="Liquid"/> says what volume to draw with <see cref="Syringe"/> and the dose that
/// volume really gives.
/// </summary>
public sealed record PlanStep(int Number, DateOnly From, DateOnly? To, decimal DoseMg, ClockTime At, Formulation Formulation, MeasuredLiquidDose? Liquid, Syringe? Syringe = null)
{
    public int? Days => To is { } to ? to.DayNumber - From.DayNumber + 1 : null;

    /// <summary>The dose actually taken: the measured liquid dose, or the prescribed dose.</summary>
    public decimal TakenDoseMg => Liquid?.ActualDoseMg ?? DoseMg;
}
