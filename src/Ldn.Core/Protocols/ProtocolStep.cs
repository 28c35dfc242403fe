namespace Ldn.Core.Protocols;

/// <summary>
/// One step of a titration protocol: a daily dose from <see cref="FirstDay"/> to <see cref="LastDay"/>
/// (1-based days counted from the start, both included). Only the last step may be open-ended
/// (<see cref="LastDay"/> null): the maintenance dose, taken until a prescriber changes it.
/// </summary>
public sealed record ProtocolStep(StepDose Dose, int FirstDay, int? LastDay)
{
    public int? Days => LastDay - FirstDay + 1;

    public bool IsOpenEnded => LastDay is null;
}
