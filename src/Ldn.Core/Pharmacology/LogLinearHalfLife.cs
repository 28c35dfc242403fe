namespace Ldn.Core.Pharmacology;

/// <summary>
/// A terminal half-life as NCA computes it: the least-squares line through ln C over the points added, t½ = ln 2/−slope
/// (h when times are in h). Used by the validation (on the simulator's grid) and the fit's evaluator, so both read
/// the same half-life. Non-positive concentrations are skipped. A struct: adding points allocates nothing.
/// </summary>
internal struct LogLinearHalfLife
{
    private double _n, _sx, _sy, _sxx, _sxy;

    public void Add(double hours, double concentration)
    {
        if (concentration <= 0)
        {
            return;
        }

        var y = Math.Log(concentration);
        _n++;
        _sx += hours;
        _sy += y;
        _sxx += hours * hours;
        _sxy += hours * y;
    }

    /// <summary>ln 2/−slope; NaN with fewer than two points.</summary>
    public readonly double HalfLife => Math.Log(2) / -(((_n * _sxy) - (_sx * _sy)) / ((_n * _sxx) - (_sx * _sx)));
}
