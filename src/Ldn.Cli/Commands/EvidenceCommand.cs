using System.CommandLine;

namespace Ldn.Cli.Commands;

/// <summary><c>ldn evidence</c> (being built for issue 4).</summary>
internal static class EvidenceCommand
{
#pragma warning disable IDE0060 // The writers are used once the command is built.
    public static Command Create(TextWriter stdout, TextWriter stderr) => new("evidence", "What the published studies show for a condition, strongest evidence first.");
#pragma warning restore IDE0060
}
