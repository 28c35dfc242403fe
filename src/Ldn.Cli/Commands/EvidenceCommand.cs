using System.CommandLine;
using Ldn.Cli.Output;
using Ldn.Core.Evidence;

namespace Ldn.Cli.Commands;

/// <summary>
/// <c>ldn evidence [CONDITION] [--json]</c>: what the published studies show, strongest evidence first.
/// Without a condition every condition is listed, strongest best grade first; a condition is matched by
/// id, name or alias, and an unknown one is a one-line error suggesting the nearest.
/// </summary>
internal static class EvidenceCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(stderr);
        var condition = new Argument<string?>("condition") { Description = "Condition id, name or alias (e.g. crohns, MS, FM); all conditions when left out.", Arity = ArgumentArity.ZeroOrOne };
        var json = new Option<bool>("--json") { Description = "Print one JSON document on stdout instead of the tables." };
        var command = new Command("evidence", "What the published studies show for a condition, strongest evidence first.")
        {
            condition, json,
        };

        command.SetAction(parse =>
        {
            var set = EvidenceCatalog.Shipped;
            var name = parse.GetValue(condition);
            var single = name is not null;
            IReadOnlyList<ConditionEvidence> conditions = single ? [set.Find(name!)] : set.Conditions;
            if (parse.GetValue(json))
            {
                EvidenceJson.Write(conditions, set, single, stdout);
            }
            else
            {
                EvidenceView.Write(conditions, set, single, stdout);
            }

            return LdnApp.Success;
        });
        return command;
    }
}
