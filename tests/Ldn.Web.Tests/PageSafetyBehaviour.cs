using System.Net;
using Ldn.Core.Evidence;
using Ldn.Core.Safety;
using Ldn.Storage.Tests;
using Xunit;

namespace Ldn.Web.Tests;

/// <summary>/safety against Core's safety evaluator (the one <c>ldn plan</c> and <c>ldn advise</c> run).</summary>
public abstract class PageSafetyBehaviour : WebBehaviour
{
    [StoreFact]
    public async Task Tramadol_gives_the_washout_stop_first_with_its_published_source()
    {
        using var host = NewHost();
        using var browser = new PageSession(host);
        var response = await browser.SubmitAsync("/safety", [new("Medications", "levothyroxine\r\nTramadol 50 mg"), new("Pregnant", "true"), new("Day", "2026-12-01")]);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        PageKnowledgeAssert.NoLeaks(html);
        var expected = SafetyChecks.Evaluate(new SafetyContext
        {
            Patient = new PatientProfile { Medications = [new("levothyroxine"), new("Tramadol 50 mg")], Pregnant = true },
            StartDate = new DateOnly(2026, 12, 1),
        });
        var stop = expected.Single(f => f.Severity == SafetySeverity.HardStop);
        Assert.Equal(SafetyChecks.Codes.OpioidCurrent, stop.Code);
        var text = PageKnowledgeAssert.Text(html);
        var box = text.IndexOf("Stop: do not take naltrexone (LDN) now", StringComparison.Ordinal);
        Assert.True(box >= 0, text);
        Assert.Contains($"Stop: {stop.Message} Source: {PublishedSource.Of(stop.Source)}", text, StringComparison.Ordinal);
        Assert.Contains("role=\"alert\" aria-labelledby=\"stop-heading\"", html, StringComparison.Ordinal);
        foreach (var warning in expected.Where(f => f.Severity == SafetySeverity.Warning))
        {
            var at = text.IndexOf($"Warning: {warning.Message} Source: {PublishedSource.Of(warning.Source)}", StringComparison.Ordinal);
            Assert.True(at > box, $"{warning.Code} is missing or above the stop");
        }
    }

    [StoreFact]
    public async Task An_opioid_stopped_days_ago_gives_the_day_the_washout_ends_and_none_after_it()
    {
        using var host = NewHost();
        using var browser = new PageSession(host);
        var during = await browser.SubmitAsync("/safety", [new("Medications", "tramadol@2026-11-28"), new("Day", "2026-12-01")]);
        var text = PageKnowledgeAssert.Text(await during.Content.ReadAsStringAsync());
        var ends = OpioidCatalog.Match("tramadol")!.WashoutEnds(new DateOnly(2026, 11, 28));
        Assert.Contains($"naltrexone must wait until {ends:yyyy-MM-dd}", text, StringComparison.Ordinal);
        var after = await browser.SubmitAsync("/safety", [new("Medications", "tramadol@2026-11-01"), new("Day", "2026-12-01")]);
        var html = await after.Content.ReadAsStringAsync();
        Assert.Contains("data-findings=\"none\"", html, StringComparison.Ordinal);
    }

    [StoreFact]
    public async Task Nonsense_is_one_sentence_on_the_page()
    {
        using var host = NewHost();
        using var browser = new PageSession(host);
        var megabyte = new string('a', 1_000_000);
        foreach (var fields in new KeyValuePair<string, string>[][]
        {
            [new("Medications", "@2026-12-01")],
            [new("Medications", "tramadol@2026-13-45")],
            [new("Surgery", "25:00")],
            [new("Day", "yesterday-ish")],
            [new("Dose", "4.5kg")],
            [new("Dose", "-3mg")],
            [new("Dose", "1e300mg")],
            [new("Medications", megabyte)],
            [new("Medications", string.Join('\n', Enumerable.Repeat("ibuprofen", 500)))],
            [new("Dose", "４.５ｍｇ")],
            [new("Day", megabyte)],
        })
        {
            var sentence = await PageKnowledgeAssert.OneSentenceAsync(await browser.SubmitAsync("/safety", fields), "safety-error");
            Assert.DoesNotContain(megabyte[..200], sentence, StringComparison.Ordinal);
        }

        // Unicode names are medications like any other (unrecognised, so said so).
        var unicode = await browser.SubmitAsync("/safety", [new("Medications", "Трамадол 💊")]);
        Assert.Contains(SafetyChecks.Codes.UnrecognisedMedication, await unicode.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}

public sealed class PageSafetyOnSqlite : PageSafetyBehaviour
{
    protected override bool Postgres => false;
}

[PostgresTests]
public sealed class PageSafetyOnPostgres : PageSafetyBehaviour
{
    protected override bool Postgres => true;
}
