using System.Text;
using Ldn.Cli.Output;
using Ldn.Core;

namespace Ldn.Cli;

/// <summary>
/// Reads a user's input file as strict UTF-8 with a size limit, so a binary file, invalid bytes or a
/// runaway file is one sentence instead of mojibake in the journal or an out-of-memory crash. Only a regular
/// file is opened (a device, pipe or folder is refused before opening, links followed), and the limit is
/// enforced while reading: a file's reported length is 0 for <c>/dev/zero</c> and may change under us.
/// </summary>
internal static class TextFiles
{
    private static readonly UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <exception cref="InvalidInputException">Missing, not a regular file, too big, unreadable or not UTF-8, in one sentence.</exception>
    public static string ReadUtf8(string path, string what, long maxBytes)
    {
        ArgumentNullException.ThrowIfNull(path);
        var bytes = ReadBounded(path, what, maxBytes);
        try
        {
            // A byte-order mark (Windows editors write one) is not content: YAML and CSV readers would take it as part of the first key.
            var text = Strict.GetString(bytes);
            return text.StartsWith('\uFEFF') ? text[1..] : text;
        }
        catch (DecoderFallbackException e)
        {
            throw new InvalidInputException($"The {what} '{path}' is not valid UTF-8 text (byte offset {e.Index}).", e);
        }
    }

    private static byte[] ReadBounded(string path, string what, long maxBytes)
    {
        string fullPath;
        try
        {
            fullPath = Path.GetFullPath(path);
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
        {
            throw new InvalidInputException($"'{path}' is not a usable file name.", e);
        }

        var (kind, target) = FileKinds.Of(fullPath);
        if (kind == FileKind.Missing)
        {
            throw new InvalidInputException($"The {what} '{path}' does not exist.");
        }

        if (kind != FileKind.Regular)
        {
            throw new InvalidInputException($"The {what} '{path}' is {FileKinds.Describe(kind)}.");
        }

        try
        {
            using var stream = new FileStream(target, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, bufferSize: 1, FileOptions.SequentialScan);
            using var buffer = new MemoryStream();
            var chunk = new byte[81_920];
            int read;
            while ((read = stream.Read(chunk, 0, chunk.Length)) > 0)
            {
                if (buffer.Length + read > maxBytes)
                {
                    throw new InvalidInputException($"The {what} '{path}' is more than the {maxBytes / 1_000_000.0:0.#} MB accepted.");
                }

                buffer.Write(chunk, 0, read);
            }

            return buffer.ToArray();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InvalidInputException(IoErrors.Describe(e, $"Cannot read the {what} '{path}'").Replace("nothing was written", "nothing was read", StringComparison.Ordinal), e);
        }
    }
}
