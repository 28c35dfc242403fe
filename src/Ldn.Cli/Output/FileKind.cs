using Mono.Unix;

namespace Ldn.Cli.Output;

/// <summary>What a path names on disk, read with <c>lstat</c> (Mono.Unix) before anything opens it.</summary>
internal enum FileKind
{
    /// <summary>Nothing exists at the path.</summary>
    Missing,

    /// <summary>A regular file: the only kind the program reads or replaces.</summary>
    Regular,

    /// <summary>A folder.</summary>
    Directory,

    /// <summary>A character or block device (<c>/dev/zero</c>, a disk).</summary>
    Device,

    /// <summary>A named pipe or a socket: reading could block forever or never end.</summary>
    Pipe,
}

/// <summary>
/// Tells the kind of a path without opening it, following symbolic links to their final target. .NET's own
/// <see cref="File.Exists(string)"/> is true for a device and its length is 0 there, which is how <c>/dev/zero</c>
/// once passed the size check (issue 13); <c>lstat</c> tells a device, a pipe or a socket from a regular file.
/// </summary>
internal static class FileKinds
{
    /// <summary>The kind of what <paramref name="fullPath"/> names, and that thing's own full path (links followed).</summary>
    public static (FileKind Kind, string Target) Of(string fullPath)
    {
        var target = FinalTarget(fullPath);
        if (OperatingSystem.IsWindows())
        {
            return (System.IO.Directory.Exists(target) ? FileKind.Directory : File.Exists(target) ? FileKind.Regular : FileKind.Missing, target);
        }

        var entry = UnixFileSystemInfo.TryGetFileSystemEntry(target, out var info) ? info : null;
        if (entry is null || !entry.Exists)
        {
            return (FileKind.Missing, target);
        }

        var kind = entry.FileType switch
        {
            FileTypes.RegularFile => FileKind.Regular,
            FileTypes.Directory => FileKind.Directory,
            FileTypes.CharacterDevice or FileTypes.BlockDevice => FileKind.Device,
            _ => FileKind.Pipe,
        };
        return (kind, target);
    }

    /// <summary>The kind in words for a sentence: "a folder", "a device", "a pipe or socket".</summary>
    public static string Describe(FileKind kind) => kind switch
    {
        FileKind.Directory => "a folder",
        FileKind.Device => "a device, not a regular file",
        FileKind.Pipe => "a pipe or socket, not a regular file",
        FileKind.Missing => "missing",
        _ => "a regular file",
    };

    /// <summary>
    /// The path a chain of symbolic links ends at (the path itself if it is no link). A dangling link ends at its
    /// missing target, so writing through it creates the target and keeps the link.
    /// </summary>
    public static string FinalTarget(string fullPath)
    {
        try
        {
            var info = new FileInfo(fullPath);
            if (info.LinkTarget is null)
            {
                return fullPath;
            }

            var final = info.ResolveLinkTarget(returnFinalTarget: true);
            return final is null ? fullPath : Path.GetFullPath(final.FullName);
        }
        catch (IOException)
        {
            // A loop of links: report the path itself; opening it then fails with a sentence of its own.
            return fullPath;
        }
    }
}
