using System.Text;
using Ldn.Core;

namespace Ldn.Cli;

/// <summary>
/// Reads a user's input file as strict UTF-8 with a size limit, so a binary file, invalid bytes or a
/// runaway file is one sentence instead of mojibake in the journal or an out-of-memory crash.
/// </summary>
internal static class TextFiles
{
    private static readonly UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static string ReadUtf8(string path, string what, long maxBytes)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
        {
            throw new InvalidInputException($"The {what} '{path}' does not exist.");
        }

        var length = new FileInfo(path).Length;
        if (length > maxBytes)
        {
            throw new InvalidInputException($"The {what} '{path}' is {length / 1_000_000.0:0.#} MB, more than the {maxBytes / 1_000_000.0:0.#} MB accepted.");
        }

        try
        {
            return File.ReadAllText(path, Strict);
        }
        catch (DecoderFallbackException e)
        {
            throw new InvalidInputException($"The {what} '{path}' is not valid UTF-8 text (byte offset {e.Index}).", e);
        }
    }
}
