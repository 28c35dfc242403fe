using Ldn.Core;

namespace Ldn.Cli.Output;

/// <summary>
/// Writes an output file so that it is either complete or absent: the content goes to a temporary file
/// in the same folder, which then replaces the target. A full disk or a killed process never leaves a
/// half-written report where a good one was.
/// </summary>
internal static class SafeFile
{
    public static void Write(string path, Action<TextWriter> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        Produce(path, temporary =>
        {
            using var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None);
            using var writer = new StreamWriter(stream, new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
            write(writer);
            writer.Flush();
            stream.Flush(flushToDisk: true);
        });
    }

    /// <summary>
    /// The full path of an output file, after checking that its folder exists and that it is not a
    /// folder: call it before long work, so a typo fails at once with one sentence.
    /// </summary>
    public static string Check(string path)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            throw new InvalidInputException("An output file name is empty.");
        }

        string fullPath;
        try
        {
            fullPath = Path.GetFullPath(path);
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
        {
            throw new InvalidInputException($"'{path}' is not a usable file name.", e);
        }

        var folder = Path.GetDirectoryName(fullPath) ?? ".";
        if (!Directory.Exists(folder))
        {
            throw new InvalidInputException($"Cannot write '{path}': the folder '{folder}' does not exist.");
        }

        if (Directory.Exists(fullPath))
        {
            throw new InvalidInputException($"Cannot write '{path}': it is a folder.");
        }

        return fullPath;
    }

    /// <summary>
    /// Lets <paramref name="produce"/> write the file at a temporary path in the target's folder (another
    /// program may write it, as Chromium writes a PDF), then moves it over the target; on failure the
    /// temporary file is removed and the target is untouched.
    /// </summary>
    public static void Produce(string path, Action<string> produce)
    {
        ArgumentNullException.ThrowIfNull(produce);
        var fullPath = Check(path);
        var folder = Path.GetDirectoryName(fullPath) ?? ".";
        var temporary = Path.Combine(folder, $".{Path.GetFileName(fullPath)}.{Environment.ProcessId}.tmp");
        try
        {
            produce(temporary);
            File.Move(temporary, fullPath, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            TryDelete(temporary);
            throw new InvalidInputException($"Cannot write '{path}': {e.Message}", e);
        }
        catch
        {
            TryDelete(temporary);
            throw;
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Best effort: the original error is the one worth reporting.
        }
    }
}
