using System.Diagnostics;
using System.Globalization;
using Ldn.Core;

namespace Ldn.Cli.Output;

/// <summary>
/// Writes an output file so that it is either complete or absent, and never where it must not: the content goes
/// to a temporary file in the target's folder, which then replaces the target. A full disk or a killed process never
/// leaves a half-written report where a good one was (issue 13, item 1):
/// <list type="bullet">
/// <item>a path that resolves (symbolic links followed) to one of the command's inputs, the journal included, or to
/// anything but a regular file (a device, a pipe, a folder) is refused in one sentence;</item>
/// <item>a symbolic link stays a link: its final target is replaced, and an existing target keeps its permission
/// bits (a 600 export stays 600);</item>
/// <item>temporary files are named <c>.NAME.ldn-PID.tmp</c>; those of a process that is gone are removed the next
/// time any output is written in that folder.</item>
/// </list>
/// </summary>
internal static class SafeFile
{
    private const string TemporaryMarker = ".ldn-";
    private const string TemporarySuffix = ".tmp";

    /// <summary>Writes <paramref name="path"/> with <paramref name="write"/>, unless it names one of <paramref name="inputs"/>.</summary>
    /// <exception cref="InvalidInputException">The path is unusable, protected or not writable, or the disk is full.</exception>
    public static void Write(string path, Action<TextWriter> write, params IEnumerable<string?> inputs)
    {
        ArgumentNullException.ThrowIfNull(write);
        Produce(path, temporary =>
        {
            using var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None);
            using var writer = new StreamWriter(stream, new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
            write(writer);
            writer.Flush();
            stream.Flush(flushToDisk: true);
        }, inputs);
    }

    /// <summary>The longest output file name, in UTF-8 bytes: 255 (Linux, macOS) less the temporary file's ".", ".ldn-PID.tmp".</summary>
    public const int LongestName = 225;

    /// <summary>
    /// The full path that will be written (a link's final target), after checking that its folder exists, that it
    /// is a regular file or absent, and that it is none of <paramref name="inputs"/> (paths of files the command
    /// reads, links followed; null entries are ignored): call it before long work, so a typo fails at once.
    /// </summary>
    /// <exception cref="InvalidInputException">In one sentence naming <paramref name="path"/>.</exception>
    public static string Check(string path, params IEnumerable<string?> inputs)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            throw new InvalidInputException("An output file name is empty.");
        }

        var (kind, target) = FileKinds.Of(FullPath(path));
        var folder = Path.GetDirectoryName(target) ?? ".";
        // The file is first written as ".NAME.ldn-PID.tmp": a name that leaves no room for that fails late (after a long run, or inside Chromium).
        if (System.Text.Encoding.UTF8.GetByteCount(Path.GetFileName(target)) > LongestName)
        {
            throw new InvalidInputException($"Cannot write '{path}': the file name is longer than the {LongestName} bytes an output name can be.");
        }

        if (!Directory.Exists(folder))
        {
            throw new InvalidInputException($"Cannot write '{path}': the folder '{folder}' does not exist.");
        }

        if (kind is not (FileKind.Missing or FileKind.Regular))
        {
            throw new InvalidInputException($"Cannot write '{path}': it is {FileKinds.Describe(kind)}.");
        }

        foreach (var input in inputs)
        {
            if (!string.IsNullOrWhiteSpace(input) && SamePath(FileKinds.FinalTarget(FullPath(input)), target))
            {
                throw new InvalidInputException($"Cannot write '{path}': it is the same file as '{input}', which this command also uses; name another output file.");
            }
        }

        return target;
    }

    /// <summary>
    /// Lets <paramref name="produce"/> write the file at a temporary path in the target's folder (another
    /// program may write it, as Chromium writes a PDF), then moves it over the target; on failure the
    /// temporary file is removed and the target is untouched.
    /// </summary>
    /// <exception cref="InvalidInputException">As <see cref="Check"/>, or the write failed (a full disk says so).</exception>
    public static void Produce(string path, Action<string> produce, params IEnumerable<string?> inputs)
    {
        ArgumentNullException.ThrowIfNull(produce);
        var target = Check(path, inputs);
        var folder = Path.GetDirectoryName(target) ?? ".";
        RemoveStaleTemporaries(folder);
        var temporary = Path.Combine(folder, string.Create(CultureInfo.InvariantCulture, $".{Path.GetFileName(target)}{TemporaryMarker}{Environment.ProcessId}{TemporarySuffix}"));
        try
        {
            produce(temporary);
            if (!OperatingSystem.IsWindows() && File.Exists(target))
            {
                // Replacing a file by a rename gives it the new file's mode; keep the one the user chose.
                File.SetUnixFileMode(temporary, File.GetUnixFileMode(target));
            }

            File.Move(temporary, target, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            TryDelete(temporary);
            throw new InvalidInputException(IoErrors.Describe(e, $"Cannot write '{path}'"), e);
        }
        catch
        {
            TryDelete(temporary);
            throw;
        }
    }

    private static string FullPath(string path)
    {
        try
        {
            return Path.GetFullPath(path);
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
        {
            throw new InvalidInputException($"'{path}' is not a usable file name.", e);
        }
    }

    private static bool SamePath(string a, string b) =>
        string.Equals(a, b, OperatingSystem.IsLinux() ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase);

    /// <summary>Removes <c>.NAME.ldn-PID.tmp</c> files in <paramref name="folder"/> whose process no longer runs.</summary>
    internal static void RemoveStaleTemporaries(string folder)
    {
        IEnumerable<string> candidates;
        try
        {
            candidates = Directory.EnumerateFiles(folder, "." + "*" + TemporaryMarker + "*" + TemporarySuffix);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return;
        }

        foreach (var file in candidates)
        {
            var name = Path.GetFileName(file);
            var start = name.LastIndexOf(TemporaryMarker, StringComparison.Ordinal) + TemporaryMarker.Length;
            var digits = name[start..^TemporarySuffix.Length];
            if (int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var pid) && pid != Environment.ProcessId && !IsRunning(pid))
            {
                TryDelete(file);
            }
        }
    }

    private static bool IsRunning(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
        catch (InvalidOperationException)
        {
            return false;
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
