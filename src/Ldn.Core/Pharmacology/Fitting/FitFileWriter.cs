using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Ldn.Core.Pharmacology.Fitting;

/// <summary>
/// Writes fits as a parameter file (schema ldn-parameters/1) that every command reads with <c>--params</c>: the
/// base file's text with each fitted value replaced (status <c>fitted</c>, source = data, date and −2LL), its
/// comments kept, and a <c>fit:</c> section (one entry per structure: −2LL, AIC, adequacy, data, profile and
/// bootstrap intervals, the 4.5 mg trough and the bootstrap replicates' parameter values) that
/// <see cref="FitCatalog"/> reads back. Pure: the caller gives the text and the date.
/// </summary>
public static partial class FitFileWriter
{
    /// <param name="baseText">The parameter file the fit started from (e.g. <see cref="Parameters.ParameterSets.DefaultText"/>).</param>
    /// <param name="reports">The fits to write; their parameters must appear in <paramref name="baseText"/>.</param>
    /// <param name="date">The fit's date, ISO 8601, for the provenance note.</param>
    /// <exception cref="InvalidInputException">A fitted parameter has no entry in the base text.</exception>
    public static string Write(string baseText, IReadOnlyList<FitReport> reports, string date)
    {
        ArgumentNullException.ThrowIfNull(baseText);
        ArgumentNullException.ThrowIfNull(reports);
        var text = baseText.Replace("\r\n", "\n", StringComparison.Ordinal);
        var fitIndex = text.IndexOf("\nfit:", StringComparison.Ordinal);
        if (fitIndex >= 0)
        {
            text = text[..(fitIndex + 1)];
        }

        foreach (var report in reports)
        {
            var source = Invariant($"Fitted by ldn fit on {date} (structure {report.Fit.Structure.Name()}) to {string.Join(", ", report.Data.Select(d => d.Source))} (data/observations/); −2LL {report.Fit.Minus2LogLikelihood:0.##}, profile 95% interval in the fit section.");
            foreach (var p in report.Fit.Parameters.Where(p => FitStructures.Estimated(report.Fit.Structure).Any(f => f.Name == p.Name)))
            {
                text = Replace(text, p, source);
            }
        }

        var sb = new StringBuilder(text.TrimEnd('\n')).Append("\n\n# Written by ldn fit: the fits these values come from (docs/model.md, Fitting).\nfit:\n");
        foreach (var report in reports)
        {
            AppendFit(sb, report, date);
        }

        return sb.ToString();
    }

    private static string Replace(string text, FittedParameter p, string source)
    {
        var block = EntryBlock(p.Name).Match(text);
        if (!block.Success)
        {
            throw new InvalidInputException($"The parameter file has no entry '{p.Name}' to write the fitted value into.");
        }

        var lines = block.Groups["body"].Value.Split('\n').Where(l => l.Length > 0).ToList();
        var body = new StringBuilder();
        body.Append(Invariant($"    value: {p.Estimate:G6}\n"));
        body.Append(Invariant($"    unit: {Quote(p.Unit)}\n"));
        body.Append("    status: fitted\n");
        body.Append("    source: ").Append(Quote(source)).Append('\n');
        var note = lines.FirstOrDefault(l => l.StartsWith("    note:", StringComparison.Ordinal));
        if (note is not null)
        {
            body.Append(note).Append('\n');
        }

        return string.Concat(text.AsSpan(0, block.Groups["body"].Index), body.ToString(), text.AsSpan(block.Groups["body"].Index + block.Groups["body"].Length));
    }

    private static void AppendFit(StringBuilder sb, FitReport report, string date)
    {
        var fit = report.Fit;
        sb.Append("  - structure: ").Append(fit.Structure.Name()).Append('\n');
        sb.Append("    date: ").Append(Quote(date)).Append('\n');
        sb.Append("    data:\n");
        foreach (var (source, n) in report.Data)
        {
            sb.Append(Invariant($"      - {{ source: {Quote(source)}, n: {n} }}\n"));
        }

        sb.Append(Invariant($"    minus2LogLikelihood: {fit.Minus2LogLikelihood:R}\n    aic: {fit.Aic:R}\n"));
        sb.Append(Invariant($"    adequate: {(fit.Adequate ? "true" : "false")}\n    adequacyTest: {Quote(fit.AdequacyTest)}\n"));
        sb.Append(Invariant($"    chiSquare: {report.ChiSquare:R}\n    chiSquareLimit: {report.ChiSquareLimit:R}\n"));
        sb.Append(Invariant($"    trough45: {{ estimate: {report.Trough45.Estimate:R}, low: {Number(report.Trough45.Low)}, high: {Number(report.Trough45.High)} }}\n"));
        sb.Append("    parameters:\n");
        for (var i = 0; i < fit.Parameters.Count; i++)
        {
            var p = fit.Parameters[i];
            var b = report.Bootstrap[i];
            sb.Append(Invariant($"      - {{ name: {p.Name}, estimate: {p.Estimate:R}, unit: {Quote(p.Unit)}, low: {Number(p.Low)}, high: {Number(p.High)}, identifiable: {(p.Identifiable ? "true" : "false")}, bootstrapLow: {Number(b.Low)}, bootstrapHigh: {Number(b.High)} }}\n"));
        }

        var names = FitStructures.Estimated(fit.Structure);
        sb.Append("    replicateParameters: [").Append(string.Join(", ", names.Select(n => n.Name))).Append("]\n");
        sb.Append("    replicates:\n");
        foreach (var r in fit.Replicates)
        {
            sb.Append("      - [").Append(string.Join(", ", names.Select(n => n.Get!(r).ToString("G6", CultureInfo.InvariantCulture)))).Append("]\n");
        }
    }

    /// <summary>A YAML number, or null for an unbounded interval end or a missing bootstrap.</summary>
    private static string Number(double value) => double.IsFinite(value) ? value.ToString("R", CultureInfo.InvariantCulture) : "null";

    private static string Quote(string text) => "\"" + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private static Regex EntryBlock(string name) => new("^  " + Regex.Escape(name) + @":\n(?<body>(?:    .*\n)+)", RegexOptions.Multiline, TimeSpan.FromSeconds(1));
}
