namespace Ldn.Core.Pharmacology.Fitting;

/// <summary>
/// Everything <c>ldn fit</c> reports for one structure: the <see cref="StructureFit"/> other commands use, and the
/// detail behind it.
/// </summary>
/// <param name="Fit">Estimate, −2LL, AIC, adequacy, profile intervals and bootstrap parameter sets.</param>
/// <param name="Data">Each dataset's source and number of points.</param>
/// <param name="Residuals">Every point at the estimate.</param>
/// <param name="Bootstrap">Per parameter (same order as <see cref="StructureFit.Parameters"/>), the bootstrap 2.5–97.5% interval.</param>
/// <param name="BootstrapReplicates">Replicates that converged (and are in <see cref="StructureFit.Replicates"/>).</param>
/// <param name="BootstrapRequested">Replicates asked for.</param>
/// <param name="Trough45">MOR blockade trough (%) at steady state on 4.5 mg daily, with the bootstrap 95% interval.</param>
/// <param name="ChiSquare">Σ weighted residual².</param>
/// <param name="ChiSquareLimit">95% quantile of χ² with n − k degrees of freedom.</param>
/// <param name="OneHourBlockade">MOR blockade (%) 1 h after 50 mg at the estimate (a check: ≥ 85%).</param>
public sealed record FitReport(
    StructureFit Fit,
    IReadOnlyList<(string Source, int N)> Data,
    IReadOnlyList<FitResidual> Residuals,
    IReadOnlyList<FitInterval> Bootstrap,
    int BootstrapReplicates,
    int BootstrapRequested,
    FitInterval Trough45,
    double ChiSquare,
    double ChiSquareLimit,
    double OneHourBlockade);
