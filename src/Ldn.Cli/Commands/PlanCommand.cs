using System.CommandLine;

namespace Ldn.Cli.Commands;

/// <summary><c>ldn plan</c> (being built for issue 4).</summary>
internal static class PlanCommand
{
#pragma warning disable IDE0060 // The writers are used once the command is built.
    public static Command Create(TextWriter stdout, TextWriter stderr) => new("plan", "Build a titration plan from a protocol, with safety checks, calendar and CSV.");
#pragma warning restore IDE0060
}
