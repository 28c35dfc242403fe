using System.CommandLine;
using Ldn.Cli.Output;
using Ldn.Core.Advice;

namespace Ldn.Cli.Commands;

/// <summary>
/// <c>ldn advise --state FILE [--json]</c>: read where a patient is in a titration (dose, days on the
/// step, side effects, flare, medications, conditions) and print the action of the first adjustment
/// rule that holds (data/rules/adjustment.yaml), its reason and source, and every safety finding.
/// </summary>
internal static class AdviseCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var state = new Option<string>("--state") { Description = "State file (YAML or JSON): currentDoseMg, daysOnStep, sideEffects, medications… (see docs/safety-and-advice.md).", Required = true };
        var json = new Option<bool>("--json") { Description = "Print one JSON document on stdout instead of text." };
        var command = new Command("advise", "Decide the next titration action from the current state (side effects, flare, medications).")
        {
            state, json,
        };

        command.SetAction(parse =>
        {
            var file = parse.GetValue(state)!;
            var advice = AdjustmentRules.Decide(AdviceStateReader.Read(TextFiles.ReadUtf8(file, "state file", 1 << 20), file, ProtocolFiles.Resolve));
            if (parse.GetValue(json))
            {
                AdviceJson.Write(advice, stdout);
            }
            else
            {
                AdviceView.Write(advice, stdout);
            }

            _ = stderr;
            return LdnApp.Success;
        });
        return command;
    }
}
