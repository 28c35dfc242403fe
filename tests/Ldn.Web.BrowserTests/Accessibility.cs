using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Xunit;

namespace Ldn.Web.BrowserTests;

/// <summary>
/// axe-core (Deque's engine, shipped inside its NuGet package: nothing from a CDN) run on the page as it
/// stands, with the WCAG 2.0/2.1/2.2 A and AA rules. Issue 11 §6: no serious or critical violation.
/// </summary>
public static class Accessibility
{
    private static readonly List<string> WcagAa = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

    /// <summary>Runs axe on <paramref name="page"/> and fails listing every serious or critical violation (rule, impact, where).</summary>
    /// <returns>The number of violations of any impact (the note reports them).</returns>
    public static async Task<AxeResult> AssertNoSeriousViolationsAsync(IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        var result = await page.RunAxe(new AxeRunOptions { RunOnly = new RunOnlyOptions { Type = "tag", Values = [.. WcagAa] } });
        var serious = result.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        Assert.True(serious.Count == 0, $"axe on {page.Url}: " + string.Join("; ", serious.Select(v =>
            $"{v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Nodes.Select(n => string.Join(" ", n.Target)))}")));
        return result;
    }
}
