namespace Ldn.Reports.Research;

/// <summary>
/// One named line, bar set or point cloud of a research chart. <see cref="X"/> and <see cref="Y"/> have the same
/// length (for a bar chart <see cref="X"/> is ignored: the chart's categories give the positions). A missing
/// value (null, or a non-finite double) leaves a gap. <see cref="Low"/>/<see cref="High"/>, when given, have the
/// same length as <see cref="Y"/>: for a line chart they are a shaded band (e.g. p5–p95), for a scatter they
/// are error bars (absolute y values, not offsets).
/// </summary>
/// <param name="Label">Legend text (HTML-encoded by the chart library, which draws it on a canvas as text).</param>
/// <param name="X">Horizontal positions, in the chart's x unit.</param>
/// <param name="Y">Values, in the chart's y unit.</param>
public sealed record ChartSeries(string Label, IReadOnlyList<double> X, IReadOnlyList<double?> Y)
{
    /// <summary>Lower edge of the band or error bar, per point; null for none.</summary>
    public IReadOnlyList<double?>? Low { get; init; }

    /// <summary>Upper edge of the band or error bar, per point; null for none.</summary>
    public IReadOnlyList<double?>? High { get; init; }

    /// <summary>A series from plain doubles (NaN or ±∞ become gaps).</summary>
    public static ChartSeries Of(string label, IReadOnlyList<double> x, IReadOnlyList<double> y) => new(label, x, Finite(y));

    /// <summary>Each value, or null where it is NaN or infinite: JSON has no such numbers and a chart shows them as a gap.</summary>
    public static IReadOnlyList<double?> Finite(IReadOnlyList<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var result = new double?[values.Count];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = double.IsFinite(values[i]) ? values[i] : null;
        }

        return result;
    }
}
