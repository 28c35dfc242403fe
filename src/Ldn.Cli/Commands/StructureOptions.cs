using System.CommandLine;
using Ldn.Core;
using Ldn.Core.Pharmacology;

namespace Ldn.Cli.Commands;

/// <summary>
/// <c>--structure NAME|all</c> beside the older <c>--scenario A|B|both</c> (issue 12): the same choice, the
/// structure option naming any blockade structure. Giving both is a mistake, said in one sentence.
/// </summary>
internal static class StructureOptions
{
    public static Option<string?> Structure() => new("--structure")
    {
        Description = "Blockade structure(s): A, B, slow-pool, two-site, slow-binding, a comma list, or all (replaces --scenario).",
    };

    /// <summary>The structures to run: from <paramref name="structure"/> if given, else from <paramref name="scenario"/>.</summary>
    /// <exception cref="InvalidInputException">Both options given, or an unknown name.</exception>
    public static IReadOnlyList<OccupancyScenario> Resolve(ParseResult parse, Option<string> scenario, Option<string?> structure)
    {
        ArgumentNullException.ThrowIfNull(parse);
        if (parse.GetValue(structure) is not { } names)
        {
            return OccupancyScenarios.Parse(parse.GetValue(scenario)!);
        }

        return parse.GetResult(scenario) is { Implicit: false }
            ? throw new InvalidInputException("Give either --scenario or --structure, not both (--structure A,B is --scenario both).")
            : OccupancyScenarios.ParseStructures(names);
    }

    /// <summary>Whether the user chose the structures (<c>--scenario</c> or <c>--structure</c> given): then no average is added.</summary>
    public static bool Explicit(ParseResult parse, Option<string> scenario, Option<string?> structure)
    {
        ArgumentNullException.ThrowIfNull(parse);
        return parse.GetResult(scenario) is { Implicit: false } || parse.GetValue(structure) is not null;
    }
}
