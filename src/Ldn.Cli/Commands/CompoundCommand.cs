using System.CommandLine;

namespace Ldn.Cli.Commands;

/// <summary><c>ldn compound</c> (being built for issue 4).</summary>
internal static class CompoundCommand
{
#pragma warning disable IDE0060 // The writers are used once the command is built.
    public static Command Create(TextWriter stdout, TextWriter stderr) => new("compound", "Compounding arithmetic for liquid, capsules and drops.");
#pragma warning restore IDE0060
}
