using Ldn.Core.Units;

namespace Ldn.Core.Dosing;

/// <summary>
/// The range of inputs the simulator accepts. These are plausibility limits for a research model, not
/// safety limits for a plan (those belong to the protocol rules): they catch typos such as 4500 mg.
/// </summary>
public static class DoseLimits
{
    /// <summary>10 µg: a tenth of the smallest paediatric LDN dose in use (0.1 mg).</summary>
    public static Mass SmallestDose { get; } = Mass.FromMicrograms(10);

    /// <summary>
    /// 300 mg: the largest daily oral naltrexone dose studied in humans (hepatotoxicity data in the US
    /// label); above it the linear PK the model assumes has never been observed.
    /// </summary>
    public static Mass LargestDose { get; } = Mass.FromMilligrams(300);

    public static Duration ShortestInterval { get; } = Duration.FromHours(1);

    public static Duration LongestInterval { get; } = Duration.FromDays(30);

    /// <summary>Ten years: long enough for any trial or journal, short enough to catch a typo.</summary>
    public static Duration LongestHorizon { get; } = Duration.FromDays(3653);

    public static void Check(Mass amount)
    {
        if (!double.IsFinite(amount.Milligrams) || amount.Milligrams <= 0)
        {
            throw new InvalidInputException($"A dose must be a positive amount (got {amount}).");
        }

        if (amount < SmallestDose)
        {
            throw new InvalidInputException($"A dose of {amount} is below the smallest the simulator accepts ({SmallestDose}).");
        }

        if (amount > LargestDose)
        {
            throw new InvalidInputException(
                $"A dose of {amount} is above {LargestDose}, the largest oral naltrexone dose studied in humans; check the unit.");
        }
    }
}
