using System.Text;
using Ldn.Core;

namespace Ldn.Storage;

/// <summary>Enum values as stored: kebab-case names ("medication-change"), independent of the enum's numbering.</summary>
internal static class Codes
{
    public static string Of<T>(T value) where T : struct, Enum
    {
        var name = value.ToString();
        var text = new StringBuilder(name.Length + 4);
        foreach (var c in name)
        {
            if (char.IsUpper(c) && text.Length > 0)
            {
                text.Append('-');
            }

            text.Append(char.ToLowerInvariant(c));
        }

        return text.ToString();
    }

    public static T Parse<T>(string code) where T : struct, Enum =>
        Enum.GetValues<T>().FirstOrDefault(v => Of(v) == code) is var value && Of(value) == code
            ? value
            : throw new InvalidInputException($"The journal holds '{code}', which is not a {typeof(T).Name} this version knows.");
}
