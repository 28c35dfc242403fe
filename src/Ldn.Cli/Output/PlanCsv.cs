using System.Globalization;
using CsvHelper;
using Ldn.Core.Dosing;
using Ldn.Core.Protocols;

namespace Ldn.Cli.Output;

/// <summary>The plan as CSV: one row per step, units in the header, empty cells where a value does not apply.</summary>
internal static class PlanCsv
{
    public static readonly string[] Header = ["step", "from", "to", "days", "doseMg", "at", "timeZone", "formulation", "volumeMl", "actualDoseMg", "roundingErrorPercent"];

    public static void Write(TitrationPlan plan, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var options = new CsvWriterOptions { FormatProvider = CultureInfo.InvariantCulture, NewLine = "\n" };
        using var csv = CsvWriter.Create(writer, options, true);
        csv.WriteRecord(Header);
        foreach (var step in plan.Steps)
        {
            csv.WriteRecord(new[]
            {
                step.Number.ToString(CultureInfo.InvariantCulture),
                step.From.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                step.To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "",
                step.Days?.ToString(CultureInfo.InvariantCulture) ?? "",
                Number(step.DoseMg),
                step.At.ToString(),
                plan.TimeZone.Id,
                step.Formulation.Name(),
                step.Liquid is { } l ? Number(l.VolumeMl) : "",
                step.Liquid is { } m ? Number(m.ActualDoseMg) : "",
                step.Liquid is { } n ? Number(decimal.Round(n.RoundingErrorPercent, 2)) : "",
            });
        }
    }

    private static string Number(decimal value) => value.ToString("0.####", CultureInfo.InvariantCulture);
}
