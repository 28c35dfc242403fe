using System.Globalization;
using Ldn.Core.Pharmacology;
using Ldn.Core.Pharmacology.Fitting;
using Spectre.Console;

namespace Ldn.Cli.Output;

/// <summary>
/// The console tables of <c>ldn fit</c>, readable at 80 columns: one block per structure (parameters with their unit,
/// profile and bootstrap intervals; * marks a parameter that is not identifiable), then the AIC ranking.
/// </summary>
internal static class FitView
{
    public static void Write(IReadOnlyList<FitReport> reports, TextWriter writer)
    {
        var console = ConsoleFactory.For(writer);
        foreach (var r in reports)
        {
            var f = r.Fit;
            ConsoleText.Line(console, Markup.Escape(Invariant($"{f.Structure.Name()} ({f.Structure.Description()})")));
            ConsoleText.Line(console, Markup.Escape(Invariant(
                $"  -2LL {f.Minus2LogLikelihood:0.00}, AIC {f.Aic:0.00}; {(f.Adequate ? "adequate" : "NOT adequate")} (chi2 {r.ChiSquare:0.0}, limit {r.ChiSquareLimit:0.0})")));
            var table = new Table().Border(TableBorder.Rounded)
                .AddColumn("Parameter").AddColumn(new TableColumn("Estimate").RightAligned())
                .AddColumn(new TableColumn("Profile 95%").RightAligned()).AddColumn(new TableColumn("Bootstrap 95%").RightAligned());
            for (var i = 0; i < f.Parameters.Count; i++)
            {
                var p = f.Parameters[i];
                var b = r.Bootstrap[i];
                table.AddRow(
                    Markup.Escape(p.Name + (p.Identifiable ? string.Empty : " *")),
                    Markup.Escape($"{Number(p.Estimate)} {p.Unit}"),
                    Markup.Escape($"{Number(p.Low)}–{Number(p.High)}"),
                    Markup.Escape($"{Number(b.Low)}–{Number(b.High)}"));
            }

            StackedRecords.Write(console, table);
            if (f.Parameters.Any(p => !p.Identifiable))
            {
                ConsoleText.Line(console, Markup.Escape("  * not identifiable: the profile never rises by 3.84 on that side."));
            }

            var worst = r.Residuals.MaxBy(x => Math.Abs(x.WeightedResidual))!;
            ConsoleText.Line(console, Markup.Escape(Invariant(
                $"  4.5 mg daily, steady-state MOR trough {r.Trough45.Estimate:0.#}% (95% {r.Trough45.Low:0.#}–{r.Trough45.High:0.#}%;")));
            ConsoleText.Line(console, Markup.Escape(Invariant(
                $"  {r.BootstrapReplicates}/{r.BootstrapRequested} bootstrap replicates), resting on {string.Join(", ", r.Data.Select(d => d.Source))}.")));
            ConsoleText.Line(console, Markup.Escape(Invariant(
                $"  Largest weighted residual {worst.WeightedResidual:+0.00;-0.00}: {worst.Source}, {worst.DoseMg:0.#} mg at {worst.TimeHours:0.#} h,")));
            ConsoleText.Line(console, Markup.Escape(Invariant(
                $"  {worst.Observed:0.#} vs {worst.Predicted:0.#} {worst.Unit}. 1 h after 50 mg: {r.OneHourBlockade:0.#}% (check: at least 85%).")));
            console.WriteLine();
        }

        if (reports.Count > 1)
        {
            var ranking = new Table().Border(TableBorder.Rounded).Title("AIC ranking")
                .AddColumn("Structure").AddColumn(new TableColumn("AIC").RightAligned()).AddColumn(new TableColumn("ΔAIC").RightAligned())
                .AddColumn(new TableColumn("Weight").RightAligned()).AddColumn("Adequate");
            foreach (var x in FitRanking.Of(reports))
            {
                ranking.AddRow(x.Structure, Number(x.Aic), Number(x.DeltaAic), x.Weight.ToString("0.000", CultureInfo.InvariantCulture), x.Adequate ? "yes" : "no");
            }

            StackedRecords.Write(console, ranking);
        }

        ConsoleText.Line(console, Markup.Escape("Adequate: every weighted residual within ±2 and their sum of squares below"));
        ConsoleText.Line(console, Markup.Escape("the 95% quantile of chi2 with n - k degrees of freedom."));
        ConsoleText.Line(console, Markup.Escape(LdnApp.Notice));
    }

    private static string Number(double value) => double.IsFinite(value) ? value.ToString("G3", CultureInfo.InvariantCulture) : (value > 0 ? "∞" : "-∞");

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
