using System.Globalization;

namespace Ldn.Core.Protocols;

/// <summary>
/// Where a dose sits in a protocol: the step it belongs to, the doses of the steps before and after, and
/// the step's length. The adjustment rules need these to advance or step down; a state file that names
/// its protocol gets them from here instead of spelling them out.
/// </summary>
public sealed record ProtocolPosition(int StepNumber, decimal? PreviousDoseMg, decimal? NextDoseMg, int? StepDays)
{
    /// <summary>
    /// The step whose fixed dose equals <paramref name="currentDoseMg"/>. Weight-based protocols have one
    /// step per patient and no neighbours, so they give an empty position (step 1, no previous or next).
    /// </summary>
    public static ProtocolPosition Locate(TitrationProtocol protocol, decimal currentDoseMg)
    {
        ArgumentNullException.ThrowIfNull(protocol);
        if (protocol.NeedsWeight)
        {
            return new ProtocolPosition(1, null, null, protocol.Steps[0].Days);
        }

        var steps = protocol.Steps;
        for (var i = 0; i < steps.Count; i++)
        {
            if (steps[i].Dose.Milligrams == currentDoseMg)
            {
                return new ProtocolPosition(
                    i + 1,
                    i > 0 ? steps[i - 1].Dose.Milligrams : null,
                    i + 1 < steps.Count ? steps[i + 1].Dose.Milligrams : null,
                    steps[i].Days);
            }
        }

        var doses = string.Join(", ", steps.Select(s => s.Dose.Milligrams.ToString("0.###", CultureInfo.InvariantCulture)));
        throw new InvalidInputException(
            $"{currentDoseMg.ToString("0.###", CultureInfo.InvariantCulture)} mg is not a step of the protocol '{protocol.Id}' ({doses} mg); give nextDoseMg and previousDoseMg instead of the protocol.");
    }
}
