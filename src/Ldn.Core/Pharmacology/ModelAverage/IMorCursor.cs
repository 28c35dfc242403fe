namespace Ldn.Core.Pharmacology.ModelAverage;

/// <summary>One replicate's MOR blockade along the output grid, chunk by chunk (the streamed band, issue 13 item 5).</summary>
public interface IMorCursor
{
    /// <summary>
    /// MOR blockade (0–1) at <paramref name="times"/> (hours, ascending, after every time of earlier calls) into
    /// <paramref name="mor"/> (same length).
    /// </summary>
    void Fill(ReadOnlySpan<double> times, Span<double> mor);
}
