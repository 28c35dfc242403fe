using System.Globalization;
using CsvHelper;
using Ldn.Core.Pharmacology;

namespace Ldn.Cli.Output;

/// <summary>The dose–response rows as CSV, with the JSON row field names as the header; empty cells for null.</summary>
internal static class DoseResponseCsv
{
    public static readonly string[] Header =
        ["scenario", "doseMg", "at", "morPeak", "morTrough", "signallingOvershootHours", "nocturnalSignalling", "inflammationChangeWeek12"];

    public static void Write(DoseResponseResult result, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(result);
        var options = new CsvWriterOptions { FormatProvider = CultureInfo.InvariantCulture, NewLine = "\n" };
        using var csv = CsvWriter.Create(writer, options, true);
        csv.WriteRecord(Header);
        foreach (var row in result.Rows)
        {
            csv.WriteRecord(new[]
            {
                row.Scenario.Name(),
                Number(row.Dose.Milligrams),
                row.At.ToString(),
                Number(row.MorPeak),
                Number(row.MorTrough),
                Number(row.SignallingOvershootHours),
                row.NocturnalSignalling is { } s ? Number(s) : "",
                row.InflammationChangeWeek12 is { } i ? Number(i) : "",
            });
        }

        csv.Flush();
    }

    private static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
