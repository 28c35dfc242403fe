namespace Ldn.Core.Evidence;

/// <summary>One published figure of a dose study, as printed: e.g. ED50 = 3.88 mg, P = 0.016 (unit "1").</summary>
public sealed record ClinicalDoseNumber(string Name, double Value, string Unit);
