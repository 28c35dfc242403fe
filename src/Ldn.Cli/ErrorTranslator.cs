using System.CommandLine.Parsing;
using System.Text.RegularExpressions;
using Ldn.Cli.Output;
using Ldn.Core;
using Ldn.Core.Text;
using Ldn.Storage;

namespace Ldn.Cli;

/// <summary>
/// Every refusal as one sentence on one line, without .NET type names or a stack, and the exit code it deserves
/// (issue 13, item 3): 2 whenever the input or the environment stops the command (a bad value, a full disk, a
/// read-only journal, an unreachable server), 1 only for a real bug.
/// </summary>
internal static partial class ErrorTranslator
{
    /// <summary>The sentence and exit code for an exception that escaped a command.</summary>
    public static (string Sentence, int ExitCode) Translate(Exception error)
    {
        ArgumentNullException.ThrowIfNull(error);
        if (error is InvalidInputException input)
        {
            // Storage wraps some database failures it meets while opening; the specific sentence says more.
            return (input.InnerException is { } inner && StorageErrors.Describe(inner) is { } stored ? stored : OneLine(input.Message), LdnApp.BadInput);
        }

        if (StorageErrors.Describe(error) is { } storage)
        {
            return (storage, LdnApp.BadInput);
        }

        if (error is IOException or UnauthorizedAccessException)
        {
            return (OneLine(IoErrors.Describe(error, "Could not read or write a file")), LdnApp.BadInput);
        }

        return ($"Internal error: {OneLine(error.Message).TrimEnd('.')}. Please report it.", LdnApp.InternalError);
    }

    /// <summary>The command-line parser's complaint in one sentence, in words a user knows.</summary>
    public static string Translate(ParseError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        var message = error.Message;
        if (CannotParse().Match(message) is { Success: true } m)
        {
            var value = m.Groups["value"].Value;
            return $"{OneLine($"'{value}'")} is not {Kind(m.Groups["type"].Value)} for {m.Groups["target"].Value}; run 'ldn --help' for usage.";
        }

        return $"{OneLine(message).TrimEnd('.')}; run 'ldn --help' for usage.";
    }

    /// <summary>
    /// <paramref name="message"/> on one line with .NET artefacts removed: line breaks and tabs become spaces,
    /// "(Parameter 'x')" and assembly-qualified type names go.
    /// </summary>
    public static string OneLine(string message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var text = ParameterSuffix().Replace(message, string.Empty);
        // Reader messages that name the class a file is read into say, in words, what is wrong with the file.
        text = NoNodeDeserializer().Replace(text, "its content does not have the expected structure (a mapping of known fields)");
        text = PropertyNotFound().Replace(text, "'$1' is not a known field");
        text = JsonNotConvertible().Replace(text, "a value does not have the expected form");
        text = TypeName().Replace(text, "a value");
        text = OwnTypeName().Replace(text, "a value");
        text = Whitespace().Replace(text, " ").Trim();
        // Echoed user text is cut, so a pasted page or a 400-digit number does not become the message.
        text = EchoText.Bounded(EchoText.CutQuotes(text));
        return text.Length == 0 ? "Something went wrong." : text;
    }

    private static string Kind(string typeName)
    {
        var inner = NullableOf().Match(typeName) is { Success: true } n ? n.Groups[1].Value : typeName;
        return inner switch
        {
            "System.Int32" or "System.Int64" or "System.Int16" or "System.UInt32" or "System.Byte" => "a whole number",
            "System.Double" or "System.Single" or "System.Decimal" => "a number",
            "System.Boolean" => "true or false",
            _ => "a valid value",
        };
    }

    [GeneratedRegex(@"^Cannot parse argument '(?<value>.*)' for (?<target>(option|command|argument) '[^']*') as expected type '(?<type>[^']*)'", RegexOptions.Singleline)]
    private static partial Regex CannotParse();

    [GeneratedRegex(@"^System\.Nullable`1\[\[?([A-Za-z0-9_.]+)")]
    private static partial Regex NullableOf();

    [GeneratedRegex(@"\s*\(Parameter '[^']*'\)")]
    private static partial Regex ParameterSuffix();

    // System.X.Y, generic arity and brackets, and ", Version=…, Culture=…, PublicKeyToken=…" tails.
    [GeneratedRegex(@"\bSystem\.[A-Za-z0-9_.]+(`\d+)?(\[[^\]]*\]+)*(,\s*[A-Za-z0-9_.]+)?(,\s*(Version|Culture|PublicKeyToken)=[^,\]\s]*)*")]
    private static partial Regex TypeName();

    // YamlDotNet: "No node deserializer was able to deserialize the node into type Ldn.X+Y, Ldn.Core, Version=…, PublicKeyToken=null".
    [GeneratedRegex(@"No node deserializer was able to deserialize the node into type [^\s,]+(,\s*[^,\s]+)*(,\s*(Version|Culture|PublicKeyToken)=[^,\s]*)*?\.?(?=\s|$)")]
    private static partial Regex NoNodeDeserializer();

    // YamlDotNet: "Property 'x' not found on type 'Ldn.X+Y'." (the type may come already cut by the long-quote rule).
    [GeneratedRegex(@"Property '([^']*)' not found on type '[^']*'")]
    private static partial Regex PropertyNotFound();

    // System.Text.Json: "The JSON value could not be converted to Ldn.X.Y" (a path and position may follow).
    [GeneratedRegex(@"The JSON value could not be converted to [A-Za-z0-9_.+`\[\], =]+?(?=\.\s|\.$|$| Path:)")]
    private static partial Regex JsonNotConvertible();

    // Any other type name of ours or of a library (Ldn.Core.X+Y, YamlDotNet.X, Npgsql.X…), with an assembly-qualified tail.
    // Not inside a path: a folder such as tests/Ldn.Cli.Tests/ in an echoed file name stays as typed.
    [GeneratedRegex(@"(?<![/\\\w.-])(Ldn|YamlDotNet|Npgsql|Microsoft|NodaTime|Hl7|CsvHelper|Dapper)\.[A-Za-z0-9_.+`]+(\[[^\]]*\]+)*(,\s*[A-Za-z0-9_.]+)?(,\s*(Version|Culture|PublicKeyToken)=[^,\]\s]*)*")]
    private static partial Regex OwnTypeName();


    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
