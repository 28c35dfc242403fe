namespace Ldn.Core.Safety;

/// <summary>How strongly a finding stops a plan or an adjustment.</summary>
public enum SafetySeverity
{
    /// <summary>Go on, but tell the user and the prescriber (e.g. a dose above 4.5 mg).</summary>
    Warning,

    /// <summary>The tool refuses to make an LDN plan for this (e.g. a dose above 10 mg).</summary>
    Refusal,

    /// <summary>Naltrexone must not be taken now (an opioid, or an opioid within its washout).</summary>
    HardStop,
}

/// <summary>One thing a safety check found: a stable code, how severe it is, one sentence and its source.</summary>
public sealed record SafetyFinding(string Code, SafetySeverity Severity, string Message, string Source);

/// <summary>A medication as the user wrote it ("Tramadol 50 mg"); a null <paramref name="LastTaken"/> means it is taken now.</summary>
public sealed record MedicationUse(string Name, DateOnly? LastTaken = null);

/// <summary>
/// The patient's particulars the safety checks look at: medications and the conditions that raise
/// warnings. One record, shared by a plan request, an advice state and (later) the journal's profile.
/// </summary>
public sealed record PatientProfile
{
    public IReadOnlyList<MedicationUse> Medications { get; init; } = [];

    public bool HepaticImpairment { get; init; }

    /// <summary>Severe renal impairment (the label's caution is for severe impairment).</summary>
    public bool RenalImpairment { get; init; }

    public bool Pregnant { get; init; }

    public bool Breastfeeding { get; init; }

    public bool ThyroidReplacement { get; init; }

    public bool TransplantImmunosuppression { get; init; }

    public DateOnly? PlannedSurgery { get; init; }
}

/// <summary>
/// Everything the safety checks look at: the doses, the patient, and "today". <see cref="StartDate"/> is
/// the day LDN starts or the day of the check: the core never reads the clock, so without it a washout
/// that has a last-taken date is reported as still running, with the date it ends.
/// </summary>
public sealed record SafetyContext
{
    public IReadOnlyList<decimal> DosesMg { get; init; } = [];

    public PatientProfile Patient { get; init; } = new();

    /// <summary>The day LDN starts or the day of the check.</summary>
    public DateOnly? StartDate { get; init; }
}

public static class SafetySeverities
{
    /// <summary>The name used in JSON and data files: warning, refusal, hard-stop.</summary>
    public static string Name(this SafetySeverity severity) => severity switch
    {
        SafetySeverity.Warning => "warning",
        SafetySeverity.Refusal => "refusal",
        SafetySeverity.HardStop => "hard-stop",
        _ => throw new ArgumentOutOfRangeException(nameof(severity)),
    };

    public static bool TryParse(string? text, out SafetySeverity severity)
    {
        foreach (var s in Enum.GetValues<SafetySeverity>())
        {
            if (string.Equals(s.Name(), text?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                severity = s;
                return true;
            }
        }

        severity = default;
        return false;
    }
}
