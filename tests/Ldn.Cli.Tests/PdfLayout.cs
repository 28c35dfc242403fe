using System.Diagnostics;
using System.Globalization;
using System.Xml.Linq;
using Xunit;
using Xunit.Abstractions;

namespace Ldn.Cli.Tests;

/// <summary>
/// What poppler-utils (pdfinfo, pdftotext) read from a printed PDF: the page count, a page's text, and the
/// word boxes of every page (<c>pdftotext -bbox-layout</c>, in PDF points from the page's top left). Chromium
/// prints Chart.js canvases as vector text, so axis labels and legends are words here too. Absent poppler,
/// a test notes it and checks nothing, except in CI (<c>LDN_CI=1</c>), where that fails.
/// </summary>
internal static class PdfLayout
{
    /// <summary>Two word boxes closer than this (in points, on both axes) do not count as overlapping: glyph boxes of neighbouring lines touch by a hair.</summary>
    public const double OverlapTolerancePt = 0.5;

    public static bool Available(ITestOutputHelper output)
    {
        if (File.Exists("/usr/bin/pdftotext") && File.Exists("/usr/bin/pdfinfo"))
        {
            return true;
        }

        Assert.NotEqual("1", Environment.GetEnvironmentVariable("LDN_CI"));
        output.WriteLine("Not checked: poppler-utils is not installed (apt-get install poppler-utils to run this check).");
        return false;
    }

    public static int Pages(string pdf)
    {
        var info = Run("pdfinfo", pdf);
        var line = info.Split('\n').Single(l => l.StartsWith("Pages:", StringComparison.Ordinal));
        return int.Parse(line["Pages:".Length..].Trim(), CultureInfo.InvariantCulture);
    }

    /// <summary>The text of page <paramref name="page"/> (1-based) with every run of white space made one space.</summary>
    public static string PageText(string pdf, int page)
    {
        var text = Run("pdftotext", "-f", page.ToString(CultureInfo.InvariantCulture), "-l", page.ToString(CultureInfo.InvariantCulture), pdf, "-");
        return string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
    }

    /// <summary>Every word of every page with its box and the line it belongs to, from <c>pdftotext -bbox-layout</c>.</summary>
    public static IReadOnlyList<PdfWord> Words(string pdf) => ParseWords(Run("pdftotext", "-bbox-layout", pdf, "-"));

    /// <summary>The words of a <c>-bbox-layout</c> XHTML document: page numbers 1-based, line numbers counted per page.</summary>
    public static IReadOnlyList<PdfWord> ParseWords(string bboxXhtml)
    {
        var document = XDocument.Parse(bboxXhtml);
        var words = new List<PdfWord>();
        var page = 0;
        foreach (var pageElement in document.Descendants().Where(e => e.Name.LocalName == "page"))
        {
            page++;
            var line = 0;
            foreach (var lineElement in pageElement.Descendants().Where(e => e.Name.LocalName == "line"))
            {
                line++;
                foreach (var w in lineElement.Elements().Where(e => e.Name.LocalName == "word"))
                {
                    words.Add(new PdfWord(page, line, w.Value, Number(w, "xMin"), Number(w, "yMin"), Number(w, "xMax"), Number(w, "yMax")));
                }
            }
        }

        return words;
    }

    /// <summary>
    /// Pairs of words on the same page, from different lines, whose boxes intersect by more than
    /// <see cref="OverlapTolerancePt"/> on both axes: text printed over other text.
    /// </summary>
    public static IReadOnlyList<(PdfWord A, PdfWord B)> Overlaps(IReadOnlyList<PdfWord> words)
    {
        var overlaps = new List<(PdfWord, PdfWord)>();
        foreach (var onPage in words.GroupBy(w => w.Page))
        {
            var list = onPage.ToList();
            for (var i = 0; i < list.Count; i++)
            {
                for (var j = i + 1; j < list.Count; j++)
                {
                    var (a, b) = (list[i], list[j]);
                    if (a.Line == b.Line)
                    {
                        continue;
                    }

                    var dx = Math.Min(a.XMax, b.XMax) - Math.Max(a.XMin, b.XMin);
                    var dy = Math.Min(a.YMax, b.YMax) - Math.Max(a.YMin, b.YMin);
                    if (dx > OverlapTolerancePt && dy > OverlapTolerancePt)
                    {
                        overlaps.Add((a, b));
                    }
                }
            }
        }

        return overlaps;
    }

    private static double Number(XElement word, string name) =>
        double.Parse(word.Attribute(name)?.Value ?? throw new InvalidOperationException($"A word has no {name}."), CultureInfo.InvariantCulture);

    private static string Run(string tool, params string[] args)
    {
        var start = new ProcessStartInfo("/usr/bin/" + tool) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException(tool + " did not start.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"{tool} failed: {stderr.GetAwaiter().GetResult()}");
        return stdout.GetAwaiter().GetResult();
    }
}

/// <summary>One word of a PDF page: its box in points from the page's top left, and the line pdftotext put it in.</summary>
internal sealed record PdfWord(int Page, int Line, string Text, double XMin, double YMin, double XMax, double YMax);
