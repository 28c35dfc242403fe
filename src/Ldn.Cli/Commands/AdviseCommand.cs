using System.CommandLine;

namespace Ldn.Cli.Commands;

/// <summary><c>ldn advise</c> (being built for issue 4).</summary>
internal static class AdviseCommand
{
#pragma warning disable IDE0060 // The writers are used once the command is built.
    public static Command Create(TextWriter stdout, TextWriter stderr) => new("advise", "Decide the next titration action from the current state (side effects, flare, medications).");
#pragma warning restore IDE0060
}
