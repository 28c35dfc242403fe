using System.Text.Json;
using System.Text.Json.Serialization;

namespace Ldn.Core;

/// <summary>
/// How every <c>--json</c> document of the tool (simulation, analysis, plan, advice, evidence, …) is written,
/// by the CLI on stdout and by the web API alike: camelCase names, every member written (nulls too), one line,
/// and "→", "§" and "'" kept readable rather than \u-escaped (the documents are read by programs, never inlined
/// into HTML; the HTML reports use the strict default encoder).
/// </summary>
public static class DocumentJson
{
    public static JsonSerializerOptions Options { get; } = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = false,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}
