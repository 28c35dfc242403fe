using System.Globalization;
using Ldn.Cli.Commands.Journal;
using Ldn.Core.Journal;
using Ldn.Storage;
using NodaTime;
using Xunit;
using Xunit.Abstractions;

namespace Ldn.Cli.Tests;

/// <summary>
/// The plain demo journal (<c>ldn journal demo</c>, 12 weeks, seed 42) printed to PDF with headless Chromium
/// once, with a fixed clock, and its review as of the report day (the numbers the summary page must show).
/// </summary>
public sealed class ReportPdfFixture : IDisposable
{
    public static readonly Instant Now = Instant.FromUtc(2026, 12, 1, 11, 0);

    public static readonly LocalDate Today = new(2026, 12, 1);

    public ReportPdfFixture()
    {
        Folder = Directory.CreateTempSubdirectory("ldn-report-pdf-");
        Db = Path.Combine(Folder.FullName, "journal.db");
        Pdf = Path.Combine(Folder.FullName, "report.pdf");
        if (ReportCommandChromium() is null)
        {
            return;
        }

        using (JournalContext.UseClock(Now))
        {
            Run("journal", "demo", "--db", Db);
            Run("report", "--db", Db, "--out", Path.Combine(Folder.FullName, "report.html"), "--pdf", Pdf, "--today", "2026-12-01");
        }

        using var store = JournalStores.Open(Db);
        var data = store.Load(null, Now);
        Review = JournalReview.Of(data, Today, now: Now);
    }

    public DirectoryInfo Folder { get; }

    public string Db { get; }

    public string Pdf { get; }

    public JournalReview? Review { get; }

    public void Dispose() => Folder.Delete(recursive: true);

    private static string? ReportCommandChromium() => Commands.ReportCommand.FindChromium();

    private static void Run(params string[] args)
    {
        var (code, stdout, stderr) = CliRunner.Run(args);
        if (code != 0)
        {
            throw new InvalidOperationException($"ldn {string.Join(' ', args)} failed ({code}): {stderr}{stdout}");
        }
    }
}

/// <summary>
/// The printed report as a prescriber gets it: page 1 is the summary and nothing else, the whole report
/// fits four A4 pages for the demo journal, and no text is printed over other text on any page.
/// </summary>
public sealed class ReportPdfTests(ReportPdfFixture fixture, ITestOutputHelper output) : IClassFixture<ReportPdfFixture>
{
    /// <summary>
    /// One summary page plus three of detail. The demo's detail is about 2.7 pages at the print sizes (three
    /// charts of 180 px, five symptom scales over three dose levels, two side effects, a few notes); the field
    /// reported 5–6 pages as too long for a consultation, and this bound fails if a layout change brings that back.
    /// </summary>
    public const int MaxDemoPages = 4;

    [Fact]
    public void First_page_is_the_summary_and_the_detail_follows()
    {
        if (!Ready())
        {
            return;
        }

        var page1 = PdfLayout.PageText(fixture.Pdf, 1);
        output.WriteLine(page1);
        foreach (var heading in new[] { "Treatment journal report", "At a glance", "Plan and adherence", "Headline symptom changes from baseline", "Safety findings", "Current advice" })
        {
            Assert.Contains(heading, page1, StringComparison.Ordinal);
        }

        var review = fixture.Review!;
        var adherence = review.Analysis.Adherence;
        Assert.Contains(
            $"{(adherence.Share!.Value * 100).ToString("0.#", CultureInfo.InvariantCulture)}% — {adherence.Taken} of {adherence.Expected} planned dose-days taken",
            page1,
            StringComparison.Ordinal);
        Assert.Contains(review.Advice!.Action + " (", page1, StringComparison.Ordinal);
        Assert.Contains(review.Advice.Reason, page1, StringComparison.Ordinal);

        // Every scale's headline change with its interval, as the analysis computed it.
        foreach (var scale in review.Analysis.Scales)
        {
            var c = scale.Comparisons.FirstOrDefault(x => x.Window == Core.Journal.Analysis.ComparisonWindow.Recent && x.Lower is not null);
            Assert.NotNull(c);
            Assert.Contains($"{Signed(c.MeanChange!.Value)} ({Signed(c.Lower!.Value)} to {Signed(c.Upper!.Value)})", page1, StringComparison.Ordinal);
        }

        Assert.Contains("not medical advice", page1, StringComparison.Ordinal);

        // The detail starts on page 2, not on the summary page.
        Assert.DoesNotContain("Patient and period", page1, StringComparison.Ordinal);
        Assert.DoesNotContain("Daily dose", page1, StringComparison.Ordinal);
        Assert.StartsWith("Patient and period", PdfLayout.PageText(fixture.Pdf, 2), StringComparison.Ordinal);
    }

    [Fact]
    public void Demo_report_prints_on_at_most_four_pages()
    {
        if (!Ready())
        {
            return;
        }

        var pages = PdfLayout.Pages(fixture.Pdf);
        output.WriteLine($"{pages} pages");
        Assert.InRange(pages, 2, MaxDemoPages);
    }

    [Fact]
    public void No_word_is_printed_over_another_on_any_page()
    {
        if (!Ready())
        {
            return;
        }

        var words = PdfLayout.Words(fixture.Pdf);

        // The charts' tick labels and legends are among the words: otherwise this would not see a label over a caption.
        Assert.Contains(words, w => w.Text == "mg" && w.Page > 1);
        Assert.Contains(words, w => w.Text == "(0–10)");
        var overlaps = PdfLayout.Overlaps(words);
        foreach (var (a, b) in overlaps.Take(10))
        {
            output.WriteLine($"page {a.Page}: '{a.Text}' {a.XMin:0.0},{a.YMin:0.0}–{a.XMax:0.0},{a.YMax:0.0} over '{b.Text}' {b.XMin:0.0},{b.YMin:0.0}–{b.XMax:0.0},{b.YMax:0.0}");
        }

        Assert.Empty(overlaps);
    }

    [Fact]
    public void The_overlap_check_sees_a_label_over_a_caption_and_passes_neighbours()
    {
        // A tick label whose box reaches 3 pt into a caption line; and two lines that only touch.
        const string bbox = """
            <?xml version="1.0" encoding="UTF-8"?>
            <html xmlns="http://www.w3.org/1999/xhtml"><head><title></title></head><body><doc>
            <page width="595" height="842"><flow><block>
            <line xMin="50" yMin="100" xMax="120" yMax="110"><word xMin="50" yMin="100" xMax="100" yMax="110">2026-09-29</word></line>
            <line xMin="40" yMin="107" xMax="300" yMax="117"><word xMin="40" yMin="107" xMax="80" yMax="117">The</word><word xMin="82" yMin="107" xMax="120" yMax="117">dose</word></line>
            <line xMin="40" yMin="116.8" xMax="300" yMax="126"><word xMin="40" yMin="116.8" xMax="80" yMax="126">taken</word></line>
            </block></flow></page>
            <page width="595" height="842"><flow><block>
            <line xMin="50" yMin="100" xMax="120" yMax="110"><word xMin="50" yMin="100" xMax="100" yMax="110">alone</word></line>
            </block></flow></page>
            </doc></body></html>
            """;
        var words = PdfLayout.ParseWords(bbox);
        Assert.Equal(5, words.Count);
        var overlaps = PdfLayout.Overlaps(words);

        // "2026-09-29" meets "The" (30 × 3 pt) and "dose" (18 × 3 pt); "taken" touches "The" by 0.2 pt only; the
        // word on page 2 at the same place is on another page.
        Assert.Equal(2, overlaps.Count);
        Assert.All(overlaps, o => Assert.Equal("2026-09-29", o.A.Text));
        Assert.Equal(["The", "dose"], overlaps.Select(o => o.B.Text));
    }

    private static string Signed(double value)
    {
        var text = Math.Abs(value).ToString("0.00", CultureInfo.InvariantCulture);
        return (value < 0 && text != "0.00" ? "−" : "+") + text;
    }

    private bool Ready() => HeadlessChromium.Find(output) is not null && PdfLayout.Available(output);
}
