namespace Ldn.Web.Tests;

/// <summary>
/// One kind of nonsense for a field, as the raw JSON put in its place (<c>null</c> is JSON null; <c>Missing</c>
/// leaves the field out). The kinds are those of the CLI corpus (RefusalCorpusTests) plus the wrong JSON types.
/// </summary>
internal sealed record CorpusNonsense(string Name, string Json, bool Missing = false)
{
    public static readonly string LongText = new('x', 20_000);
    public static readonly string Digits = new('9', 400);

    public static readonly CorpusNonsense[] All =
    [
        new("empty", "\"\""),
        new("blank", "\" \""),
        new("negative number", "-4.5"),
        new("negative text", "\"-4.5\""),
        new("other unit", "\"4.5kg\""),
        new("impossible clock", "\"25:00\""),
        new("1e308 text", "\"1e308\""),
        new("1e308 number", "1e308"),
        new("NaN", "\"NaN\""),
        new("Infinity", "\"Infinity\""),
        new("400 digits text", "\"" + Digits + "\""),
        new("400 digits number", Digits),
        new("control", "\"\\u0001\""),
        new("NUL", "\"4.5mg\\u0000\""),
        new("bidi", "\"\\u202e5.4mg\""),
        new("20,000 characters", "\"" + LongText + "\""),
        new("impossible date", "\"2026-02-30\""),
        new("year 9999", "\"9999-12-31\""),
        new("unknown zone", "\"Mars/Olympus\""),
        new("number for text", "42"),
        new("boolean", "true"),
        new("array", "[1]"),
        new("object", "{}"),
        new("null", "null"),
        new("missing", "", Missing: true),
    ];

    /// <summary>The JSON kind of this nonsense: 's' string, 'n' number, 'b' boolean, 'a' array, 'o' object, '0' null, '-' missing.</summary>
    public char Type => Missing ? '-' : Json[0] switch
    {
        '"' => 's',
        '[' => 'a',
        '{' => 'o',
        't' => 'b',
        'n' => '0',
        _ => 'n',
    };

    /// <summary>The value as query text (a string's content, else the raw JSON).</summary>
    public string QueryText => Type == 's' ? System.Text.Json.JsonSerializer.Deserialize<string>(Json)! : Json;

    public override string ToString() => Name;
}
