using System.Reflection;

namespace Ldn.Core.Pharmacology.Parameters;

/// <summary>
/// The parameter sets shipped with LDN Workbench. The files in <c>data/parameters/</c> are compiled in
/// as resources so that every entry point (CLI, tests, benchmarks) uses the same reviewed values.
/// </summary>
public static class ParameterSets
{
    public const string DefaultFileName = "naltrexone.yaml";

    private static readonly Lazy<ModelParameters> LazyDefault = new(() => ParameterSetReader.Read(DefaultText, "data/parameters/" + DefaultFileName));

    /// <summary>The default set, <c>data/parameters/naltrexone.yaml</c>.</summary>
    public static ModelParameters Default => LazyDefault.Value;

    /// <summary>The default file's text, e.g. to show a user what to copy and edit.</summary>
    public static string DefaultText
    {
        get
        {
            using var stream = typeof(ParameterSets).Assembly.GetManifestResourceStream("Ldn.Core.Data." + DefaultFileName)
                ?? throw new InvalidOperationException($"Embedded resource {DefaultFileName} is missing from {typeof(ParameterSets).Assembly.GetName().Name}.");
            using var reader = new StreamReader(stream);
            return reader.ReadToEnd();
        }
    }
}
