using System.CommandLine;
using Ldn.Core.Conditions;

namespace Ldn.Cli.Commands;

/// <summary>The <c>--condition</c> and <c>--tlr4</c> options shared by the mechanism commands.</summary>
internal static class ConditionOptions
{
    public static Option<string?> Condition() => new("--condition")
    {
        Description = "Condition whose immune parameters and outcome scale to use: " + string.Join(", ", ConditionCatalog.All.Select(c => c.Id))
            + ", or a condition file (YAML). Default: generic.",
    };

    public static Option<bool> Tlr4() => new("--tlr4")
    {
        Description = "Switch on the TLR4 term (needs ≈30,000× the LDN concentration to matter; see docs/model.md).",
    };

    /// <summary>A catalogue name, or a path to a condition file if it ends in .yaml/.yml.</summary>
    public static ConditionDefinition Resolve(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return ConditionCatalog.Generic;
        }

        if (name.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".yml", StringComparison.OrdinalIgnoreCase))
        {
            return ConditionCatalog.Parse(TextFiles.ReadUtf8(name, "condition file", 1 << 20), name);
        }

        return ConditionCatalog.Find(name);
    }
}
