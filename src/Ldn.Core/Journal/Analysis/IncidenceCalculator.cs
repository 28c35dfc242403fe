namespace Ldn.Core.Journal.Analysis;

/// <summary>Counts side-effect days among dose-days (days a dose was taken), grouped by the day's daily dose and by its dosing time.</summary>
public static class IncidenceCalculator
{
    public static SideEffectIncidence Compute(DayTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        var taken = table.Days.Where(d => d.Dose == DoseStatus.Taken).ToList();
        var byDose = taken.GroupBy(d => d.DoseMg).OrderBy(g => g.Key)
            .Select(g => Group($"{SymptomComparer.Mg(g.Key)} mg", g.Key, null, g)).ToList();
        var byTiming = taken.GroupBy(d => d.Timing).OrderBy(g => g.Key)
            .Select(g => Group(g.Key.ToString().ToLowerInvariant(), null, g.Key, g)).ToList();
        return new SideEffectIncidence(byDose, byTiming);
    }

    private static IncidenceGroup Group(string label, decimal? dose, DoseTiming? timing, IEnumerable<JournalDay> days)
    {
        int n = 0, k = 0;
        var kinds = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var day in days)
        {
            n++;
            if (day.AnySideEffect)
            {
                k++;
                foreach (var kind in day.SideEffects)
                {
                    kinds[kind] = kinds.GetValueOrDefault(kind) + 1;
                }
            }
        }

        var (lower, upper) = WilsonInterval.Compute(k, n);
        return new IncidenceGroup(label, dose, timing, n, k, n == 0 ? 0 : 100.0 * k / n, 100 * lower, 100 * upper,
            [.. kinds.OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal).Select(p => new KindCount(p.Key, p.Value))]);
    }
}
