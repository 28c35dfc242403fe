using Ldn.Core.Dosing;
using Ldn.Core.Pharmacology.Solvers;

namespace Ldn.Core.Pharmacology.Streaming;

/// <summary>
/// A run of one model over a regimen that advances one dosing interval per <see cref="Advance"/>, with the same solver
/// calls as <see cref="Simulator.Integrate{TObserver}(NaltrexoneModel, Regimen, Span{double}, ref TObserver)"/>, so
/// several structures can be run side by side (the model average) and give the numbers of separate runs.
/// </summary>
internal sealed class SegmentCursor
{
    private readonly IReadOnlyList<Administration> _doses;
    private readonly double _horizon;
    private readonly double[] _state;
    private readonly DormandPrince45 _solver;
    private NaltrexoneModel _model;
    private PointObserver _observer;
    private double _t;
    private int _next;

    public SegmentCursor(NaltrexoneModel model, Regimen regimen, PointObserver observer)
    {
        _model = model;
        _doses = regimen.Administrations;
        _horizon = regimen.Horizon.Hours;
        _observer = observer;
        _state = new double[model.Dimension];
        model.Baseline(_state);
        _solver = new DormandPrince45(model.Dimension, OdeTolerances.Default);
    }

    /// <summary>Whether the horizon has been reached.</summary>
    public bool Done { get; private set; }

    /// <summary>Integrates the next dosing interval (or the rest of the horizon), feeding its points to the sink.</summary>
    public void Advance()
    {
        if (!Done)
        {
            Done = Simulator.Segment(ref _model, _doses, _horizon, _state, _solver, ref _t, ref _next, ref _observer);
        }
    }
}
