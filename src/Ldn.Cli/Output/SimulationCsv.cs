using System.Globalization;
using CsvHelper;
using Ldn.Core.Pharmacology;
using Ldn.Core.Units;

namespace Ldn.Cli.Output;

/// <summary>Long-format CSV of the time series: one row per scenario and time point, units in the header.</summary>
internal static class SimulationCsv
{
    public static readonly string[] Header = ["scenario", "timeHours", "clock", "parentNgPerMl", "metaboliteNgPerMl", "mor", "dor", "kor", "opioidSignalling", "receptorDensity", "synthesis", "inflammation", "clinicalScore"];

    public static void Write(SimulationResult result, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(result);
        var options = new CsvWriterOptions { FormatProvider = CultureInfo.InvariantCulture, NewLine = "\n" };
        using var csv = CsvWriter.Create(writer, options, true);
        csv.WriteRecord(Header);
        var row = new string[Header.Length];
        foreach (var scenario in result.Scenarios)
        {
            var s = scenario.Series;
            for (var i = 0; i < s.Count; i++)
            {
                row[0] = scenario.Scenario.Name();
                row[1] = Number(s.TimeHours[i]);
                row[2] = result.Regimen.StartClock.Plus(Duration.FromHours(s.TimeHours[i])).ToString();
                row[3] = Number(s.ParentNgPerMl[i]);
                row[4] = Number(s.MetaboliteNgPerMl[i]);
                row[5] = Number(s.Mor[i]);
                row[6] = Number(s.Dor[i]);
                row[7] = Number(s.Kor[i]);
                row[8] = Number(s.OpioidSignalling[i]);
                row[9] = Number(s.ReceptorDensity[i]);
                row[10] = Number(s.Synthesis[i]);
                row[11] = Number(s.Inflammation[i]);
                row[12] = Number(s.ClinicalScore[i]);
                csv.WriteRecord(row);
            }
        }

        csv.Flush();
    }

    private static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
