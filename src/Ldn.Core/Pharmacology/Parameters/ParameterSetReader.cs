using System.Globalization;
using Ldn.Core.Dosing;
using Ldn.Core.Population;
using Ldn.Core.Text;
using Ldn.Core.Units;

namespace Ldn.Core.Pharmacology.Parameters;

/// <summary>
/// Reads and validates a parameter file (<c>data/parameters/*.yaml</c>). The text comes in as a string:
/// opening files is the caller's business. Any problem is reported as one sentence naming the file and
/// the parameter, because a silently wrong parameter makes every later number wrong.
/// </summary>
public static class ParameterSetReader
{
    public const string Schema = "ldn-parameters/1";

    public static ModelParameters Read(string yaml, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        var file = YamlFile.Read<ParameterFile>(yaml, sourceName, "parameter file");

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
            double Get(string key, Dimension dimension, ValueRange range)
            {
                known.Add(key);
                return Value(p, key, key, dimension, range);
            }

            var parameters = new ModelParameters
            {
                Name = string.IsNullOrWhiteSpace(file.Name) ? sourceName : file.Name,
                ParentMolarMass = MolarMass.FromGramsPerMole(Get("parentMolarMass", Dimension.MolarMass, ValueRange.Positive)),
                MetaboliteMolarMass = MolarMass.FromGramsPerMole(Get("metaboliteMolarMass", Dimension.MolarMass, ValueRange.Positive)),
                ParentElimination = RateConstant.FromPerHour(Get("parentEliminationRate", Dimension.Rate, ValueRange.Positive)),
                ParentVolume = Volume.FromLitres(Get("parentVolume", Dimension.Volume, ValueRange.Positive)),
                MetaboliteElimination = RateConstant.FromPerHour(Get("metaboliteEliminationRate", Dimension.Rate, ValueRange.Positive)),
                MetaboliteVolume = Volume.FromLitres(Get("metaboliteVolume", Dimension.Volume, ValueRange.Positive)),
                UnboundFraction = Get("unboundFraction", Dimension.Dimensionless, ValueRange.Fraction),
                MetaboliteCentralPotency = Get("metaboliteCentralPotency", Dimension.Dimensionless, ValueRange.NonNegative),
                DirectEc50 = MolarConcentration.FromNanomolar(Get("directEc50", Dimension.MolarConcentration, ValueRange.Positive)),
                EffectSiteLoss = RateConstant.FromPerHour(Get("effectSiteLossRate", Dimension.Rate, ValueRange.Positive)),
                EffectSiteEc50 = MolarConcentration.FromNanomolar(Get("effectSiteEc50", Dimension.MolarConcentration, ValueRange.Positive)),
                DorEc50Multiplier = Get("dorEc50Multiplier", Dimension.Dimensionless, ValueRange.Positive),
                KorEc50Multiplier = Get("korEc50Multiplier", Dimension.Dimensionless, ValueRange.Positive),
                ReceptorTurnover = RateConstant.FromPerHour(Get("receptorTurnoverRate", Dimension.Rate, ValueRange.Positive)),
                ReceptorUpregulation = Get("receptorUpregulation", Dimension.Dimensionless, ValueRange.NonNegative),
                SynthesisTurnover = RateConstant.FromPerHour(Get("synthesisTurnoverRate", Dimension.Rate, ValueRange.Positive)),
                SynthesisUpregulation = Get("synthesisUpregulation", Dimension.Dimensionless, ValueRange.NonNegative),
                SynthesisFeedback = Get("synthesisFeedback", Dimension.Dimensionless, ValueRange.Switch) > 0.5,
                Tlr4Ic50 = MolarConcentration.FromNanomolar(Get("tlr4Ic50", Dimension.MolarConcentration, ValueRange.Positive)),
                OralBioavailability = Get("oralBioavailability", Dimension.Dimensionless, ValueRange.Fraction),
                Structures = new StructureParameters(
                    Get("slowPoolFraction", Dimension.Dimensionless, ValueRange.Fraction),
                    RateConstant.FromPerHour(Get("slowPoolReleaseRate", Dimension.Rate, ValueRange.Positive)),
                    Get("slowPoolHalfBlockadeAmount", Dimension.Amount, ValueRange.Positive),
                    Get("twoSiteDirectFraction", Dimension.Dimensionless, ValueRange.Probability),
                    MolarConcentration.FromNanomolar(Get("twoSiteDirectEc50", Dimension.MolarConcentration, ValueRange.Positive)),
                    RateConstant.FromPerHour(Get("twoSiteSlowRate", Dimension.Rate, ValueRange.Positive)),
                    MolarConcentration.FromNanomolar(Get("twoSiteSlowEc50", Dimension.MolarConcentration, ValueRange.Positive)),
                    Get("bindingAssociationRate", Dimension.AssociationRate, ValueRange.Positive),
                    RateConstant.FromPerHour(Get("bindingDissociationRate", Dimension.Rate, ValueRange.Positive))),
                Formulations = ReadFormulations(),
                Entries = _entries,
                Variability = ReadVariability(),
            };

            if (p.ContainsKey("effectSiteUptakeRate"))
            {
                // Kept as a named error: old files have it, and ignoring it would hide that it never acted.
                throw Fail("sets 'effectSiteUptakeRate', which was removed because it cancelled out of scenario B (docs/model.md §3.4); delete that entry");
            }

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
                    RateConstant.FromPerHour(Value(entries, "absorptionRate", prefix + "absorptionRate", Dimension.Rate, ValueRange.Positive)),
                    Value(entries, "parentRelativeBioavailability", prefix + "parentRelativeBioavailability", Dimension.Dimensionless, ValueRange.RelativeBioavailability),
                    Value(entries, "metaboliteRelativeBioavailability", prefix + "metaboliteRelativeBioavailability", Dimension.Dimensionless, ValueRange.RelativeBioavailability));
            }

            var missing = Formulations.All.FirstOrDefault(f => !result.ContainsKey(f));
            if (result.Count != Formulations.All.Count)
            {
                throw Fail($"has no entry for the formulation '{missing.Name()}'");
            }

            return result;
        }

        private PopulationVariability ReadVariability()
        {
            var section = file.Variability ?? throw Fail("has no 'variability' section (between-subject variability for populations)");
            var cvs = section.LogNormalCv ?? throw Fail("has no 'variability.logNormalCv' section");
            var unknown = cvs.Keys.FirstOrDefault(k => !PopulationVariability.VariableParameters.Contains(k, StringComparer.Ordinal));
            if (unknown is not null)
            {
                throw Fail($"gives variability for '{unknown}', which cannot vary (known: {string.Join(", ", PopulationVariability.VariableParameters)})");
            }

            var entries = new List<ParameterEntry>();
            var names = cvs.Keys.ToList();
            var values = names.Select(n => ParameterValues.Read(cvs, n, "variability.logNormalCv." + n, Dimension.Dimensionless, ValueRange.NonNegative, entries, Fail)).ToList();
            if (values.Any(v => v > 3))
            {
                throw Fail("gives a coefficient of variation above 300%, which is surely a typo");
            }

            var correlation = new double[names.Count, names.Count];
            for (var i = 0; i < names.Count; i++)
            {
                correlation[i, i] = 1;
            }

            foreach (var key in (section.Correlations ?? []).Keys)
            {
                var pair = key.Split('~', StringSplitOptions.TrimEntries);
                var (i, j) = pair.Length == 2 ? (names.IndexOf(pair[0]), names.IndexOf(pair[1])) : (-1, -1);
                if (i < 0 || j < 0 || i == j)
                {
                    throw Fail($"has a correlation '{key}' that does not name two varied parameters as 'a~b'");
                }

                var r = ParameterValues.Read(section.Correlations!, key, "variability.correlations." + key, Dimension.Dimensionless, ValueRange.Correlation, entries, Fail);
                correlation[i, j] = correlation[j, i] = r;
            }

            var doses = new Dictionary<string, ParameterValue?>
            {
                ["doseAccuracyCv"] = section.DoseAccuracyCv,
                ["missedDoseProbability"] = section.MissedDoseProbability,
            };
            var accuracy = ParameterValues.Read(doses, "doseAccuracyCv", "variability.doseAccuracyCv", Dimension.Dimensionless, ValueRange.NonNegative, entries, Fail);
            var missed = ParameterValues.Read(doses, "missedDoseProbability", "variability.missedDoseProbability", Dimension.Dimensionless, ValueRange.Probability, entries, Fail);
            try
            {
                return new PopulationVariability(names, values, correlation, accuracy, missed, entries);
            }
            catch (InvalidInputException)
            {
                throw Fail("has a variability correlation matrix that is not positive definite (no population could have those correlations)");
            }
        }

        private double Value(Dictionary<string, ParameterValue?> section, string key, string path, Dimension dimension, ValueRange range) =>
            ParameterValues.Read(section, key, path, dimension, range, _entries, Fail);

        private InvalidInputException Fail(string what) => new($"The parameter file '{sourceName}' {what}.");
    }

    // Shapes of the YAML document; public setters because YamlDotNet fills them.
    private sealed class ParameterFile
    {
        public string? Schema { get; set; }

        public string? Name { get; set; }

        public string? Description { get; set; }

        public Dictionary<string, ParameterValue?>? Parameters { get; set; }

        public Dictionary<string, Dictionary<string, ParameterValue?>?>? Formulations { get; set; }

        public VariabilitySection? Variability { get; set; }

        /// <summary>A fit's record (data/fits/, `ldn fit --out`): read by FitCatalog, ignored here.</summary>
        public object? Fit { get; set; }
    }

    private sealed class VariabilitySection
    {
        public Dictionary<string, ParameterValue?>? LogNormalCv { get; set; }

        public Dictionary<string, ParameterValue?>? Correlations { get; set; }

        public ParameterValue? DoseAccuracyCv { get; set; }

        public ParameterValue? MissedDoseProbability { get; set; }
    }
}
