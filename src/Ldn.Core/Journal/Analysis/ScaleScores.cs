namespace Ldn.Core.Journal.Analysis;

/// <summary>
/// One day's mean score (0–10) on each scale of the journal's catalogue, by scale id; NaN where the day
/// has no check-in on the scale. The ids are shared by every day of a table, so a day costs one array.
/// </summary>
public sealed class ScaleScores
{
    private readonly IReadOnlyList<string> _ids;
    private readonly double[] _values;

    internal ScaleScores(IReadOnlyList<string> ids, double[] values)
    {
        _ids = ids;
        _values = values;
    }

    /// <summary>The scale ids, in the catalogue's order.</summary>
    public IReadOnlyList<string> Ids => _ids;

    /// <summary>The mean score on <paramref name="scaleId"/>; NaN without one or for an id not in the catalogue.</summary>
    public double this[string scaleId]
    {
        get
        {
            for (var i = 0; i < _ids.Count; i++)
            {
                if (string.Equals(_ids[i], scaleId, StringComparison.Ordinal))
                {
                    return _values[i];
                }
            }

            return double.NaN;
        }
    }

    /// <summary>The mean score on the <paramref name="index"/>-th scale of the catalogue.</summary>
    public double At(int index) => _values[index];
}
