using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Ldn.Reports;

/// <summary>
/// What the self-contained HTML reports share (the CLI's simulation report, <see cref="JournalReport"/>, and the web's Report page):
/// the vendored Chart.js, the head with a Content-Security-Policy that lets only the page's own inline
/// scripts run (by their SHA-256), the chart data as an inert JSON block, HTML encoding, the base styles
/// and the start of the drawing script. One place, so a security fix reaches every report.
/// </summary>
public static class ReportHtml
{
    private const string ChartResourceName = "Ldn.Reports.chart.umd.min.js";

    private static readonly Lazy<string> _chartLibrary = new(LoadChartLibrary);

    private static readonly JsonSerializerOptions _jsonOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,

        // The default encoder already writes '<', '>' and '&' as \u003C etc.; stated here because the
        // pages depend on it: "</script" must never appear inside the inline data block.
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Default,
    };

    /// <summary>Chart.js as vendored (src/Ldn.Reports/vendor), checked to be safe to inline; the web serves the same text as a file.</summary>
    public static string ChartLibrary => _chartLibrary.Value;

    /// <summary>The chart data as JSON that is safe inside a <c>&lt;script&gt;</c> element (no '&lt;' at all).</summary>
    public static string DataJson<T>(T data)
    {
        var json = JsonSerializer.Serialize(data, _jsonOptions);
        return json.Contains('<', StringComparison.Ordinal)
            ? throw new InvalidOperationException("The report data JSON contains '<'; it would not be safe to inline.")
            : json;
    }

    /// <summary>
    /// Doctype, head, policy, title and styles. Only scripts with the hashes of <paramref name="scripts"/>
    /// may run, and nothing may be fetched: the page stays self-contained even if a future edit slips in
    /// a reference, and injected markup stays inert.
    /// </summary>
    public static void AppendHead(StringBuilder html, string title, string styles, params string[] scripts)
    {
        ArgumentNullException.ThrowIfNull(html);
        ArgumentNullException.ThrowIfNull(scripts);
        var csp = "default-src 'none'; "
            + "script-src " + string.Join(' ', scripts.Select(s => $"'sha256-{Sha256Base64(s)}'")) + "; "
            + "style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'";

        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<meta http-equiv=\"Content-Security-Policy\" content=\"").Append(Text(csp)).Append("\">\n")
            .Append("<title>").Append(Text(title)).Append("</title>\n")
            .Append("<style>\n").Append(styles).Append("</style>\n</head>\n");
    }

    /// <summary>The data block (not executed: type application/json, so the policy needs no hash for it), Chart.js and the page's drawing script.</summary>
    public static void AppendScripts(StringBuilder html, string dataJson, string appScript)
    {
        ArgumentNullException.ThrowIfNull(html);
        html.Append("<script id=\"report-data\" type=\"application/json\">").Append(dataJson).Append("</script>\n")
            .Append("<script>").Append(ChartLibrary).Append("</script>\n")
            .Append("<script>").Append(appScript).Append("</script>\n");
    }

    public static void Fact(StringBuilder html, string term, string description) =>
        html.Append("<dt>").Append(Text(term)).Append("</dt><dd>").Append(Text(description)).Append("</dd>\n");

    /// <summary>A titled chart: the canvas the drawing script fills, found by <paramref name="canvasId"/>.</summary>
    public static void Figure(StringBuilder html, string canvasId, string title, string caption, string? controlsHtml = null)
    {
        ArgumentNullException.ThrowIfNull(html);
        html.Append("<figure>\n<h3>").Append(Text(title)).Append("</h3>\n");
        if (controlsHtml is not null)
        {
            html.Append("<div class=\"controls\">").Append(controlsHtml).Append("</div>\n");
        }

        html.Append("<div class=\"chart\"><canvas id=\"").Append(canvasId).Append("\" role=\"img\" aria-label=\"").Append(Text(title)).Append("\">")
            .Append("This chart needs JavaScript.</canvas></div>\n")
            .Append("<figcaption>").Append(Text(caption)).Append("</figcaption>\n</figure>\n");
    }

    /// <summary>HTML-encodes text from outside the report code (names, sources, notes): never trust it as markup.</summary>
    public static string Text(string? value) => WebUtility.HtmlEncode(value ?? string.Empty);

    public static string Fixed(double value, string format) => value.ToString(format, CultureInfo.InvariantCulture);

    /// <summary>A fraction as a signed percentage with one decimal and a true minus, never "−0.0": 0.123 → "+12.3".</summary>
    public static string SignedPercent(double fraction)
    {
        var text = Fixed(Math.Abs(fraction * 100), "0.0");
        return (fraction < 0 && text != "0.0" ? "−" : "+") + text;
    }

    public static string Sha256Base64(string script) => Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(script)));

    // ---- Shared page assets -------------------------------------------------------------------------

    /// <summary>Layout, tables, notice, figures and print rules common to the reports.</summary>
    public const string BaseStyles = """
        :root { --ink: #1f2937; --muted: #5b6472; --line: #e2e8f0; --panel: #ffffff; --page: #f6f8fb; }
        * { box-sizing: border-box; }
        body { margin: 0; background: var(--page); color: var(--ink);
               font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
        main { max-width: 1100px; margin: 0 auto; padding: 28px 20px 40px; }
        h1 { font-size: 1.7rem; margin: 0 0 4px; }
        h2 { font-size: 1.25rem; margin: 32px 0 10px; padding-bottom: 4px; border-bottom: 1px solid var(--line); }
        h3 { font-size: 1rem; margin: 0 0 8px; }
        .subtitle { color: var(--muted); margin: 0 0 16px; }
        .notice { border: 2px solid #d97706; background: #fffbeb; border-radius: 8px; padding: 12px 18px; }
        .notice > strong { display: block; font-size: 1.1rem; color: #92400e; }
        .notice p { margin: 6px 0; }
        dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 4px 18px; margin: 0; }
        dl.facts dt { color: var(--muted); }
        dl.facts dd { margin: 0; }
        dl.facts + table { margin-top: 12px; }
        table { border-collapse: collapse; width: 100%; background: var(--panel); border: 1px solid var(--line); }
        th, td { padding: 6px 10px; border-bottom: 1px solid var(--line); text-align: left; vertical-align: top; }
        thead th { background: #eef2f7; }
        tbody th { font-weight: normal; }
        .num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
        .caption, figcaption { color: var(--muted); font-size: 0.9rem; }
        figure { margin: 14px 0 22px; padding: 14px 18px; background: var(--panel); border: 1px solid var(--line); border-radius: 8px; }
        .chart { position: relative; height: 340px; }
        .controls { margin: -4px 0 6px; font-size: 0.9rem; }
        .chart-error { color: #b91c1c; font-weight: bold; }
        footer { margin-top: 40px; padding-top: 10px; border-top: 1px solid var(--line); color: var(--muted); font-size: 0.85rem; }
        @media print { body { background: #fff; } figure { break-inside: avoid; } .controls { display: none; } }

        """;

    /// <summary>
    /// The start of every drawing script: <c>fail</c> (which sets <c>data-charts-error</c> on the body and
    /// shows the message), the Chart.js check, and <c>data</c> parsed from the JSON block. The page's own
    /// code follows and must end with <see cref="ScriptEnd"/>. A drawn page sets <c>data-charts-ready</c>
    /// to the number of charts, which lets a headless browser check it.
    /// </summary>
    public const string ScriptStart = """

        (() => {
          'use strict';
          const fail = (message) => {
            document.body.dataset.chartsError = message;
            for (const note of document.querySelectorAll('.chart-error')) {
              note.textContent = 'The charts could not be drawn: ' + message;
              note.hidden = false;
            }
          };
          if (typeof Chart === 'undefined') {
            fail('the embedded Chart.js did not load.');
            return;
          }

          const data = JSON.parse(document.getElementById('report-data').textContent);

        """;

    public const string ScriptEnd = """
        })();

        """;

    // ---- Embedded Chart.js --------------------------------------------------------------------------

    private static string LoadChartLibrary()
    {
        using var stream = typeof(ReportHtml).Assembly.GetManifestResourceStream(ChartResourceName)
            ?? throw new InvalidOperationException($"Embedded resource {ChartResourceName} is missing from the Ldn.Reports assembly.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var script = reader.ReadToEnd().Replace("\r\n", "\n", StringComparison.Ordinal);

        // The source map is not shipped; a dangling reference would only make browser tools fetch a
        // file that does not exist.
        var mapComment = script.LastIndexOf("//# sourceMappingURL=", StringComparison.Ordinal);
        if (mapComment >= 0)
        {
            script = script[..mapComment].TrimEnd() + "\n";
        }

        // Inside <script>, "</script" ends the element and "<!--" changes how the parser looks for the
        // end; a build containing either would break the page, so refuse it loudly at refresh time.
        if (script.Contains("</script", StringComparison.OrdinalIgnoreCase) || script.Contains("<!--", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"{ChartResourceName} contains '</script' or '<!--' and cannot be inlined.");
        }

        return script;
    }
}
