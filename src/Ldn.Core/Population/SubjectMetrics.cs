namespace Ldn.Core.Population;

/// <summary>
/// Accumulates one subject's <see cref="SubjectRecord"/> metrics from its grid samples, one time after
/// another (either engine): MOR trough and peak over the last <see cref="SubjectRecord.SteadyStateHours"/>
/// before <see cref="Horizon"/>, I/D − 1 at week 12 if it is a grid time, and the values at the horizon.
/// </summary>
internal struct SubjectMetrics(double horizon)
{
    private double _trough = double.PositiveInfinity;
    private double _peak = double.NegativeInfinity;
    private double? _week12;
    private SubjectSample _last;

    public readonly double Horizon => horizon;

    public void Observe(double timeHours, in SubjectSample sample, double diseaseDrive)
    {
        if (timeHours >= horizon - SubjectRecord.SteadyStateHours - 1e-9)
        {
            _trough = Math.Min(_trough, sample.Mor);
            _peak = Math.Max(_peak, sample.Mor);
        }

        if (Math.Abs(timeHours - Pharmacology.Simulator.Week12.Hours) <= 1e-9)
        {
            _week12 = (sample.Inflammation / diseaseDrive) - 1;
        }

        _last = sample;
    }

    public readonly SubjectRecord ToRecord(VirtualSubject subject, Dosing.Formulation formulation, int dosesTaken, double milligramsTaken) =>
        new(subject.Index, SubjectParameters.Values(subject, formulation), dosesTaken, milligramsTaken, _trough, _peak, _week12, _last.Mor, _last.Signalling, _last.Inflammation, _last.Score);
}
