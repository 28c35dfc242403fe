namespace Ldn.Core;

/// <summary>The sentence every front end shows beside model output and advice (CLI, web, reports).</summary>
public static class Disclaimer
{
    public const string NotMedicalAdvice =
        "LDN Workbench is a research and self-tracking tool, not medical advice; model outputs are hypotheses, not predictions for a patient.";
}
