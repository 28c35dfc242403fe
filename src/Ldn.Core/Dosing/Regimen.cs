using System.Globalization;
using Ldn.Core.Units;

namespace Ldn.Core.Dosing;

/// <summary>
/// What is given and for how long: dose events on a common time axis that starts at
/// <see cref="StartClock"/> (clock time of model time zero) and runs for <see cref="Horizon"/>.
/// A titration plan becomes a regimen with one event per step.
/// </summary>
public sealed class Regimen
{
    public Regimen(ClockTime startClock, IReadOnlyList<DoseEvent> events, Duration horizon)
    {
        ArgumentNullException.ThrowIfNull(events);
        if (events.Count == 0)
        {
            throw new InvalidInputException("A regimen needs at least one dose.");
        }

        if (!double.IsFinite(horizon.Hours) || horizon <= Duration.Zero)
        {
            throw new InvalidInputException($"The simulated time span must be positive (got {horizon}).");
        }

        if (horizon > DoseLimits.LongestHorizon)
        {
            throw new InvalidInputException(
                $"The simulated time span of {horizon.Days:0.#} days is longer than the {DoseLimits.LongestHorizon.Days:0} days (ten years) the simulator accepts.");
        }

        StartClock = startClock;
        Events = events;
        Horizon = horizon;
        // A dose at the very end of the horizon has no time to act and would leave a zero-length summary
        // window ("hour 24 to 24"), so doses at or after the end are left out and counted for the output's note.
        var all = events.SelectMany(e => e.Administrations()).ToList();
        Administrations = [.. all.Where(a => a.Time < horizon).OrderBy(a => a.Time.Hours)];
        DosesAfterHorizon = all.Count - Administrations.Count;
        if (Administrations.Count == 0)
        {
            throw new InvalidInputException($"No dose falls within the simulated time span of {horizon}.");
        }
    }

    public ClockTime StartClock { get; }

    public IReadOnlyList<DoseEvent> Events { get; }

    public Duration Horizon { get; }

    /// <summary>Every dose within the horizon, in time order.</summary>
    public IReadOnlyList<Administration> Administrations { get; }

    /// <summary>How many doses of <see cref="Events"/> fall at or after the end of <see cref="Horizon"/> and are not simulated.</summary>
    public int DosesAfterHorizon { get; }

    /// <summary>The sentence telling the reader that <see cref="DosesAfterHorizon"/> doses were left out, or null if none were.</summary>
    public string? DosesAfterHorizonNote => DosesAfterHorizon == 0
        ? null
        : string.Create(CultureInfo.InvariantCulture,
            $"{DosesAfterHorizon} {(DosesAfterHorizon == 1 ? "dose falls" : "doses fall")} at or after the end of the {Horizon.Hours:0.##} h simulated span and {(DosesAfterHorizon == 1 ? "is" : "are")} left out; lengthen the horizon to include {(DosesAfterHorizon == 1 ? "it" : "them")}.");

    public IReadOnlyList<Formulation> FormulationsUsed => [.. Administrations.Select(a => a.Formulation).Distinct().Order()];

    /// <summary>
    /// The usual LDN regimen: <paramref name="count"/> doses of <paramref name="dose"/> every
    /// <paramref name="interval"/>, the first at <paramref name="at"/>. The horizon defaults to
    /// count × interval, so that the last dose is followed by one full interval.
    /// </summary>
    public static Regimen Repeated(Mass dose, ClockTime at, Duration interval, int count, Formulation formulation, Duration? horizon = null)
    {
        if (count < 1)
        {
            throw new InvalidInputException($"The number of doses must be at least 1 (got {count}).");
        }

        var dosing = new DoseEvent(dose, Duration.Zero, interval, count, formulation);
        return new Regimen(at, [dosing], horizon ?? (interval * count));
    }

    /// <summary>
    /// The interval over which summaries are reported: the last dosing interval, or the whole horizon
    /// for a single dose. It is cut at the horizon if the horizon ends sooner.
    /// </summary>
    public (Duration From, Duration To) SummaryWindow()
    {
        if (Administrations.Count == 1)
        {
            return (Duration.Zero, Horizon);
        }

        var last = Administrations[^1].Time;
        // The interval of the event that gave the last dose; a one-off dose at the end has none of its
        // own, so the gap before it stands in.
        var lastEvent = Events.FirstOrDefault(e => e.Count > 1 && e.Administrations().Any(a => a.Time == last));
        var interval = lastEvent?.Interval ?? (last - Administrations[^2].Time);
        var to = last + interval;
        return (last, to < Horizon ? to : Horizon);
    }
}
