using Microsoft.Playwright;
using Xunit;

namespace Ldn.Web.BrowserTests;

/// <summary>
/// Playwright for .NET driving the Chromium that Debian packages (<c>apt-get install chromium</c>, which
/// <c>.ci/run</c> does), never a browser Playwright downloads. One browser per test class; each test opens
/// its own context (cookies, storage, viewport), so tests do not share a session.
/// </summary>
public sealed class DebianChromium : IAsyncLifetime
{
    public const string ExecutablePath = "/usr/bin/chromium";

    private IPlaywright? playwright;
    private IBrowser? browser;

    public IBrowser Browser => browser ?? throw new InvalidOperationException($"Chromium did not start ({ExecutablePath}).");

    public async Task InitializeAsync()
    {
        if (!File.Exists(ExecutablePath))
        {
            // BrowserFact skips the tests (or, under CI, they fail on Browser).
            return;
        }

        playwright = await Playwright.CreateAsync();
        browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            // CI runs as root, where Chromium's sandbox cannot start.
            Args = ["--no-sandbox"],
        });
    }

    public async Task DisposeAsync()
    {
        if (browser is not null)
        {
            await browser.DisposeAsync();
        }

        playwright?.Dispose();
    }

    /// <summary>A phone (360×740, touch) or desk (1280×900) context with the site's address as base URL.</summary>
    public Task<IBrowserContext> NewContextAsync(Uri site, bool phone) =>
        Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = site.ToString(),
            ViewportSize = phone ? new ViewportSize { Width = 360, Height = 740 } : new ViewportSize { Width = 1280, Height = 900 },
            IsMobile = phone,
            HasTouch = phone,
            Locale = "en-GB",
            TimezoneId = "Europe/Oslo",
        });
}
