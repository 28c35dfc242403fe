using Ldn.Core.Journal;
using Ldn.Web.Hosting;
using Ldn.Web.Tests;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using NodaTime;
using Xunit;

namespace Ldn.Web.BrowserTests;

/// <summary>
/// The prescriber's report embedded in <c>/report</c> with a year of journal (the demo patient): its three
/// charts are drawn on a 360 px phone, on a 1280 px desk and in print, and the page is no wider than the
/// phone's screen. With <c>LDN_SCREENSHOTS=folder</c> each is saved (<c>report-year-phone.png</c>, …, <c>.pdf</c>).
/// </summary>
public sealed class ReportInPage(DebianChromium chromium) : IClassFixture<DebianChromium>
{
    [BrowserFact]
    public async Task A_year_of_journal_draws_the_report_charts_on_a_phone_a_desk_and_paper()
    {
        using var host = new WebHost(postgres: false);
        var site = host.StartRealServer();
        var account = await host.SignUpAsync("year@example.org", timeZone: "Europe/London");
        var zone = DateTimeZoneProviders.Tzdb["Europe/London"];
        using (var journal = host.Services.GetRequiredService<WebStorage>().OpenJournal(account.Id, host.Clock))
        {
            journal.Import(DemoJournal.Create(42, WebHost.Now.InZone(zone).Date, 365, zone, now: WebHost.Now));
        }

        foreach (var phone in new[] { true, false })
        {
            await using var context = await chromium.NewContextAsync(site, phone);
            var page = await context.NewPageAsync();
            var errors = new List<string>();
            page.PageError += (_, error) => errors.Add(error);
            var login = await page.APIRequest.PostAsync("/api/account/login?useCookies=true", new() { DataObject = new { email = account.Email, password = Account.Password } });
            Assert.Equal(200, login.Status);

            // A year's report is the heaviest page (about as costly as GET /api/analysis); on a busy CI machine
            // it may take longer than Playwright's 30 s default.
            await page.GotoAsync("/report", new() { Timeout = 180_000 });
            var name = "report-year-" + (phone ? "phone" : "desk");
            await ReportCharts.AssertDrawnAsync(page, errors, name);
            if (Environment.GetEnvironmentVariable("LDN_SCREENSHOTS") is { Length: > 0 } folder)
            {
                Directory.CreateDirectory(folder);
                await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, name + ".png"), FullPage = true });
            }

            // Nothing sticks out of the screen: on a phone a wide page would be zoomed out to fit it.
            var screen = phone ? 360 : 1280;
            var wide = await page.EvaluateAsync<string>("(w) => [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > w + 1 && !e.closest('.table-scroll > *')).slice(0, 8).map(e => e.tagName + '#' + e.id + '.' + e.className).join(' ')", screen);
            Assert.Equal("", wide);
            Assert.Equal(screen, await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth"));
        }
    }
}
