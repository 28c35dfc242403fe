using Ldn.Web.Tests;
using Microsoft.Playwright;
using NodaTime;
using Xunit;

namespace Ldn.Web.BrowserTests;

/// <summary>
/// Issue 11's journey in Debian's Chromium on a phone-sized screen: a new patient signs up, makes a plan,
/// subscribes to it as a calendar, logs a week (taken, skipped, a check-in, a side effect, a correction),
/// sees the report's charts drawn; axe-core runs on every page on the way. The app's clock moves a day at a
/// time. With <c>LDN_SCREENSHOTS=folder</c> each page is also saved as a PNG at phone and desk size, to look at.
/// </summary>
public sealed class PatientJourney(DebianChromium chromium) : IClassFixture<DebianChromium>
{
    private static readonly DateTimeZone Oslo = DateTimeZoneProviders.Tzdb["Europe/Oslo"];

    [BrowserTheory]
    [MemberData(nameof(BrowserStores.Names), MemberType = typeof(BrowserStores))]
    public async Task A_patient_plans_subscribes_logs_a_week_corrects_and_reads_the_report(string store)
    {
        using var host = new WebHost(postgres: store == BrowserStores.PostgreSql);
        host.Clock.Set(new LocalDateTime(2026, 12, 1, 20, 0).InZoneLeniently(Oslo).ToInstant());
        var site = host.StartRealServer();
        await using var context = await chromium.NewContextAsync(site, phone: true);
        var page = await context.NewPageAsync();
        var blocked = SignUpInBrowser.CollectPolicyViolations(page);
        var errors = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                errors.Add(message.Text);
            }
        };
        page.PageError += (_, error) => errors.Add(error);

        await page.GotoAsync("/register");
        await page.GetByLabel("Email").FillAsync("journey@example.org");
        await page.GetByLabel("Password").FillAsync(Account.Password);
        await page.GetByLabel("Time zone of your journal").FillAsync("Europe/Oslo");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create the account" }).ClickAsync();
        await Expect(page, "/today", "today-empty");

        // A plan from the catalogue: previewed with its steps, then saved as the journal's first version.
        await page.GotoAsync("/plan");
        await page.SelectOptionAsync("#Protocol", "standard");
        await page.FillAsync("#Start", "2026-12-01");
        await page.GetByRole(AriaRole.Button, new() { Name = "Preview the plan" }).ClickAsync();
        await Expect(page, "/plan", "plan-preview");
        var acknowledge = page.GetByLabel("I have read the warnings");
        if (await acknowledge.CountAsync() > 0)
        {
            await acknowledge.CheckAsync();
        }

        await page.GetByRole(AriaRole.Button, new() { Name = "Save as a new plan version" }).ClickAsync();
        await Expect(page, "/plan", "plan-saved");
        Assert.Contains("Your plan versions", await page.ContentAsync(), StringComparison.Ordinal);

        // The calendar: a private address whose feed holds the plan's doses with links to confirm them.
        await page.GotoAsync("/plan/calendar");
        await page.GetByRole(AriaRole.Button, new() { Name = "Make a calendar address" }).ClickAsync();
        await Expect(page, "/plan/calendar", "calendar");
        var feedUrl = await page.InputValueAsync("#feed-url");
        Assert.StartsWith("webcal://", await page.GetAttributeAsync("#webcal-link", "href"), StringComparison.Ordinal);
        var feed = await page.APIRequest.GetAsync(new Uri(feedUrl).PathAndQuery);
        Assert.Equal(200, feed.Status);
        var ics = await feed.TextAsync();
        Assert.Contains("BEGIN:VEVENT", ics, StringComparison.Ordinal);
        Assert.Contains("/today/confirm?date=2026-12-02", ics, StringComparison.Ordinal);

        // A week: taken each evening at 22:00, except a skipped fourth day; a check-in on day 3, a side effect on day 5.
        for (var day = 0; day < 7; day++)
        {
            host.Clock.Set(new LocalDateTime(2026, 12, 1, 22, 0).PlusDays(day).InZoneLeniently(Oslo).ToInstant());
            await page.GotoAsync("/today");
            await page.GetByRole(AriaRole.Button, new() { Name = day == 3 ? "Skipped" : "Taken", Exact = true }).First.ClickAsync();
            Assert.DoesNotContain("role=\"alert\"", await page.ContentAsync(), StringComparison.Ordinal);
            if (day == 2)
            {
                await page.FillAsync("#score-pain", "6");
                await page.FillAsync("#score-fatigue", "5");
                await page.GetByRole(AriaRole.Button, new() { Name = "Save check-in" }).ClickAsync();
            }

            if (day == 4)
            {
                await page.SelectOptionAsync("#effect-kind", "vivid-dreams");
                await page.GetByRole(AriaRole.Button, new() { Name = "Record side effect" }).ClickAsync();
            }
        }

        await Expect(page, "/today", "today-week");

        // A correction: the first dose's note, through its edit page, kept in its history.
        await page.GotoAsync("/journal?kind=dose");
        await Expect(page, "/journal", "journal");
        var journal = await page.APIRequest.GetAsync("/api/journal");
        Assert.Equal(200, journal.Status);
        var document = System.Text.Json.Nodes.JsonNode.Parse(await journal.TextAsync())!;
        var doses = document["doses"]!.AsArray();
        Assert.Equal(7, doses.Count);
        Assert.Equal(1, doses.Count(d => d!["skipped"]!.GetValue<bool>()));
        Assert.Single(document["checkIns"]!.AsArray());
        Assert.Single(document["sideEffects"]!.AsArray());
        var first = doses.OrderBy(d => d!["id"]!.GetValue<long>()).First()!["id"]!.GetValue<long>();
        await page.GotoAsync($"/journal/edit/dose/{first}");
        await page.FillAsync("#note", "first dose, taken late");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).First.ClickAsync();
        await page.GotoAsync($"/journal/history/dose/{first}");
        await Expect(page, $"/journal/history/dose/{first}", "history");
        Assert.Contains("first dose, taken late", await page.ContentAsync(), StringComparison.Ordinal);

        // The report in the page: Chart.js draws a chart on every canvas by the scripts served as files.
        await page.GotoAsync("/report");
        Assert.True(await page.EvaluateAsync<bool>("() => typeof Chart === 'function'"), "Chart.js did not load: " + string.Join("; ", errors));
        await AssertChartsDrawnAsync(page, errors);
        await Expect(page, "/report", "report");

        // Sharing: an invitation code for a clinician, who accepts it and reads the report; the patient sees
        // that read in the audit log and revokes, after which the clinician's page is the one 404.
        await page.GotoAsync("/sharing");
        await page.GetByRole(AriaRole.Button, new() { Name = "Make an invitation code" }).ClickAsync();
        await Expect(page, "/sharing", "sharing-code");
        var code = (await page.InnerTextAsync("#invitation-code")).Trim();

        await using var desk = await chromium.NewContextAsync(site, phone: false);
        var clinician = await desk.NewPageAsync();
        var clinicianBlocked = SignUpInBrowser.CollectPolicyViolations(clinician);
        await clinician.GotoAsync("/register");
        await clinician.GetByLabel("Email").FillAsync("doctor@example.org");
        await clinician.GetByLabel("Password").FillAsync(Account.Password);
        await clinician.GetByLabel("a clinician").CheckAsync();
        await clinician.GetByRole(AriaRole.Button, new() { Name = "Create the account" }).ClickAsync();
        await Expect(clinician, "/patients", "patients-empty");
        await clinician.GotoAsync("/sharing/accept");
        await clinician.FillAsync("#code", code);
        await clinician.GetByRole(AriaRole.Button, new() { Name = "Accept" }).ClickAsync();
        await clinician.WaitForLoadStateAsync(LoadState.Load);
        await AssertChartsDrawnAsync(clinician, []);
        var patientPage = new Uri(clinician.Url).AbsolutePath;
        Assert.StartsWith("/patients/", patientPage, StringComparison.Ordinal);
        await Expect(clinician, patientPage, "patient-report");

        // The clinician's Today and Insights of the patient: the patient's own renderings without their forms,
        // the insights charts drawn by the same scripts, at a real width.
        await clinician.GetByRole(AriaRole.Link, new() { Name = "Today", Exact = true }).Last.ClickAsync();
        await Expect(clinician, patientPage + "/today", "patient-today");
        Assert.True(await clinician.Locator("section.dose").IsVisibleAsync());
        Assert.Equal(0, await clinician.GetByRole(AriaRole.Button, new() { Name = "Taken" }).CountAsync());
        Assert.Equal(0, await clinician.Locator("main form:not(:has(#note-text))").CountAsync());
        await clinician.GotoAsync(patientPage + "/insights");
        await Expect(clinician, patientPage + "/insights", "patient-insights");
        await AssertInsightsChartsDrawnAsync(clinician);

        await page.GotoAsync("/sharing");
        await Expect(page, "/sharing", "sharing-audit");
        var audit = await page.InnerTextAsync("table");
        Assert.Contains("doctor@example.org", audit, StringComparison.Ordinal);
        Assert.Contains("report", audit, StringComparison.Ordinal);
        Assert.Contains("today", audit, StringComparison.Ordinal);
        Assert.Contains("insights", audit, StringComparison.Ordinal);
        await page.GetByRole(AriaRole.Button, new() { Name = "Revoke access of doctor@example.org" }).ClickAsync();
        Assert.Contains("Access revoked", await page.ContentAsync(), StringComparison.Ordinal);

        var after = await clinician.GotoAsync(patientPage);
        Assert.Equal(404, after!.Status);
        Assert.Contains("No patient with this id shares their data with you.", await clinician.ContentAsync(), StringComparison.Ordinal);
        Assert.Empty(blocked);
        Assert.Empty(clinicianBlocked);
    }

    /// <summary>Every canvas of the embedded report has a Chart.js chart that is laid out and drew pixels, on the screen and in print.</summary>
    private static Task AssertChartsDrawnAsync(IPage page, List<string> errors) => ReportCharts.AssertDrawnAsync(page, errors, "report-print-" + new Uri(page.Url).AbsolutePath.Split('/')[1]);

    /// <summary>Every insights chart canvas has a Chart.js chart and a non-zero width (in the box the CSS sizes).</summary>
    private static async Task AssertInsightsChartsDrawnAsync(IPage page)
    {
        var state = "";
        for (var attempt = 0; attempt < 20; attempt++)
        {
            state = await page.EvaluateAsync<string>("() => [...document.querySelectorAll('canvas[id^=\"chart-\"]')].map(x => x.id + ':' + (typeof Chart === 'function' && Chart.getChart(x) !== undefined) + ':' + Math.round(x.getBoundingClientRect().width)).join(' ')");
            if (state.Length > 0 && !state.Contains(":false:", StringComparison.Ordinal) && !state.Split(' ').Any(c => c.EndsWith(":0", StringComparison.Ordinal)))
            {
                return;
            }

            await page.WaitForTimeoutAsync(250);
        }

        Assert.Fail("insights charts not drawn: " + state);
    }

    /// <summary>The page is at <paramref name="path"/>, passes axe, and is saved as <paramref name="name"/> when screenshots are asked for.</summary>
    private static async Task Expect(IPage page, string path, string name)
    {
        await page.WaitForLoadStateAsync(LoadState.Load);
        Assert.Equal(path, new Uri(page.Url).AbsolutePath);
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        if (Environment.GetEnvironmentVariable("LDN_SCREENSHOTS") is { Length: > 0 } folder)
        {
            Directory.CreateDirectory(folder);
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, name + "-phone.png"), FullPage = true });
            await page.SetViewportSizeAsync(1280, 900);
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, name + "-desk.png"), FullPage = true });
            await page.SetViewportSizeAsync(360, 740);
        }
    }
}
