namespace Ldn.Core.Pharmacology.ModelAverage;

/// <summary>
/// A replicate whose MOR row was computed whole (<see cref="MorTrajectory"/>, for slow binding, which has no closed
/// form): hands it out chunk by chunk. Costs the full row in memory; only slow-binding replicates need it.
/// </summary>
internal sealed class PrecomputedMor(double[] row) : IMorCursor
{
    private int _offset;

    public void Fill(ReadOnlySpan<double> times, Span<double> mor)
    {
        row.AsSpan(_offset, times.Length).CopyTo(mor);
        _offset += times.Length;
    }
}
