using System.Reflection;
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
    private const string Number = "a number of ordinary size, e.g. 4.5";
    private const string WholeNumber = "a whole number of ordinary size, e.g. 7";
    private const string Flag = "true or false";
    private const string Map = "an object, e.g. {\"pain\": 4}";
    private const string List = "an array of text, e.g. [\"levothyroxine\"]";
    private const string Text = "text in quotes";
    private const string Other = "a value of another kind (see the route's description in /openapi/v1.json)";

    /// <summary>The sentence for <paramref name="bad"/> (a 400 from binding a JSON body, a query value or a header).</summary>
    public static string Of(BadHttpRequestException bad)
    {
        ArgumentNullException.ThrowIfNull(bad);
        if (bad.InnerException is JsonException json)
        {
            return Json(json, BodyType(bad.Message));
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

    private static string Json(JsonException json, Type? bodyType)
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
            // The message names the type being read, which for a record bound through its constructor is the record,
            // not the field: the field's own type, found on the route's body type, says what it must be.
            var named = conversion.Groups["type"].Value.TrimEnd('.');
            var expected = field is not null && bodyType is not null && FieldType(bodyType, field) is { } type
                ? Expected(type)
                : Expected(named);
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

    /// <summary>The route's body type, from "Failed to read parameter "DoseBody body" from the request body as JSON.", or null.</summary>
    private static Type? BodyType(string message) =>
        BodyParameter().Match(message) is { Success: true } parameter
            ? typeof(BindingSentence).Assembly.GetTypes().FirstOrDefault(t => t.Name == parameter.Groups["type"].Value || t.FullName == parameter.Groups["type"].Value)
            : null;

    /// <summary>The type of <paramref name="field"/> (<c>scores.pain</c>, <c>medications[0]</c>) in <paramref name="body"/>, or null.</summary>
    private static Type? FieldType(Type body, string field)
    {
        Type? type = body;
        foreach (var part in field.Split('.'))
        {
            var name = part.Split('[')[0];
            type = type is { IsGenericType: true } map && map.GetGenericTypeDefinition() == typeof(Dictionary<,>)
                ? map.GetGenericArguments()[1]
                : type?.GetProperty(name, BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase)?.PropertyType;
            if (part.Contains('[', StringComparison.Ordinal))
            {
                type = type?.GetInterfaces().Append(type).FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>))?.GetGenericArguments()[0];
            }
        }

        return type;
    }

    private static string Expected(Type type)
    {
        var inner = Nullable.GetUnderlyingType(type) ?? type;
        return inner switch
        {
            _ when inner == typeof(decimal) || inner == typeof(double) || inner == typeof(float) => Number,
            _ when inner == typeof(int) || inner == typeof(long) || inner == typeof(short) => WholeNumber,
            _ when inner == typeof(bool) => Flag,
            _ when inner == typeof(string) => Text,
            _ when typeof(System.Collections.IDictionary).IsAssignableFrom(inner) => Map,
            _ when typeof(System.Collections.IEnumerable).IsAssignableFrom(inner) => List,
            _ => Other,
        };
    }

    /// <summary>What a .NET type (as a message names it: <c>System.Nullable`1[System.Decimal]</c>, <c>long?</c>) expects, in words.</summary>
    private static string Expected(string type) => type switch
    {
        _ when Has(type, "Decimal", "Double", "Single", "decimal", "double", "float") => Number,
        _ when Has(type, "Int16", "Int32", "Int64", "int", "long", "short") => WholeNumber,
        _ when Has(type, "Boolean", "bool") => Flag,
        _ when Has(type, "Dictionary") => Map,
        _ when Has(type, "List", "[]", "Enumerable") => List,
        _ when Has(type, "String", "string") => Text,
        _ => Other,
    };

    private static string ObjectOf(string expected) => expected == Other
        ? "a JSON object of the route's fields"
        : expected;

    private static bool Has(string type, params string[] names) => names.Any(n => type.Contains(n, StringComparison.Ordinal));

    [GeneratedRegex("""^Failed to bind parameter "(?<type>[^"]+) (?<name>[^" ]+)" from """)]
    private static partial Regex QueryBinding();

    [GeneratedRegex("""^Failed to read parameter "(?<type>[^" ]+) [^" ]+" from the request body""")]
    private static partial Regex BodyParameter();

    [GeneratedRegex("""^Required parameter "(?<type>[^"]+) (?<name>[^" ]+)" was not provided from (?<source>[a-z ]+)\.""")]
    private static partial Regex Missing();

    [GeneratedRegex("""^The JSON property '(?<name>.*)' could not be mapped to any \.NET member""", RegexOptions.Singleline)]
    private static partial Regex Unmapped();

    [GeneratedRegex("""^The JSON value could not be converted to (?<type>\S+)""")]
    private static partial Regex Conversion();
}
