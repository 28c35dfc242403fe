using System.Globalization;
using CsvHelper;
using Ldn.Core.Population;

namespace Ldn.Cli.Output;

/// <summary>
/// <c>population --subjects FILE.csv</c>: one row per virtual subject, in index order. Header: id, each
/// sampled parameter as "name (unit)", dosesTaken, mgTaken, then the summary metrics (names as the JSON
/// fields of <c>simulate</c>/<c>dose-response</c> where they mean the same thing, read off the output grid;
/// steady state = the last 24 h); an empty cell for a metric the run has no value for.
/// </summary>
internal static class PopulationSubjectsCsv
{
    public static readonly string[] Metrics =
        ["dosesTaken", "mgTaken", "morTrough", "morPeak", "inflammationChangeWeek12", "morEnd", "opioidSignallingEnd", "inflammationEnd", "clinicalScoreEnd"];

    public static string[] Header() =>
        [
            "id",
            .. SubjectParameters.Columns.Select(c => $"{c.Name} ({c.Unit})"),
            .. Metrics,
        ];

    public static void Write(PopulationResult result, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(result);
        var options = new CsvWriterOptions { FormatProvider = CultureInfo.InvariantCulture, NewLine = "\n" };
        using var csv = CsvWriter.Create(writer, options, true);
        csv.WriteRecord(Header());
        var row = new List<string>();
        foreach (var s in result.Subjects)
        {
            row.Clear();
            row.Add(s.Index.ToString(CultureInfo.InvariantCulture));
            row.AddRange(s.Parameters.Select(Number));
            row.Add(s.DosesTaken.ToString(CultureInfo.InvariantCulture));
            row.Add(Number(s.MilligramsTaken));
            row.Add(Number(s.MorTrough));
            row.Add(Number(s.MorPeak));
            row.Add(s.InflammationChangeWeek12 is { } i ? Number(i) : "");
            row.Add(Number(s.MorEnd));
            row.Add(Number(s.SignallingEnd));
            row.Add(Number(s.InflammationEnd));
            row.Add(Number(s.ScoreEnd));
            csv.WriteRecord(row.ToArray());
        }

        csv.Flush();
    }

    private static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
