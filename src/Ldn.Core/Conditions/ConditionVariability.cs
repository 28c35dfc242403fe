using Ldn.Core.Pharmacology.Parameters;

namespace Ldn.Core.Conditions;

/// <summary>
/// Between-subject variability of a condition's outcome, for virtual populations and trials:
/// baseline score (SD in instrument units), placebo response (SD of the fraction of baseline),
/// responsiveness to the drug effect (log-normal CV on I_max) and measurement noise of one
/// assessment (SD in instrument units). Each value carries a source or is marked assumed.
/// </summary>
public sealed record ConditionVariability(
    double BaselineSd,
    double PlaceboSd,
    double ResponsivenessCv,
    double MeasurementSd,
    IReadOnlyList<ParameterEntry> Entries)
{
    private static readonly string[] Known = ["baselineSd", "placeboSd", "responsivenessCv", "measurementSd"];

    internal static ConditionVariability Read(Dictionary<string, ParameterValue?>? section, string sourceName, ClinicalInstrument instrument)
    {
        InvalidInputException Fail(string what) => new($"The condition file '{sourceName}' {what}.");
        var values = section ?? throw Fail("has no 'variability' section");
        var unknown = values.Keys.FirstOrDefault(k => !Known.Contains(k, StringComparer.Ordinal));
        if (unknown is not null)
        {
            throw Fail($"has an unknown variability entry '{unknown}'");
        }

        var entries = new List<ParameterEntry>();
        double Get(string key) => ParameterValues.Read(values, key, "variability." + key, Dimension.Dimensionless, ValueRange.NonNegative, entries, Fail);
        var baselineSd = Get("baselineSd");
        var placeboSd = Get("placeboSd");
        var responsivenessCv = Get("responsivenessCv");
        var measurementSd = Get("measurementSd");
        var span = instrument.Maximum - instrument.Minimum;
        if (baselineSd > span || measurementSd > span)
        {
            throw Fail($"gives a score SD larger than the whole {instrument.Name} scale");
        }

        return new ConditionVariability(baselineSd, placeboSd, responsivenessCv, measurementSd, entries);
    }
}
