using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Ldn.Core.Text;

/// <summary>
/// Reads a YAML data file (parameters, conditions, trials, protocols, evidence, safety lists, rules,
/// state files) into its document shape with one set of rules: camelCase keys; an unknown key is an
/// error naming the closest known key, because a typo must not silently drop a value; an empty file or a
/// syntax error is one sentence naming the file and the line.
/// </summary>
internal static class YamlFile
{
    private static readonly IDeserializer Deserializer = new DeserializerBuilder()
        .WithNamingConvention(CamelCaseNamingConvention.Instance)
        .Build();

    /// <param name="yaml">The file's text.</param>
    /// <param name="sourceName">The file's name, as the user knows it.</param>
    /// <param name="kind">What the file is, for messages: "protocol file", "state file".</param>
    /// <param name="deserializer">A deserializer with extra converters; the shared camelCase one by default.</param>
    public static T Read<T>(string yaml, string sourceName, string kind, IDeserializer? deserializer = null)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(yaml);
        if (string.IsNullOrWhiteSpace(yaml))
        {
            throw new InvalidInputException($"The {kind} '{sourceName}' is empty.");
        }

        try
        {
            return (deserializer ?? Deserializer).Deserialize<T>(yaml) ?? throw new InvalidInputException($"The {kind} '{sourceName}' is empty.");
        }
        catch (YamlException e)
        {
            throw new InvalidInputException($"The {kind} '{sourceName}' {YamlErrors.Describe(e)}.", e);
        }
    }
}
