namespace Ldn.Core.Evidence;

/// <summary>
/// The human dose evidence shown before any model output on dose: the dose-finding study, the 4.5 mg
/// trials and the 6 mg trial, and the β-endorphin hint on α_P (<c>data/evidence/dose/clinical-dose.yaml</c>,
/// compiled in; sources in shared/research/clinical-evidence.md).
/// </summary>
public sealed record ClinicalDoseEvidence(IReadOnlyList<ClinicalDoseStudy> Studies, SynthesisHint SynthesisHint)
{
    public const string ResourceName = "Ldn.Core.Data.DoseEvidence.clinical-dose.yaml";

    private static readonly Lazy<ClinicalDoseEvidence> LazyDefault = new(() =>
    {
        using var stream = typeof(ClinicalDoseEvidence).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"Embedded resource {ResourceName} is missing from {typeof(ClinicalDoseEvidence).Assembly.GetName().Name}.");
        using var reader = new StreamReader(stream);
        return ClinicalDoseReader.Read(reader.ReadToEnd(), "data/evidence/dose/clinical-dose.yaml");
    });

    /// <summary>The shipped file.</summary>
    public static ClinicalDoseEvidence Default => LazyDefault.Value;

    /// <summary>The study with this id; throws <see cref="KeyNotFoundException"/> for an unknown id.</summary>
    public ClinicalDoseStudy Study(string id) =>
        Studies.FirstOrDefault(s => s.Id == id) ?? throw new KeyNotFoundException($"No dose study '{id}'.");
}
