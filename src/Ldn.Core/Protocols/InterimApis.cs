// INTERIM: stand-ins for the Safety and Compounding APIs being built on other branches; deleted at merge.
#pragma warning disable
namespace Ldn.Core.Safety
{
    public enum SafetySeverity { Warning, Refusal, HardStop }
    public sealed record SafetyFinding(string Code, SafetySeverity Severity, string Message, string Source);
    public sealed record MedicationUse(string Name, DateOnly? LastTaken = null);
    public sealed record SafetyContext
    {
        public IReadOnlyList<decimal> DosesMg { get; init; } = [];
        public IReadOnlyList<MedicationUse> Medications { get; init; } = [];
        public bool HepaticImpairment { get; init; }
        public bool RenalImpairment { get; init; }
        public bool Pregnant { get; init; }
        public bool Breastfeeding { get; init; }
        public bool ThyroidReplacement { get; init; }
        public bool TransplantImmunosuppression { get; init; }
        public DateOnly? PlannedSurgery { get; init; }
        public DateOnly? StartDate { get; init; }
    }
    public static class SafetyChecks
    {
        public static IReadOnlyList<SafetyFinding> Evaluate(SafetyContext context)
        {
            var list = new List<SafetyFinding>();
            var max = context.DosesMg.DefaultIfEmpty(0).Max();
            if (max > 10) list.Add(new("dose-above-10mg", SafetySeverity.Refusal, $"A dose of {max} mg is above 10 mg, outside the definition of low-dose naltrexone.", "x"));
            else if (max > 4.5m) list.Add(new("dose-above-4.5mg", SafetySeverity.Warning, $"A dose of {max} mg is above 4.5 mg, beyond most trial data.", "x"));
            if (context.Medications.Any(m => m.Name.Contains("tramadol", StringComparison.OrdinalIgnoreCase))) list.Add(new("opioid", SafetySeverity.HardStop, "Tramadol is an opioid.", "x"));
            return list;
        }
    }
}
