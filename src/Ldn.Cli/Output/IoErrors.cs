namespace Ldn.Cli.Output;

/// <summary>
/// One sentence for a failed read or write, naming the cause a user can act on. A full disk and a read-only file
/// system say so plainly; anything else ends with the system's own message, without exception type names.
/// </summary>
internal static class IoErrors
{
    // errno values as .NET reports them in IOException.HResult on Unix (the low 16 bits) and their Windows twins.
    private const int DiskFullUnix = 28;          // ENOSPC
    private const int QuotaUnix = 122;            // EDQUOT
    private const int ReadOnlyUnix = 30;          // EROFS
    private const int DiskFullWindows = 0x70;     // ERROR_DISK_FULL
    private const int HandleDiskFullWindows = 0x27; // ERROR_HANDLE_DISK_FULL

    /// <summary>"<paramref name="subject"/>: the disk is full: nothing was written." and the like.</summary>
    public static string Describe(Exception error, string subject)
    {
        ArgumentNullException.ThrowIfNull(error);
        var code = error.HResult & 0xFFFF;
        if (error is IOException && code is DiskFullUnix or QuotaUnix or DiskFullWindows or HandleDiskFullWindows)
        {
            return $"{subject}: the disk is full: nothing was written.";
        }

        if (code == ReadOnlyUnix)
        {
            return $"{subject}: the file system is read-only: nothing was written.";
        }

        if (error is UnauthorizedAccessException)
        {
            return $"{subject}: permission denied: nothing was written.";
        }

        return $"{subject}: {error.Message.TrimEnd('.')}.";
    }
}
