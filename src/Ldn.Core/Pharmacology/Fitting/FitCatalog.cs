using System.Globalization;
using Ldn.Core.Pharmacology.Parameters;
using Ldn.Core.Text;

namespace Ldn.Core.Pharmacology.Fitting;

/// <summary>
/// The structure fits shipped with the program (data/fits/{structure}.yaml, compiled in): each a parameter file
/// at the fit's estimate plus the <c>fit:</c> section <see cref="FitFileWriter"/> writes (−2LL, AIC, adequacy,
/// profile intervals, bootstrap replicates). Also reads that section from any such file.
/// </summary>
public static class FitCatalog
{
    private const string Prefix = "Ldn.Core.Data.Fits.";

    private static readonly Lazy<IReadOnlyList<StructureFit>> LazyShipped = new(() =>
    {
        var assembly = typeof(FitCatalog).Assembly;
        return [.. assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(Prefix, StringComparison.Ordinal))
            .SelectMany(n =>
            {
                using var stream = assembly.GetManifestResourceStream(n)!;
                using var reader = new StreamReader(stream);
                return Read(reader.ReadToEnd(), "data/fits/" + n[Prefix.Length..]);
            })
            .OrderBy(f => f.Structure)];
    });

    /// <summary>Every shipped fit, one per structure, in <see cref="OccupancyScenario"/> order.</summary>
    public static IReadOnlyList<StructureFit> Shipped => LazyShipped.Value;

    /// <summary>The fits recorded in a parameter file's <c>fit:</c> section (empty if it has none).</summary>
    /// <exception cref="InvalidInputException">The file or its fit section is malformed, in one sentence.</exception>
    public static IReadOnlyList<StructureFit> Read(string yaml, string sourceName)
    {
        var estimate = ParameterSetReader.Read(yaml, sourceName);
        var file = YamlFile.Read<Shape>(yaml, sourceName, "fit file");
        var result = new List<StructureFit>();
        foreach (var f in file.Fit ?? [])
        {
            var structure = OccupancyScenarios.ParseStructures(f.Structure ?? "?").Single();
            var parameters = (f.Parameters ?? []).Select(p => new FittedParameter(
                p.Name ?? "?", p.Estimate ?? double.NaN, p.Unit ?? "1", p.Low ?? double.NegativeInfinity, p.High ?? double.PositiveInfinity, p.Identifiable ?? false)).ToList();
            var setters = FitStructures.Estimated(structure);
            var names = f.ReplicateParameters ?? [];
            var replicates = new List<ModelParameters>();
            foreach (var row in f.Replicates ?? [])
            {
                var p = estimate;
                for (var i = 0; i < names.Count && i < row.Count; i++)
                {
                    var setter = setters.FirstOrDefault(s => s.Name == names[i])
                        ?? throw new InvalidInputException(string.Create(CultureInfo.InvariantCulture, $"The fit file '{sourceName}' lists a replicate parameter '{names[i]}' that structure {structure.Name()} does not estimate."));
                    p = setter.Set!(p, row[i]);
                }

                replicates.Add(p);
            }

            result.Add(new StructureFit(structure, f.Minus2LogLikelihood ?? double.NaN, f.Aic ?? double.NaN, f.Adequate ?? false, f.AdequacyTest ?? string.Empty, parameters, estimate, replicates));
        }

        return result;
    }

    // Shapes of the YAML document; public setters because YamlDotNet fills them. The parameter sections are read
    // by ParameterSetReader and ignored here.
    private sealed class Shape
    {
        public object? Schema { get; set; }

        public object? Name { get; set; }

        public object? Description { get; set; }

        public object? Parameters { get; set; }

        public object? Formulations { get; set; }

        public object? Variability { get; set; }

        public List<FitShape>? Fit { get; set; }
    }

    private sealed class FitShape
    {
        public string? Structure { get; set; }

        public string? Date { get; set; }

        public List<Dictionary<string, object?>>? Data { get; set; }

        public double? Minus2LogLikelihood { get; set; }

        public double? Aic { get; set; }

        public bool? Adequate { get; set; }

        public string? AdequacyTest { get; set; }

        public double? ChiSquare { get; set; }

        public double? ChiSquareLimit { get; set; }

        public Dictionary<string, double?>? Trough45 { get; set; }

        public List<ParameterShape>? Parameters { get; set; }

        public List<string>? ReplicateParameters { get; set; }

        public List<List<double>>? Replicates { get; set; }
    }

    private sealed class ParameterShape
    {
        public string? Name { get; set; }

        public double? Estimate { get; set; }

        public string? Unit { get; set; }

        public double? Low { get; set; }

        public double? High { get; set; }

        public bool? Identifiable { get; set; }

        public double? BootstrapLow { get; set; }

        public double? BootstrapHigh { get; set; }
    }
}
