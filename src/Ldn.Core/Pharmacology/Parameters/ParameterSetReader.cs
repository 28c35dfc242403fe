using System.Globalization;
using Ldn.Core.Dosing;
using Ldn.Core.Units;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Ldn.Core.Pharmacology.Parameters;

/// <summary>
/// Reads and validates a parameter file (<c>data/parameters/*.yaml</c>). The text comes in as a string:
/// opening files is the caller's business. Any problem is reported as one sentence naming the file and
/// the parameter, because a silently wrong parameter makes every later number wrong.
/// </summary>
public static class ParameterSetReader
{
    public const string Schema = "ldn-parameters/1";

    private static readonly IDeserializer Deserializer = new DeserializerBuilder()
        .WithNamingConvention(CamelCaseNamingConvention.Instance)
        .Build();

    public static ModelParameters Read(string yaml, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        if (string.IsNullOrWhiteSpace(yaml))
        {
            throw new InvalidInputException($"The parameter file '{sourceName}' is empty.");
        }

        ParameterFile? file;
        try
        {
            file = Deserializer.Deserialize<ParameterFile>(yaml);
        }
        catch (YamlException e)
        {
            var reason = (e.InnerException?.Message ?? e.Message).Split('\n')[0].Trim();
            throw new InvalidInputException(
                $"The parameter file '{sourceName}' is not valid at line {e.Start.Line}: {reason}", e);
        }

        if (file is null)
        {
            throw new InvalidInputException($"The parameter file '{sourceName}' is empty.");
        }

        if (file.Schema != Schema)
        {
            throw new InvalidInputException(
                $"The parameter file '{sourceName}' must declare 'schema: {Schema}' (found '{file.Schema ?? "nothing"}').");
        }

        return new Builder(file, sourceName).Build();
    }

    /// <summary>Turns the raw file into typed parameters, collecting entries for traceability.</summary>
    private sealed class Builder(ParameterFile file, string sourceName)
    {
        private readonly List<ParameterEntry> _entries = [];

        public ModelParameters Build()
        {
            var p = file.Parameters ?? throw Fail("has no 'parameters' section");
            var known = new HashSet<string>(StringComparer.Ordinal);
            double Get(string key, Dimension dimension, Range range)
            {
                known.Add(key);
                return Value(p, key, key, dimension, range);
            }

            var parameters = new ModelParameters
            {
                Name = string.IsNullOrWhiteSpace(file.Name) ? sourceName : file.Name,
                ParentMolarMass = MolarMass.FromGramsPerMole(Get("parentMolarMass", Dimension.MolarMass, Range.Positive)),
                MetaboliteMolarMass = MolarMass.FromGramsPerMole(Get("metaboliteMolarMass", Dimension.MolarMass, Range.Positive)),
                ParentElimination = RateConstant.FromPerHour(Get("parentEliminationRate", Dimension.Rate, Range.Positive)),
                ParentVolume = Volume.FromLitres(Get("parentVolume", Dimension.Volume, Range.Positive)),
                MetaboliteElimination = RateConstant.FromPerHour(Get("metaboliteEliminationRate", Dimension.Rate, Range.Positive)),
                MetaboliteVolume = Volume.FromLitres(Get("metaboliteVolume", Dimension.Volume, Range.Positive)),
                UnboundFraction = Get("unboundFraction", Dimension.Dimensionless, Range.Fraction),
                MetaboliteCentralPotency = Get("metaboliteCentralPotency", Dimension.Dimensionless, Range.NonNegative),
                DirectEc50 = MolarConcentration.FromNanomolar(Get("directEc50", Dimension.MolarConcentration, Range.Positive)),
                EffectSiteUptake = RateConstant.FromPerHour(Get("effectSiteUptakeRate", Dimension.Rate, Range.Positive)),
                EffectSiteLoss = RateConstant.FromPerHour(Get("effectSiteLossRate", Dimension.Rate, Range.Positive)),
                EffectSiteEc50 = MolarConcentration.FromNanomolar(Get("effectSiteEc50", Dimension.MolarConcentration, Range.Positive)),
                DorEc50Multiplier = Get("dorEc50Multiplier", Dimension.Dimensionless, Range.Positive),
                KorEc50Multiplier = Get("korEc50Multiplier", Dimension.Dimensionless, Range.Positive),
                Formulations = ReadFormulations(),
                Entries = _entries,
            };

            var unknown = p.Keys.FirstOrDefault(k => !known.Contains(k));
            if (unknown is not null)
            {
                throw Fail($"has an unknown parameter '{unknown}' (a typo would otherwise be ignored silently)");
            }

            return parameters;
        }

        private Dictionary<Formulation, FormulationParameters> ReadFormulations()
        {
            var section = file.Formulations ?? throw Fail("has no 'formulations' section");
            var result = new Dictionary<Formulation, FormulationParameters>();
            foreach (var (name, values) in section)
            {
                Formulation formulation;
                try
                {
                    formulation = Formulations.Parse(name);
                }
                catch (InvalidInputException)
                {
                    throw Fail($"lists an unknown formulation '{name}' (known: {string.Join(", ", Formulations.All.Select(f => f.Name()))})");
                }

                var prefix = $"formulations.{name}.";
                var entries = values ?? [];
                var known = new[] { "absorptionRate", "parentRelativeBioavailability", "metaboliteRelativeBioavailability" };
                var unknown = entries.Keys.FirstOrDefault(k => !known.Contains(k, StringComparer.Ordinal));
                if (unknown is not null)
                {
                    throw Fail($"has an unknown parameter '{prefix}{unknown}'");
                }

                result[formulation] = new FormulationParameters(
                    RateConstant.FromPerHour(Value(entries, "absorptionRate", prefix + "absorptionRate", Dimension.Rate, Range.Positive)),
                    Value(entries, "parentRelativeBioavailability", prefix + "parentRelativeBioavailability", Dimension.Dimensionless, Range.RelativeBioavailability),
                    Value(entries, "metaboliteRelativeBioavailability", prefix + "metaboliteRelativeBioavailability", Dimension.Dimensionless, Range.RelativeBioavailability));
            }

            var missing = Formulations.All.FirstOrDefault(f => !result.ContainsKey(f));
            if (result.Count != Formulations.All.Count)
            {
                throw Fail($"has no entry for the formulation '{missing.Name()}'");
            }

            return result;
        }

        private double Value(Dictionary<string, ParameterValue?> section, string key, string path, Dimension dimension, Range range)
        {
            if (!section.TryGetValue(key, out var raw) || raw is null)
            {
                throw Fail($"has no parameter '{path}'");
            }

            if (raw.Value is not { } value || !double.IsFinite(value))
            {
                throw Fail($"gives no numeric value for '{path}'");
            }

            var unit = raw.Unit ?? throw Fail($"gives no unit for '{path}' (expected {ParameterUnits.Expected(dimension)})");
            var factor = ParameterUnits.ToBase(dimension, unit)
                ?? throw Fail($"gives '{path}' in '{unit}', which is not a unit of the right kind (expected {ParameterUnits.Expected(dimension)})");

            if (!Enum.TryParse<ParameterStatus>(raw.Status, ignoreCase: true, out var status) || int.TryParse(raw.Status, out _))
            {
                throw Fail($"gives '{path}' the status '{raw.Status ?? "nothing"}' (expected measured, derived or assumed)");
            }

            if (string.IsNullOrWhiteSpace(raw.Source))
            {
                throw Fail($"gives no source for '{path}' (every value needs one)");
            }

            var inBase = value * factor;
            var problem = range switch
            {
                Range.Positive when inBase <= 0 => "must be positive",
                Range.NonNegative when inBase < 0 => "must not be negative",
                Range.Fraction when inBase is <= 0 or > 1 => "must be a fraction above 0 and at most 1",
                Range.RelativeBioavailability when inBase is <= 0 or > 10 => "must be above 0 and at most 10",
                _ => null,
            };
            if (problem is not null)
            {
                throw Fail($"sets '{path}' to {value.ToString(CultureInfo.InvariantCulture)} {unit}, but it {problem}");
            }

            _entries.Add(new ParameterEntry(path, value, unit, status, raw.Source.Trim(), raw.Note?.Trim()));
            return inBase;
        }

        private InvalidInputException Fail(string what) => new($"The parameter file '{sourceName}' {what}.");
    }

    private enum Range
    {
        Positive,
        NonNegative,
        Fraction,
        RelativeBioavailability,
    }

    // Shapes of the YAML document; public setters because YamlDotNet fills them.
    private sealed class ParameterFile
    {
        public string? Schema { get; set; }

        public string? Name { get; set; }

        public string? Description { get; set; }

        public Dictionary<string, ParameterValue?>? Parameters { get; set; }

        public Dictionary<string, Dictionary<string, ParameterValue?>?>? Formulations { get; set; }
    }

    private sealed class ParameterValue
    {
        public double? Value { get; set; }

        public string? Unit { get; set; }

        public string? Status { get; set; }

        public string? Source { get; set; }

        public string? Note { get; set; }
    }
}
