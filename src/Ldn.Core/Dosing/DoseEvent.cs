using Ldn.Core.Units;

namespace Ldn.Core.Dosing;

/// <summary>
/// One dosing record in the vocabulary of the PK field (NONMEM/mrgsolve: <c>amt</c>, <c>time</c>,
/// <c>ii</c>, <c>addl</c>): an amount given first at <see cref="Time"/> and then every
/// <see cref="Interval"/>, <see cref="Count"/> times in all. A titration step is one such event.
/// </summary>
public sealed record DoseEvent
{
    public DoseEvent(Mass amount, Duration time, Duration interval, int count, Formulation formulation)
    {
        DoseLimits.Check(amount);
        if (!double.IsFinite(time.Hours) || time < Duration.Zero)
        {
            throw new InvalidInputException($"A dose cannot be given before the start of the simulation (time {time}).");
        }

        if (count < 1)
        {
            throw new InvalidInputException($"The number of doses must be at least 1 (got {count}).");
        }

        if (count > 1 && !(interval >= DoseLimits.ShortestInterval && interval <= DoseLimits.LongestInterval))
        {
            throw new InvalidInputException(
                $"The dosing interval must be between {DoseLimits.ShortestInterval.Hours:0} h and {DoseLimits.LongestInterval.Days:0} days (got {interval}).");
        }

        Amount = amount;
        Time = time;
        Interval = interval;
        Count = count;
        Formulation = formulation;
    }

    public Mass Amount { get; }

    /// <summary>Time of the first dose, measured from the start of the simulation.</summary>
    public Duration Time { get; }

    public Duration Interval { get; }

    public int Count { get; }

    public Formulation Formulation { get; }

    /// <summary>Time of the last dose of this event.</summary>
    public Duration LastDoseTime => Time + (Interval * (Count - 1));

    public IEnumerable<Administration> Administrations()
    {
        for (var i = 0; i < Count; i++)
        {
            yield return new Administration(Time + (Interval * i), Amount, Formulation);
        }
    }
}

/// <summary>One dose actually given: an amount of one formulation at one time.</summary>
public readonly record struct Administration(Duration Time, Mass Amount, Formulation Formulation);
