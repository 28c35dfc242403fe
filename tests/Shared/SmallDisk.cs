using System.Diagnostics;

namespace Ldn.Tests.Shared;

/// <summary>
/// A real small file system for the full-disk tests: a tmpfs of a given size mounted over a folder (root only,
/// as CI runs; elsewhere <see cref="Mount"/> says no and the test has nothing honest to check), filled to the
/// last byte by <see cref="Fill"/>. One file compiled into the CLI and web test projects (linked from tests/Shared).
/// </summary>
internal static class SmallDisk
{
    /// <summary>Mounts a tmpfs of <paramref name="size"/> (e.g. <c>400k</c>) over <paramref name="folder"/>; false when not allowed (not root, not Linux).</summary>
    public static bool Mount(string folder, string size) =>
        OperatingSystem.IsLinux() && Run("mount", "-t", "tmpfs", "-o", $"size={size}", "tmpfs", folder) == 0;

    /// <summary>Remounts <paramref name="folder"/> read-only, or read-write again.</summary>
    public static bool Remount(string folder, bool readOnly) => Run("mount", "-o", readOnly ? "remount,ro" : "remount,rw", folder) == 0;

    public static void Unmount(string folder) => Run("umount", folder);

    /// <summary>Writes the file <c>filler</c> in <paramref name="folder"/> until the disk is full; returns its path.</summary>
    public static string Fill(string folder)
    {
        var path = Path.Combine(folder, "filler");
        using var filler = new FileStream(path, FileMode.CreateNew);
        var block = new byte[4096];
        try
        {
            while (true)
            {
                filler.Write(block);
                filler.Flush();
            }
        }
        catch (IOException)
        {
            // Full: what the test wants.
        }

        return path;
    }

    private static int Run(string file, params string[] args)
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo(file, args) { RedirectStandardError = true, RedirectStandardOutput = true })!;
            process.WaitForExit();
            return process.ExitCode;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return -1;
        }
    }
}
