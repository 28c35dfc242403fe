using System.Text.Json;
using System.Text.RegularExpressions;

namespace Ldn.Web.Hosting;

/// <summary>
/// One sentence for a request the framework could not bind to a route's parameters, naming the field in words
/// (<c>The field 'doseMg' must be a number, e.g. 4.5.</c>) instead of System.Text.Json's message with its
/// <c>$.doseMg</c> path, .NET type name and byte position. Names are cut (<see cref="DetailText.Cut"/>), so a
/// hostile body is never echoed at length.
/// </summary>
internal static partial class BindingSentence
{
    /// <summary>The sentence for <paramref name="bad"/> (a 400 from binding a JSON body, a query value or a header).</summary>
    public static string Of(BadHttpRequestException bad)
    {
        ArgumentNullException.ThrowIfNull(bad);
        if (bad.InnerException is JsonException json)
        {
            return Json(json);
        }

        if (QueryBinding().Match(bad.Message) is { Success: true } query)
        {
            return $"The query value '{DetailText.Cut(query.Groups["name"].Value)}' must be {Expected(query.Groups["type"].Value)}.";
        }

        if (Missing().Match(bad.Message) is { Success: true } missing && missing.Groups["source"].Value != "body")
        {
            return $"The {(missing.Groups["source"].Value.Contains("header", StringComparison.Ordinal) ? "header" : "query value")} '{DetailText.Cut(missing.Groups["name"].Value)}' is missing.";
        }

        return bad.Message.Contains("body", StringComparison.OrdinalIgnoreCase)
            ? "The request needs a JSON body (an object of the route's fields)."
            : "The request is malformed (a query value or header is not of the expected kind).";
    }

    private static string Json(JsonException json)
    {
        var message = json.Message;
        if (Unmapped().Match(message) is { Success: true } unmapped)
        {
            return $"The body has a field '{DetailText.Cut(unmapped.Groups["name"].Value)}' this route does not take.";
        }

        if (message.Contains("maximum configured depth", StringComparison.Ordinal))
        {
            return "The request body is nested too deeply to be read.";
        }

        var field = Field(json.Path);
        if (Conversion().Match(message) is { Success: true } conversion)
        {
            var expected = Expected(conversion.Groups["type"].Value);
            return field is null ? $"The request body must be {ObjectOf(expected)}." : $"The field '{field}' must be {expected}.";
        }

        var where = json.LineNumber is { } line && json.BytePositionInLine is { } position ? $" (line {line + 1}, byte {position + 1})" : "";
        return $"The request body is not valid JSON{where}.";
    }

    /// <summary>The field of a JSON path (<c>$.scores.pain</c> → <c>scores.pain</c>), cut; null for the body itself.</summary>
    private static string? Field(string? path)
    {
        if (string.IsNullOrEmpty(path) || path == "$")
        {
            return null;
        }

        var name = path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path.TrimStart('$');
        return DetailText.Cut(name);
    }

    /// <summary>What a .NET type (as a message names it: <c>System.Nullable`1[System.Decimal]</c>, <c>long?</c>) expects, in words.</summary>
    private static string Expected(string type) => type switch
    {
        _ when Has(type, "Decimal", "Double", "Single", "decimal", "double", "float") => "a number of ordinary size, e.g. 4.5",
        _ when Has(type, "Int16", "Int32", "Int64", "int", "long", "short") => "a whole number of ordinary size, e.g. 7",
        _ when Has(type, "Boolean", "bool") => "true or false",
        _ when Has(type, "Dictionary") => "an object, e.g. {\"pain\": 4}",
        _ when Has(type, "List", "[]", "Enumerable") => "an array of text, e.g. [\"levothyroxine\"]",
        _ when Has(type, "String", "string") => "text in quotes",
        _ => "a value of another kind (see the route's description in /openapi/v1.json)",
    };

    private static string ObjectOf(string expected) => expected.StartsWith("a value of another kind", StringComparison.Ordinal)
        ? "a JSON object of the route's fields"
        : expected;

    private static bool Has(string type, params string[] names) => names.Any(n => type.Contains(n, StringComparison.Ordinal));

    [GeneratedRegex("""^Failed to bind parameter "(?<type>[^"]+) (?<name>[^" ]+)" from """)]
    private static partial Regex QueryBinding();

    [GeneratedRegex("""^Required parameter "(?<type>[^"]+) (?<name>[^" ]+)" was not provided from (?<source>[a-z ]+)\.""")]
    private static partial Regex Missing();

    [GeneratedRegex("""^The JSON property '(?<name>.*)' could not be mapped to any \.NET member""", RegexOptions.Singleline)]
    private static partial Regex Unmapped();

    [GeneratedRegex("""^The JSON value could not be converted to (?<type>\S+)""")]
    private static partial Regex Conversion();
}
