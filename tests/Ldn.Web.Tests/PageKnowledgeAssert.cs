using System.Net;
using System.Text.RegularExpressions;
using Xunit;

namespace Ldn.Web.Tests;

/// <summary>What the knowledge and planning page tests read out of the HTML: the alert sentence, table cells, and the checks that a page never shows a stack trace or the project's internal notes.</summary>
internal static partial class PageKnowledgeAssert
{
    /// <summary>The page answered 200 with exactly one error sentence (role="alert"), which is returned decoded.</summary>
    public static async Task<string> OneSentenceAsync(HttpResponseMessage response, string errorId)
    {
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {html[..Math.Min(html.Length, 2000)]}");
        NoLeaks(html);
        var alerts = Alert().Matches(html).Where(m => m.Groups["id"].Value == errorId).ToList();
        Assert.True(alerts.Count == 1, $"expected one #{errorId} alert in {html[..Math.Min(html.Length, 4000)]}");
        var sentence = WebUtility.HtmlDecode(alerts[0].Groups["text"].Value).Trim();
        Assert.InRange(sentence.Length, 10, 400);
        Assert.DoesNotContain('\n', sentence);
        return sentence;
    }

    /// <summary>No stack trace, .NET type name or internal document reference in a page.</summary>
    public static void NoLeaks(string html)
    {
        Assert.DoesNotContain("   at ", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", html, StringComparison.Ordinal);
        Assert.DoesNotContain("System.", html, StringComparison.Ordinal);
        Assert.DoesNotContain(".md", WebUtility.HtmlDecode(html), StringComparison.Ordinal);
        Assert.DoesNotContain("research document", WebUtility.HtmlDecode(html), StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The decoded text cells (th and td) of each row of the table with id <paramref name="tableId"/>'s body.</summary>
    public static IReadOnlyList<IReadOnlyList<string>> Rows(string html, string tableId)
    {
        var start = html.IndexOf($"id=\"{tableId}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, $"no table #{tableId}");
        var body = html[html.IndexOf("<tbody>", start, StringComparison.Ordinal)..html.IndexOf("</tbody>", start, StringComparison.Ordinal)];
        return [.. RowTag().Matches(body).Select(r => (IReadOnlyList<string>)[.. Cell().Matches(r.Value).Select(c => Text(c.Groups[1].Value))])];
    }

    /// <summary>Markup removed, entities decoded, spaces collapsed.</summary>
    public static string Text(string html) => Spaces().Replace(WebUtility.HtmlDecode(Tag().Replace(html, " ")), " ").Trim();

    [GeneratedRegex("<p class=\"error\" role=\"alert\" id=\"(?<id>[^\"]+)\">(?<text>[^<]*)</p>")]
    private static partial Regex Alert();

    [GeneratedRegex("<tr[^>]*>.*?</tr>", RegexOptions.Singleline)]
    private static partial Regex RowTag();

    [GeneratedRegex("<t[hd][^>]*>(.*?)</t[hd]>", RegexOptions.Singleline)]
    private static partial Regex Cell();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tag();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
