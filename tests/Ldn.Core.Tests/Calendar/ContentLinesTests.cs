using System.Text;
using Ldn.Core.Calendar;
using Xunit;

namespace Ldn.Core.Tests.Calendar;

/// <summary>RFC 5545 §3.1 line folding and §3.3.11 text escaping.</summary>
public sealed class ContentLinesTests
{
    [Theory]
    [InlineData(10)]
    [InlineData(74)]
    [InlineData(75)]
    [InlineData(76)]
    [InlineData(400)]
    public void Lines_are_folded_at_75_octets_without_splitting_a_character_and_unfold_to_the_original(int length)
    {
        // Mixed one-, two- and three-octet characters, so a fold can fall inside a multi-octet one.
        var value = string.Concat(Enumerable.Range(0, length).Select(i => "aé→"[i % 3]));
        var text = new ContentLines().Text("DESCRIPTION", value).ToString();
        var lines = text.Split("\r\n");
        Assert.Equal("", lines[^1]);
        Assert.All(lines[..^1], line => Assert.InRange(Encoding.UTF8.GetByteCount(line), 1, 75));
        Assert.All(lines[1..^1], line => Assert.StartsWith(" ", line, StringComparison.Ordinal));
        var unfolded = text.Replace("\r\n ", "", StringComparison.Ordinal).TrimEnd('\r', '\n');
        Assert.Equal("DESCRIPTION:" + value, unfolded);
    }

    [Fact]
    public void Text_values_escape_backslash_semicolon_comma_and_newlines()
    {
        var text = new ContentLines().Text("SUMMARY", "a\\b;c,d\ne\r\nf").ToString();
        Assert.Equal("SUMMARY:a\\\\b\\;c\\,d\\ne\\nf\r\n", text);
    }
}
