using Ldn.Core.Dosing;

namespace Ldn.Core.Pharmacology;

/// <summary>
/// Closed-form solution of the linear part of <see cref="NaltrexoneModel"/> by superposition of
/// single-dose exponentials (Bateman functions). The ODE solver is tested against it; it is also the
/// fastest way to get concentrations at a few times without integrating.
/// For one dose D of a formulation with absorption ka and relative bioavailability F into a
/// compartment eliminated at k:  A(t) = F·D·ka/(ka−k)·(e^(−k·t) − e^(−ka·t)).
/// The effect site driven by C_eq(t) = Σ c_j·e^(−λ_j·t) is
/// C_e(t) = k_e0·Σ c_j·(e^(−λ_j·t) − e^(−k_e0·t))/(k_e0 − λ_j).
/// </summary>
public sealed class AnalyticSolution(NaltrexoneModel model, Regimen regimen)
{
    private readonly ModelParametersView _p = new(model);

    /// <summary>Amounts in the parent and metabolite compartments (mg) and the effect-site concentration (nM) at time t.</summary>
    public (double ParentMg, double MetaboliteMg, double EffectSiteNanomolar) At(double t)
    {
        ArgumentNullException.ThrowIfNull(regimen);
        double parent = 0, metabolite = 0, effect = 0;
        foreach (var dose in regimen.Administrations)
        {
            var tau = t - dose.Time.Hours;
            if (tau < 0)
            {
                continue;
            }

            var f = model.Parameters.For(dose.Formulation);
            var ka = f.AbsorptionRate.PerHour;
            var d = dose.Amount.Milligrams;
            var parentScale = f.ParentRelativeBioavailability * d * ka;
            var metaboliteScale = f.MetaboliteRelativeBioavailability * d * ka;
            parent += parentScale * Bateman(ka, _p.Kp, tau);
            metabolite += metaboliteScale * Bateman(ka, _p.Km, tau);

            // C_eq = fu·(pN·A_p + r·mN·A_m) written as Σ c_j e^(−λ_j τ) with λ ∈ {k_p, k_m, ka}.
            var cp = _p.Fu * model.ParentNanomolarPerMg * parentScale;
            var cm = _p.Fu * _p.R * model.MetaboliteNanomolarPerMg * metaboliteScale;
            var ap = cp / (ka - _p.Kp);
            var am = cm / (ka - _p.Km);
            effect += _p.Ke0 * (
                (ap * Response(_p.Kp, _p.Ke0, tau))
                + (am * Response(_p.Km, _p.Ke0, tau))
                - ((ap + am) * Response(ka, _p.Ke0, tau)));
        }

        return (parent, metabolite, effect);
    }

    /// <summary>(e^(−k·t) − e^(−ka·t))/(ka − k), with its limit t·e^(−k·t) when ka = k.</summary>
    private static double Bateman(double ka, double k, double t) =>
        Math.Abs(ka - k) < 1e-12 ? t * Math.Exp(-k * t) : (Math.Exp(-k * t) - Math.Exp(-ka * t)) / (ka - k);

    /// <summary>∫₀ᵗ e^(−λ·s)·e^(−kout·(t−s)) ds: the effect-site response to one exponential input.</summary>
    private static double Response(double lambda, double kout, double t) => Bateman(lambda, kout, t);

    private readonly struct ModelParametersView(NaltrexoneModel model)
    {
        public double Kp { get; } = model.Parameters.ParentElimination.PerHour;

        public double Km { get; } = model.Parameters.MetaboliteElimination.PerHour;

        public double Ke0 { get; } = model.Parameters.EffectSiteLoss.PerHour;

        public double Fu { get; } = model.Parameters.UnboundFraction;

        public double R { get; } = model.Parameters.MetaboliteCentralPotency;
    }
}
