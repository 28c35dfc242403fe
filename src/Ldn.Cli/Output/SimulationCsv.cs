using System.Globalization;
using CsvHelper;
using Ldn.Core.Pharmacology;
using Ldn.Core.Units;

namespace Ldn.Cli.Output;

/// <summary>Long-format CSV of the time series: one row per scenario and time point, units in the header.</summary>
internal static class SimulationCsv
{
    public static void Write(SimulationResult result, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(result);
        using var csv = new CsvWriter(writer, CultureInfo.InvariantCulture, leaveOpen: true);
        foreach (var header in new[] { "scenario", "timeHours", "clock", "parentNgPerMl", "metaboliteNgPerMl", "mor", "dor", "kor" })
        {
            csv.WriteField(header);
        }

        csv.NextRecord();
        foreach (var scenario in result.Scenarios)
        {
            var s = scenario.Series;
            for (var i = 0; i < s.Count; i++)
            {
                csv.WriteField(scenario.Scenario.ToString());
                csv.WriteField(s.TimeHours[i]);
                csv.WriteField(result.Regimen.StartClock.Plus(Duration.FromHours(s.TimeHours[i])).ToString());
                csv.WriteField(s.ParentNgPerMl[i]);
                csv.WriteField(s.MetaboliteNgPerMl[i]);
                csv.WriteField(s.Mor[i]);
                csv.WriteField(s.Dor[i]);
                csv.WriteField(s.Kor[i]);
                csv.NextRecord();
            }
        }
    }
}
