using System.Globalization;
using Microsoft.Playwright;
using Xunit;

namespace Ldn.Web.BrowserTests;

/// <summary>
/// The check that the embedded prescriber's report drew its three charts: each canvas has a Chart.js chart,
/// is laid out wider than <see cref="MinWidth"/> CSS px and painted more than <see cref="MinPainted"/>
/// pixels — on the screen and again under the print stylesheet, where it is redrawn at least
/// <see cref="PrintWidth"/> wide. With <c>LDN_SCREENSHOTS=folder</c> the page
/// is also printed to <c>{name}.pdf</c> (A4, the report's own page rules), to look at.
/// </summary>
internal static class ReportCharts
{
    public const int Count = 3;

    public const double MinWidth = 100;

    public const int MinPainted = 500;

    /// <summary>The width (CSS px) the report's script redraws its charts at for print, at the least.</summary>
    public const int PrintWidth = 600;

    // "id:hasChart:width:painted" for each canvas; painted counts the pixels that are not transparent.
    private const string State = """
        () => [...document.querySelectorAll('.journal-report canvas')].map(x => {
          const chart = typeof Chart === 'function' ? Chart.getChart(x) : undefined;
          let painted = 0;
          if (x.width > 0 && x.height > 0) {
            const pixels = x.getContext('2d').getImageData(0, 0, x.width, x.height).data;
            for (let i = 3; i < pixels.length; i += 4) if (pixels[i] !== 0) painted++;
          }
          return x.id + ':' + (chart !== undefined) + ':' + Math.round(x.getBoundingClientRect().width) + ':' + painted;
        }).join(' ')
        """;

    public static async Task AssertDrawnAsync(IPage page, IReadOnlyList<string> errors, string name)
    {
        Assert.Equal("", await DrawnAsync(page, errors));
        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });
        try
        {
            // A browser's print (the page's button, Ctrl+P) sends beforeprint; headless Chromium's PDF does not.
            await page.EvaluateAsync("() => window.dispatchEvent(new Event('beforeprint'))");
            Assert.Equal("", await DrawnAsync(page, errors));
            var printed = await page.EvaluateAsync<string>("() => [...document.querySelectorAll('.journal-report canvas')].filter(x => x.width / window.devicePixelRatio < " + PrintWidth.ToString(CultureInfo.InvariantCulture) + ").map(x => x.id + ':' + x.width).join(' ')");
            Assert.True(printed.Length == 0, "Not redrawn at the printed width: " + printed);
            if (Environment.GetEnvironmentVariable("LDN_SCREENSHOTS") is { Length: > 0 } folder)
            {
                Directory.CreateDirectory(folder);
                await page.PdfAsync(new PagePdfOptions { Path = Path.Combine(folder, name + ".pdf"), PreferCSSPageSize = true, PrintBackground = true });
            }
        }
        finally
        {
            await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Screen });
            await page.EvaluateAsync("() => window.dispatchEvent(new Event('afterprint'))");
        }
    }

    /// <summary>"" when every chart is drawn; otherwise the canvases' state and the page's errors.</summary>
    private static async Task<string> DrawnAsync(IPage page, IReadOnlyList<string> errors)
    {
        // Chart.js sizes a responsive chart when its container is measured, which may come a frame after load.
        var state = "";
        for (var attempt = 0; attempt < 20; attempt++)
        {
            state = await page.EvaluateAsync<string>(State);
            var canvases = state.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (canvases.Length == Count && canvases.All(Drawn))
            {
                return "";
            }

            await page.WaitForTimeoutAsync(250);
        }

        return state + " | " + string.Join("; ", errors);
    }

    private static bool Drawn(string canvas) =>
        canvas.Split(':') is [_, "true", var width, var painted]
        && double.Parse(width, CultureInfo.InvariantCulture) > MinWidth
        && int.Parse(painted, CultureInfo.InvariantCulture) > MinPainted;
}
