using Ldn.Core.Pharmacology.Parameters;
using Ldn.Core.Text;
using Ldn.Core.Units;

namespace Ldn.Core.Conditions;

/// <summary>
/// Reads and validates a condition file (<c>data/conditions/*.yaml</c>, schema <c>ldn-condition/1</c>):
/// the outcome instrument, the immune-module parameters (each with unit, status and source, checked
/// like the model parameters), the between-subject variability and the calibration note.
/// </summary>
public static class ConditionReader
{
    public const string Schema = "ldn-condition/1";

    private static readonly string[] KnownParameters =
    [
        "inflammationTurnoverRate", "diseaseDrive", "maxInhibition", "signallingHalfEffect", "placeboMaximum", "placeboOnsetRate",
    ];

    public static (ConditionParameters Condition, ConditionVariability Variability) Read(string yaml, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        InvalidInputException Fail(string what) => new($"The condition file '{sourceName}' {what}.");
        var file = YamlFile.Read<ConditionFile>(yaml, sourceName, "condition file");

        if (file.Schema != Schema)
        {
            throw Fail($"must declare 'schema: {Schema}' (found '{file.Schema ?? "nothing"}')");
        }

        if (string.IsNullOrWhiteSpace(file.Id) || string.IsNullOrWhiteSpace(file.Name))
        {
            throw Fail("needs an 'id' and a 'name'");
        }

        var instrument = file.Instrument ?? throw Fail("has no 'instrument' section");
        if (string.IsNullOrWhiteSpace(instrument.Name) || instrument.Baseline is not { } baseline || instrument.Minimum is not { } min || instrument.Maximum is not { } max
            || !double.IsFinite(baseline) || !(min < max) || baseline < min || baseline > max)
        {
            throw Fail("needs an instrument with a name and a baseline between its minimum and maximum");
        }

        ResponderDefinition responder;
        try
        {
            responder = ResponderDefinition.Parse(instrument.Responder ?? throw Fail("gives no instrument 'responder' threshold (e.g. '70 points' or '30%')"));
        }
        catch (InvalidInputException e) when (!e.Message.StartsWith("The condition file", StringComparison.Ordinal))
        {
            throw Fail($"has an unusable responder threshold: {e.Message.TrimEnd('.')}");
        }
        var section = file.Parameters ?? throw Fail("has no 'parameters' section");
        var unknown = section.Keys.FirstOrDefault(k => !KnownParameters.Contains(k, StringComparer.Ordinal));
        if (unknown is not null)
        {
            throw Fail($"has an unknown parameter '{unknown}' (a typo would otherwise be ignored silently)");
        }

        var entries = new List<ParameterEntry>();
        double Get(string key, Dimension dimension, ValueRange range) => ParameterValues.Read(section, key, key, dimension, range, entries, Fail);

        var condition = new ConditionParameters
        {
            Id = file.Id.Trim(),
            Name = file.Name.Trim(),
            Aliases = [.. (file.Aliases ?? []).Select(a => a.Trim())],
            Instrument = new ClinicalInstrument(instrument.Name.Trim(), instrument.Unit?.Trim() ?? "points", baseline, min, max, instrument.LowerIsBetter ?? true),
            Responder = responder,
            InflammationTurnover = RateConstant.FromPerHour(Get("inflammationTurnoverRate", Dimension.Rate, ValueRange.Positive)),
            DiseaseDrive = Get("diseaseDrive", Dimension.Dimensionless, ValueRange.Positive),
            MaxInhibition = Get("maxInhibition", Dimension.Dimensionless, ValueRange.Fraction),
            SignallingHalfEffect = Get("signallingHalfEffect", Dimension.Dimensionless, ValueRange.Positive),
            PlaceboMaximum = Get("placeboMaximum", Dimension.Dimensionless, ValueRange.NonNegative),
            PlaceboOnset = RateConstant.FromPerHour(Get("placeboOnsetRate", Dimension.Rate, ValueRange.Positive)),
            Calibration = file.Calibration?.Trim() ?? throw Fail("has no 'calibration' note (say how the values were chosen)"),
            Entries = entries,
        };

        var variability = ConditionVariability.Read(file.Variability, sourceName, condition.Instrument);
        return (condition, variability);
    }

    // Shapes of the YAML document; public setters because YamlDotNet fills them.
    private sealed class ConditionFile
    {
        public string? Schema { get; set; }

        public string? Id { get; set; }

        public string? Name { get; set; }

        public List<string>? Aliases { get; set; }

        public InstrumentSection? Instrument { get; set; }

        public Dictionary<string, ParameterValue?>? Parameters { get; set; }

        public Dictionary<string, ParameterValue?>? Variability { get; set; }

        public string? Calibration { get; set; }
    }

    private sealed class InstrumentSection
    {
        public string? Name { get; set; }

        public string? Unit { get; set; }

        public double? Baseline { get; set; }

        public double? Minimum { get; set; }

        public double? Maximum { get; set; }

        public bool? LowerIsBetter { get; set; }

        public string? Responder { get; set; }
    }
}
