using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Ldn.Core;
using Ldn.Core.Journal;
using Ldn.Core.Journal.Analysis;
using Ldn.Storage.Tests;
using NodaTime;
using Xunit;

namespace Ldn.Web.Tests;

/// <summary>
/// <c>/insights</c>: the comparisons, adherence and side effects of the Core analysis of the same journal,
/// the charts' data in inert JSON blocks with the locally served Chart.js (no inline script), how to start
/// for an empty journal, 403 for a clinician and the sign-in page for anonymous.
/// </summary>
public abstract partial class PageInsightsBehaviour : WebBehaviour
{
    [StoreFact]
    public async Task A_patient_sees_the_Core_analysis_of_the_journal_with_intervals_adherence_and_charts()
    {
        using var host = NewHost();
        using var patient = await PageJournalPatient.SignUpAsync(host, "insights@example.org");
        using (var store = host.OpenJournal(patient.Account.Id))
        {
            store.Import(DemoJournal.Create(7, new LocalDate(2026, 11, 30), 56, DateTimeZoneProviders.Tzdb["Europe/Oslo"], now: WebHost.Now));
        }

        var html = await patient.Browser.PageAsync("/insights");
        var (analysis, data) = patient.Journal(j =>
        {
            var loaded = j.LoadUpTo(j.Today);
            return (JournalAnalyzer.Analyze(loaded, j.Today, null, j.Now), loaded);
        });

        var estimated = 0;
        foreach (var scale in analysis.Scales)
        {
            if (scale.Reason is { } reason)
            {
                Assert.Contains($"Not enough data: {WebUtility.HtmlEncode(reason)}", html, StringComparison.Ordinal);
                continue;
            }

            for (var i = 0; i < scale.Comparisons.Count; i++)
            {
                var c = scale.Comparisons[i];
                var row = Row(html, $"cmp-{scale.Scale.Id}-{i}");
                Assert.Contains($"{Fixed(c.BaselineMean)} ({c.BaselineDays})", row, StringComparison.Ordinal);
                Assert.Contains($"{Fixed(c.WindowMean)} ({c.WindowDays})", row, StringComparison.Ordinal);
                if (c.Status == ComparisonStatus.Estimated)
                {
                    estimated++;
                    Assert.Contains($">{Signed(c.MeanChange!.Value)}</td>", row, StringComparison.Ordinal);
                    Assert.Contains($">{Signed(c.Lower!.Value)} to {Signed(c.Upper!.Value)}</td>", row, StringComparison.Ordinal);
                    Assert.Contains(c.Verdict == ChangeVerdict.NoClearChange ? "No clear change" : c.Verdict == ChangeVerdict.Improved ? "Better than before LDN" : "Worse than before LDN", row, StringComparison.Ordinal);
                }
                else
                {
                    Assert.Contains("Not enough data", row, StringComparison.Ordinal);
                    Assert.DoesNotContain("Better", row, StringComparison.Ordinal);
                }
            }
        }

        Assert.True(estimated > 0, "the demo journal has no estimated comparison");
        Assert.True(analysis.Adherence.Expected > 0);
        Assert.Contains($"<strong>{analysis.Adherence.Taken} of {analysis.Adherence.Expected}</strong>", html, StringComparison.Ordinal);
        Assert.Contains(WebUtility.HtmlEncode(Disclaimer.NotMedicalAdvice), html, StringComparison.Ordinal);
        Assert.Equal(data.SideEffects.Count, Regex.Count(Section(html, "side-effects"), "<tr>") - 1);

        // Charts: one JSON block per scored scale, drawn by the served scripts; no inline script.
        var blocks = ChartBlock().Matches(html);
        Assert.NotEmpty(blocks);
        foreach (Match block in blocks)
        {
            var json = System.Text.Json.Nodes.JsonNode.Parse(WebUtility.HtmlDecode(block.Groups[2].Value))!;
            Assert.Equal(analysis.Days.Count, json["dates"]!.AsArray().Count);
            Assert.Equal(analysis.Days.Count, json["dose"]!.AsArray().Count);
            Assert.Contains($"<canvas id=\"{block.Groups[1].Value}\"", html, StringComparison.Ordinal);
        }

        Assert.Contains("<script src=\"/assets/chart.umd.min.js?v=", html, StringComparison.Ordinal);
        Assert.Contains("<script src=\"/js/insights.js?v=", html, StringComparison.Ordinal);
        Assert.All(Regex.Matches(html, "<script(?![^>]*\\bsrc=)[^>]*>").Select(m => m.Value), tag => Assert.Contains("type=\"application/json\"", tag, StringComparison.Ordinal));
        Assert.DoesNotContain(" style=", html, StringComparison.Ordinal);
        var script = await patient.Browser.Client.GetAsync("/js/insights.js");
        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
    }

    [StoreFact]
    public async Task An_empty_journal_shows_how_to_start_and_no_chart()
    {
        using var host = NewHost();
        using var patient = await PageJournalPatient.SignUpAsync(host, "insights-empty@example.org");
        var html = await patient.Browser.PageAsync("/insights");
        Assert.Contains("Nothing to analyse yet", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/plan\">Make a titration plan</a>", html, StringComparison.Ordinal);
        Assert.Contains(WebUtility.HtmlEncode(Disclaimer.NotMedicalAdvice), html, StringComparison.Ordinal);
        Assert.DoesNotContain("chart.umd.min.js", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<canvas", html, StringComparison.Ordinal);
    }

    [StoreFact]
    public async Task A_clinician_gets_403_and_anonymous_is_sent_to_sign_in()
    {
        using var host = NewHost();
        using var clinician = await PageJournalPatient.SignUpAsync(host, "insights-clinician@example.org", role: "clinician");
        Assert.Equal(HttpStatusCode.Forbidden, (await clinician.Browser.Client.GetAsync("/insights")).StatusCode);
        using var anonymous = new PageSession(host);
        var response = await anonymous.Client.GetAsync("/insights");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!;
        Assert.Equal("/login?ReturnUrl=%2Finsights", location.IsAbsoluteUri ? location.PathAndQuery : location.OriginalString);
    }

    private static string Fixed(double? value) => value is { } v ? v.ToString("0.0", CultureInfo.InvariantCulture) : "—";

    private static string Signed(double value)
    {
        var text = value.ToString("0.0", CultureInfo.InvariantCulture);
        return text is "0.0" or "-0.0" ? "0.0" : text.StartsWith('-') ? text : "+" + text;
    }

    private static string Row(string html, string id)
    {
        var match = Regex.Match(html, $"<tr id=\"{Regex.Escape(id)}\"[^>]*>(.*?)</tr>", RegexOptions.Singleline);
        Assert.True(match.Success, $"no row {id}");
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    private static string Section(string html, string cssClass)
    {
        var match = Regex.Match(html, $"<section class=\"card {Regex.Escape(cssClass)}\"(.*?)</section>", RegexOptions.Singleline);
        Assert.True(match.Success, $"no section {cssClass}");
        return match.Groups[1].Value;
    }

    [GeneratedRegex("<script type=\"application/json\" data-insights-chart-for=\"([^\"]+)\">(.*?)</script>", RegexOptions.Singleline)]
    private static partial Regex ChartBlock();
}

public sealed class PageInsightsOnSqlite : PageInsightsBehaviour
{
    protected override bool Postgres => false;
}

[PostgresTests]
public sealed class PageInsightsOnPostgres : PageInsightsBehaviour
{
    protected override bool Postgres => true;
}
