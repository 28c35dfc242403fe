using System.Text.RegularExpressions;
using Ldn.Reports.Research;
using Xunit;

namespace Ldn.Cli.Tests;

/// <summary>The <see cref="ResearchReport"/> builder on its own: encoding, gaps and the checks on its arguments.</summary>
public sealed class ResearchReportBuilderTests
{
    private static readonly ReportGeneration Generation = new("ldn test --report x.html", 5, "default");

    private static readonly DateTimeOffset GeneratedAt = new(2026, 12, 1, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Text_from_outside_is_encoded_and_never_becomes_markup()
    {
        var report = new ResearchReport("<script>alert(1)</script>", "a & b");
        report.AddTable("t", ["<b>h</b>"], [["<img src=x onerror=alert(1)>"]]);
        report.AddLineChart("</script><script>alert(2)</script>", "c", "x", "y", [ChartSeries.Of("</script>", [0, 1], [1, 2])]);
        report.AddSource("<a href=\"javascript:alert(3)\">src</a>");

        var page = report.Render(Generation, GeneratedAt);

        Assert.Equal(2, Regex.Count(page, "<script>"));
        Assert.Equal(1, Regex.Count(page, "<script id=\"report-data\""));
        Assert.DoesNotContain("<img", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<a href", page, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", page, StringComparison.Ordinal);
        Assert.Contains("a &amp; b", page, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_values_become_gaps_in_the_data()
    {
        var series = ChartSeries.Of("s", [0, 1, 2, 3], [1, double.NaN, double.PositiveInfinity, 4]);

        Assert.Equal([1, null, null, 4], series.Y);

        var report = new ResearchReport("r", "s");
        report.AddLineChart("c", "c", "x", "y", [series]);
        Assert.Contains("\"y\":[1,null,null,4]", report.Render(Generation, GeneratedAt), StringComparison.Ordinal);
    }

    [Fact]
    public void Charts_are_numbered_in_order_and_each_has_its_canvas()
    {
        var report = new ResearchReport("r", "s");
        var first = report.AddLineChart("a", "a", "x", "y", [ChartSeries.Of("s", [0], [1])]);
        var second = report.AddBarChart("b", "b", "x", "y", ["p", "q"], [new ChartSeries("s", [], [1, 2])], histogram: true);
        var third = report.AddScatter("c", "c", "x", "y", [ChartSeries.Of("s", [1], [1])], identityLine: true);

        var page = report.Render(Generation, GeneratedAt);

        Assert.Equal(["chart-1", "chart-2", "chart-3"], [first, second, third]);
        Assert.Equal(3, Regex.Count(page, "<canvas "));
        Assert.Equal(["line", "bar", "scatter"], report.Charts.Select(c => c.Kind));
        Assert.Contains("<dt>Seed</dt><dd>5</dd>", page, StringComparison.Ordinal);
        Assert.Contains("<dt>Parameter set</dt><dd>default</dd>", page, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bar_series_of_the_wrong_length_or_a_ragged_table_is_refused()
    {
        var report = new ResearchReport("r", "s");

        Assert.Throws<ArgumentException>(() => report.AddBarChart("b", "b", "x", "y", ["p", "q"], [new ChartSeries("s", [], [1])]));
        Assert.Throws<ArgumentException>(() => report.AddTable("t", ["a", "b"], [["1"]]));
    }
}
