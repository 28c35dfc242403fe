using System.CommandLine;
using Ldn.Cli.Output;
using Ldn.Core;
using Ldn.Core.Compounding;

namespace Ldn.Cli.Commands;

/// <summary>
/// <c>ldn compound</c>: the pharmacist's arithmetic for LDN liquid, capsules and drops, in exact
/// decimals (see docs/compounding.md). Each subcommand prints a small table, or one JSON document with
/// <c>--json</c>; a dose that cannot be measured is bad input (exit 2) with one sentence saying why.
/// </summary>
internal static class CompoundCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(stderr);
        return new Command("compound", "Compounding arithmetic for liquid, capsules and drops (exact decimals).")
        {
            Liquid(stdout),
            Capsules(stdout),
            Drops(stdout),
        };
    }

    /// <summary>One JSON document, or the table view; every subcommand ends the same way.</summary>
    private static int Emit<T>(T document, bool asJson, Action<T, TextWriter> view, TextWriter stdout)
    {
        if (asJson)
        {
            CompoundJson.Write(document, stdout);
        }
        else
        {
            view(document, stdout);
        }

        return LdnApp.Success;
    }

    private static Option<bool> JsonOption() => new("--json") { Description = "Print one JSON document on stdout instead of the table." };

    private static Command Liquid(TextWriter stdout)
    {
        var tablet = new Option<string>("--tablet") { Description = "Naltrexone HCl dissolved or suspended, e.g. 50mg.", Required = true };
        var volume = new Option<string>("--volume") { Description = "Final volume of the liquid, e.g. 50mL.", Required = true };
        var dose = new Option<string?>("--dose") { Description = "Dose to measure, e.g. 1.5mg." };
        var syringe = new Option<string?>("--syringe") { Description = "Oral syringe capacity (0.5, 1, 3, 5 or 10 mL have typical graduations); default: the one that measures the dose in the fewest fills with the least rounding (1 mL without a dose)." };
        var graduation = new Option<string?>("--graduation") { Description = "Spacing of the syringe's marks, e.g. 0.01mL (overrides the assumed typical graduation)." };
        var json = JsonOption();
        var command = new Command("liquid", "Concentration of a liquid made from tablets, and the syringe volume that measures a dose.")
        {
            tablet, volume, dose, syringe, graduation, json,
        };
        command.SetAction(parse =>
        {
            var batch = new LiquidBatch(
                ExactQuantity.ParseMilligrams(parse.GetValue(tablet)!, "tablet strength", CompoundingLimits.SmallestDoseMg, CompoundingLimits.LargestSourceMg),
                ExactQuantity.ParseMillilitres(parse.GetValue(volume)!, "volume", CompoundingLimits.SmallestVolumeMl, CompoundingLimits.LargestBatchMl));
            var (syringeText, graduationText) = (parse.GetValue(syringe), parse.GetValue(graduation));
            var chosen = ChooseSyringe(syringeText, graduationText);
            MeasuredLiquidDose? measured = null;
            if (parse.GetValue(dose) is { } doseText)
            {
                var doseMg = ExactQuantity.ParseMilligrams(doseText, "dose", CompoundingLimits.SmallestDoseMg, CompoundingLimits.LargestDoseMg);
                // Without a named syringe, the one that measures this dose best (fewest fills, least rounding).
                (chosen, measured) = syringeText is null && graduationText is null
                    ? SyringeChoice.Best(candidate => batch.Measure(doseMg, candidate))
                    : (chosen, batch.Measure(doseMg, chosen));
            }

            return Emit(CompoundJson.From(batch, chosen, measured), parse.GetValue(json), CompoundView.Write, stdout);
        });
        return command;
    }

    private static Command Capsules(TextWriter stdout)
    {
        var dose = new Option<string>("--dose") { Description = "Naltrexone HCl per capsule, e.g. 4.5mg.", Required = true };
        var count = new Option<string>("--count") { Description = "Number of capsules, e.g. 30.", Required = true };
        var tablet = new Option<string>("--tablet") { Description = "Strength of the tablets crushed, e.g. 50mg.", Required = true };
        var json = JsonOption();
        var command = new Command("capsules", "Whole tablets needed for a batch of capsules, and the range each capsule must meet.")
        {
            dose, count, tablet, json,
        };
        command.SetAction(parse =>
        {
            var batch = CapsuleBatch.Plan(
                ExactQuantity.ParseMilligrams(parse.GetValue(dose)!, "dose", CompoundingLimits.SmallestDoseMg, CompoundingLimits.LargestDoseMg),
                ExactQuantity.ParseCount(parse.GetValue(count)!, "number of capsules", CompoundingLimits.LargestCapsuleCount),
                ExactQuantity.ParseMilligrams(parse.GetValue(tablet)!, "tablet strength", CompoundingLimits.SmallestDoseMg, CompoundingLimits.LargestSourceMg));
            return Emit(CompoundJson.From(batch), parse.GetValue(json), CompoundView.Write, stdout);
        });
        return command;
    }

    private static Command Drops(TextWriter stdout)
    {
        var concentration = new Option<string>("--concentration") { Description = "Concentration of the liquid, e.g. 1mg/mL.", Required = true };
        var drop = new Option<string>("--drop") { Description = "Volume of one drop from this dropper, e.g. 0.05mL (measure it: drops vary).", Required = true };
        var dose = new Option<string>("--dose") { Description = "Dose to give, e.g. 1.5mg.", Required = true };
        var json = JsonOption();
        var command = new Command("drops", "Whole drops that give a dose, and the dose they actually deliver.")
        {
            concentration, drop, dose, json,
        };
        command.SetAction(parse =>
        {
            var measured = DropDosing.Measure(
                ExactQuantity.ParseMilligramsPerMillilitre(parse.GetValue(concentration)!, "concentration", CompoundingLimits.SmallestConcentrationMgPerMl, CompoundingLimits.LargestConcentrationMgPerMl),
                ExactQuantity.ParseMillilitres(parse.GetValue(drop)!, "drop volume", CompoundingLimits.SmallestVolumeMl, CompoundingLimits.LargestDropMl),
                ExactQuantity.ParseMilligrams(parse.GetValue(dose)!, "dose", CompoundingLimits.SmallestDoseMg, CompoundingLimits.LargestDoseMg));
            return Emit(CompoundJson.From(measured), parse.GetValue(json), CompoundView.Write, stdout);
        });
        return command;
    }

    /// <summary>
    /// --syringe alone uses the assumed typical graduation for that size; --graduation overrides it
    /// (and then any capacity is allowed); neither gives the 1 mL, 0.01 mL default.
    /// </summary>
    private static Syringe ChooseSyringe(string? capacityText, string? graduationText)
    {
        var capacityMl = capacityText is null
            ? Syringe.Default.CapacityMl
            : ExactQuantity.ParseMillilitres(capacityText, "syringe capacity", CompoundingLimits.SmallestVolumeMl, CompoundingLimits.LargestSyringeMl);
        if (graduationText is null)
        {
            return capacityText is null ? Syringe.Default : Syringe.ForCapacity(capacityMl);
        }

        var graduationMl = ExactQuantity.ParseMillilitres(graduationText, "syringe graduation", CompoundingLimits.SmallestVolumeMl, CompoundingLimits.LargestSyringeMl);
        return new Syringe(capacityMl, graduationMl).Validated();
    }
}
