using System.Reflection;
using System.Text.RegularExpressions;
using Ldn.Core.Text;
using YamlDotNet.Core;

namespace Ldn.Core.Text;

/// <summary>
/// Turns a YamlDotNet error into words for a user: "Property 'x' not found on type 'Y'" becomes
/// "unknown key 'x' (did you mean 'y'?)", naming the keys the section allows.
/// </summary>
internal static partial class YamlErrors
{
    public static string Describe(YamlException e)
    {
        ArgumentNullException.ThrowIfNull(e);
        var message = (e.InnerException?.Message ?? e.Message).Split('\n')[0].Trim();
        var unknown = UnknownProperty().Match(message);
        if (!unknown.Success)
        {
            return $"is not valid at line {e.Start.Line}: {message.TrimEnd('.')}";
        }

        var key = unknown.Groups["key"].Value;
        var type = typeof(YamlErrors).Assembly.GetType(unknown.Groups["type"].Value);
        var keys = type?.GetProperties(BindingFlags.Public | BindingFlags.Instance).Select(p => char.ToLowerInvariant(p.Name[0]) + p.Name[1..]).ToList() ?? [];
        var closest = NameMatch.Suggest(key, keys) is [var first, ..] ? first : null;
        var hint = closest is not null ? $" (did you mean '{closest}'?)" : keys.Count > 0 ? $" (known keys there: {string.Join(", ", keys)})" : string.Empty;
        return $"has an unknown key '{key}' at line {e.Start.Line}{hint}";
    }

    [GeneratedRegex("Property '(?<key>[^']*)' not found on type '(?<type>[^']*)'", RegexOptions.CultureInvariant)]
    private static partial Regex UnknownProperty();
}
