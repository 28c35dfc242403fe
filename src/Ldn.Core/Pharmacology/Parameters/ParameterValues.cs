using System.Globalization;

namespace Ldn.Core.Pharmacology.Parameters;

/// <summary>
/// Reads one documented value (value, unit, status, source, note) from a parameter section and
/// checks it: every parameter file in data/ (model, conditions) goes through this one check.
/// </summary>
internal static class ParameterValues
{
    public static double Read(Dictionary<string, ParameterValue?> section, string key, string path, Dimension dimension, ValueRange range, List<ParameterEntry> entries, Func<string, InvalidInputException> fail)
    {
        if (!section.TryGetValue(key, out var raw) || raw is null)
        {
            throw fail($"has no parameter '{path}'");
        }

        if (raw.Value is not { } value || !double.IsFinite(value))
        {
            throw fail($"gives no numeric value for '{path}'");
        }

        var unit = raw.Unit ?? throw fail($"gives no unit for '{path}' (expected {ParameterUnits.Expected(dimension)})");
        var factor = ParameterUnits.ToBase(dimension, unit)
            ?? throw fail($"gives '{path}' in '{unit}', which is not a unit of the right kind (expected {ParameterUnits.Expected(dimension)})");

        if (!Enum.TryParse<ParameterStatus>(raw.Status, ignoreCase: true, out var status) || int.TryParse(raw.Status, out _))
        {
            throw fail($"gives '{path}' the status '{raw.Status ?? "nothing"}' (expected measured, derived, assumed, unfitted or fitted)");
        }

        if (string.IsNullOrWhiteSpace(raw.Source))
        {
            throw fail($"gives no source for '{path}' (every value needs one)");
        }

        var inBase = value * factor;
        var problem = range switch
        {
            ValueRange.Positive when inBase <= 0 => "must be positive",
            ValueRange.NonNegative when inBase < 0 => "must not be negative",
            ValueRange.Fraction when inBase is <= 0 or > 1 => "must be a fraction above 0 and at most 1",
            ValueRange.RelativeBioavailability when inBase is <= 0 or > 10 => "must be above 0 and at most 10",
            ValueRange.Switch when inBase is not (0 or 1) => "must be 0 (off) or 1 (on)",
            ValueRange.Correlation when inBase is <= -1 or >= 1 => "must lie strictly between -1 and 1",
            ValueRange.Probability when inBase is < 0 or >= 1 => "must be a probability from 0 up to (not including) 1",
            _ => null,
        };
        if (problem is not null)
        {
            throw fail($"sets '{path}' to {value.ToString(CultureInfo.InvariantCulture)} {unit}, but it {problem}");
        }

        entries.Add(new ParameterEntry(path, value, unit, status, raw.Source.Trim(), raw.Note?.Trim()));
        return inBase;
    }
}

/// <summary>The range a parameter value must lie in, checked in base units.</summary>
internal enum ValueRange
{
    Positive,
    NonNegative,
    Fraction,
    RelativeBioavailability,
    Switch,
    Correlation,
    Probability,
}

/// <summary>One documented value as written in a YAML file; public setters because YamlDotNet fills them.</summary>
internal sealed class ParameterValue
{
    public double? Value { get; set; }

    public string? Unit { get; set; }

    public string? Status { get; set; }

    public string? Source { get; set; }

    public string? Note { get; set; }
}
