namespace Ldn.Reports.Research;

/// <summary>How a research chart draws its series (the value is the name the drawing script reads).</summary>
public enum ChartKind
{
    /// <summary>Lines over a numeric x axis, each optionally with a shaded band.</summary>
    Line,

    /// <summary>Bars per category, one bar per series in each category.</summary>
    Bar,

    /// <summary>Points, optionally with error bars, and optionally the line y = x (observed vs predicted).</summary>
    Scatter,
}
