using System.Security.Cryptography;
using System.Text;
using Ldn.Reports;
using Microsoft.Net.Http.Headers;

namespace Ldn.Web.Hosting;

/// <summary>
/// The report's scripts and styles served as files, so that a page under <c>script-src 'self'</c> can draw
/// its charts (<see cref="JournalReport.RenderEmbedded"/>): Chart.js at <see cref="ChartLibraryPath"/>, the
/// drawing script at <see cref="DrawingScriptPath"/>, the report's styles at <see cref="StylesheetPath"/>.
/// The texts come from Ldn.Reports (nothing from a CDN). Each answer carries a strong ETag of its content
/// (304 on <c>If-None-Match</c>) and a year's caching: <see cref="Scripts"/> adds <c>?v=</c> with the same
/// hash, so a new build's script is fetched anew. Anonymous: they hold no one's data.
/// </summary>
internal static class ReportAssets
{
    public const string ChartLibraryPath = "/assets/chart.umd.min.js";

    public const string DrawingScriptPath = "/assets/report-charts.js";

    public const string StylesheetPath = "/assets/report.css";

    private const string JavaScript = "text/javascript; charset=utf-8";

    private static readonly Lazy<Asset> Chart = new(() => new Asset(ReportHtml.ChartLibrary, JavaScript));

    private static readonly Lazy<Asset> Drawing = new(() => new Asset(JournalReport.DrawingScript, JavaScript));

    private static readonly Lazy<Asset> Styles = new(() => new Asset(JournalReport.Stylesheet, "text/css; charset=utf-8"));

    /// <summary>The script URLs for <see cref="JournalReport.RenderEmbedded"/>, each with its content's version.</summary>
    public static ReportScriptUrls Scripts => new($"{ChartLibraryPath}?v={Chart.Value.Version}", $"{DrawingScriptPath}?v={Drawing.Value.Version}");

    /// <summary>The stylesheet URL with its content's version, for a page's <c>&lt;link rel="stylesheet"&gt;</c>.</summary>
    public static string StylesheetUrl => $"{StylesheetPath}?v={Styles.Value.Version}";

    public static void Map(IEndpointRouteBuilder app)
    {
        foreach (var (path, asset) in new[] { (ChartLibraryPath, Chart), (DrawingScriptPath, Drawing), (StylesheetPath, Styles) })
        {
            app.MapGet(path, (HttpContext http) => Serve(http, asset.Value)).AllowAnonymous().ExcludeFromDescription();
        }
    }

    private static IResult Serve(HttpContext http, Asset asset)
    {
        var headers = http.Response.Headers;
        headers.ETag = asset.ETag;
        headers.CacheControl = "public, max-age=31536000, immutable";
        return http.Request.Headers.IfNoneMatch.Contains(asset.ETag)
            ? Results.StatusCode(StatusCodes.Status304NotModified)
            : Results.Bytes(asset.Bytes, asset.ContentType);
    }

    private sealed class Asset
    {
        public Asset(string text, string contentType)
        {
            Bytes = Encoding.UTF8.GetBytes(text);
            ContentType = contentType;
            Version = Convert.ToHexStringLower(SHA256.HashData(Bytes))[..16];
            ETag = new EntityTagHeaderValue($"\"{Version}\"").ToString();
        }

        public byte[] Bytes { get; }

        public string ContentType { get; }

        public string Version { get; }

        public string ETag { get; }
    }
}
