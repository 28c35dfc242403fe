namespace Ldn.Web.Tests;

/// <summary>
/// What a field of the API holds, which decides the nonsense it must refuse: <c>Strict</c> text has a grammar
/// (a time, zone, quantity, choice, email or code: every nonsense string is refused), <c>Free</c> text is the
/// user's own words (any string may be kept), <c>Number</c> a decimal, <c>Integer</c> a whole number, <c>Flag</c>
/// true or false, <c>Document</c> a JSON document the route reads itself, <c>Map</c> an object of scores and
/// <c>List</c> an array of strings.
/// </summary>
internal enum CorpusFieldKind
{
    Strict,
    Free,
    Number,
    Integer,
    Flag,
    Document,
    Map,
    List,
}

/// <summary>
/// One field a route reads: its JSON path in the body (<c>scores.pain</c>) or its query name, what it holds,
/// whether the route needs it (null and missing are then refused), whether it is a query value, and whether it
/// only counts together with another field (<c>Dependent</c>: a value may be ignored, so 2xx and 4xx are both fine),
/// and the kinds of "nonsense" that are a valid value of this field (<c>Valid</c>: "4.5kg" is a weight).
/// </summary>
internal sealed record CorpusField(string Path, CorpusFieldKind Kind, bool Required = false, bool InQuery = false, bool Dependent = false, string[]? Valid = null);
