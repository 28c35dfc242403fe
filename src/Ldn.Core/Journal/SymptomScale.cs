namespace Ldn.Core.Journal;

/// <summary>
/// One 0–10 symptom scale of the journal's catalogue: the five built-in ones (fatigue, pain, sleep,
/// mood, focus) and any the patient adds (<c>ldn journal scale add "brain fog"</c>).
/// </summary>
/// <param name="Id">Stable key: lower-case words joined by '-' ("brain-fog"); the JSON name of a score.</param>
/// <param name="Label">What the patient is asked ("Brain fog").</param>
/// <param name="LowAnchor">What 0 means ("none").</param>
/// <param name="HighAnchor">What 10 means ("worst imaginable").</param>
/// <param name="HigherIsWorse">True for symptoms (pain), false for states where more is better (mood).</param>
/// <param name="CodeSystem">The code system of <paramref name="Code"/> (a URI such as http://loinc.org), when one was verified.</param>
/// <param name="Code">A verified code for the scale's observation, or null when none exists.</param>
public sealed record SymptomScale(
    string Id,
    string Label,
    string LowAnchor,
    string HighAnchor,
    bool HigherIsWorse,
    string? CodeSystem = null,
    string? Code = null)
{
    /// <summary>True for the five scales every journal has; they cannot be removed or renamed.</summary>
    public bool BuiltIn => SymptomScales.IsBuiltIn(Id);
}
