using Ldn.Core.Protocols;

namespace Ldn.Cli;

/// <summary>A <c>--protocol</c> argument (or a state file's <c>protocol</c>): a shipped protocol's name, or the path of a user's own protocol file.</summary>
internal static class ProtocolFiles
{
    /// <summary>Protocol files are a few hundred bytes; anything over 1 MB is not one.</summary>
    private const long MaxBytes = 1 << 20;

    public static TitrationProtocol Resolve(string nameOrPath)
    {
        ArgumentNullException.ThrowIfNull(nameOrPath);
        return nameOrPath.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || nameOrPath.EndsWith(".yml", StringComparison.OrdinalIgnoreCase)
            ? ProtocolReader.Read(TextFiles.ReadUtf8(nameOrPath, "protocol file", MaxBytes), nameOrPath)
            : ProtocolCatalog.Find(nameOrPath);
    }
}
