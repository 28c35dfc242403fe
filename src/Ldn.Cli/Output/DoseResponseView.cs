using System.Globalization;
using Ldn.Core.Dosing;
using Ldn.Core.Evidence;
using Ldn.Core.Pharmacology;
using Ldn.Core.Pharmacology.ModelAverage;
using Spectre.Console;

namespace Ldn.Cli.Output;

/// <summary>
/// The human view of a dose–response sweep: the clinical dose evidence first, then one table per scenario
/// and dosing time, each with its what-if verdict, then the what-if sensitivity table (when computed).
/// </summary>
internal static class DoseResponseView
{
    private const string Missing = "–";

    public static void Write(DoseResponseResult result, DoseResponseAverage? average, TextWriter writer, ClinicalDoseEvidence evidence, DoseSensitivityTable? sensitivity)
    {
        ArgumentNullException.ThrowIfNull(result);
        var console = ConsoleFactory.For(writer);
        var request = result.Request;
        DoseEvidenceView.Write(console, evidence);
        ConsoleText.Line(console, Markup.Escape(WhatIf.ModelHeading + ". " + WhatIf.Note));
        ConsoleText.Line(console, Markup.Escape(
            $"Daily {request.Formulation.Name()} dosing for {request.Weeks} weeks; condition: {result.Condition.Id}; parameters: {result.Parameters.Name}"
            + (result.Tlr4 ? "; TLR4 term on." : ".")));
        ConsoleText.Line(console, Markup.Escape(
            "MOR peak/trough: blockade over the last dosing interval. S > 1: hours a day with net opioid signalling above baseline. "
            + "Night S: mean signalling 23:00–07:00 on the last night. Inflammation: modelled change at week 12, a what-if (negative = less modelled inflammation)."));

        WriteAverage(console, average);
        foreach (var verdict in result.Verdicts)
        {
            console.WriteLine();
            var table = new Table()
                .Border(TableBorder.Rounded)
                .Title(Markup.Escape($"{(verdict.Scenario is OccupancyScenario.A or OccupancyScenario.B ? "Scenario " : "Structure ")}{verdict.Scenario.Name()}, daily dose at {verdict.At}"))
                .AddColumn(new TableColumn("Dose (mg)").RightAligned())
                .AddColumn(new TableColumn("MOR peak").RightAligned())
                .AddColumn(new TableColumn("MOR trough").RightAligned())
                .AddColumn(new TableColumn("S > 1 (h/day)").RightAligned())
                .AddColumn(new TableColumn("Night S").RightAligned())
                .AddColumn(new TableColumn("Inflammation wk 12 (what-if)").RightAligned());
            foreach (var row in result.Rows.Where(r => r.Scenario == verdict.Scenario && r.At == verdict.At))
            {
                table.AddRow(
                    row.Dose.Milligrams.ToString("0.###", CultureInfo.InvariantCulture),
                    Percent(row.MorPeak),
                    Percent(row.MorTrough),
                    row.SignallingOvershootHours.ToString("0.0", CultureInfo.InvariantCulture),
                    row.NocturnalSignalling is { } s ? s.ToString("0.000", CultureInfo.InvariantCulture) : Missing,
                    row.InflammationChangeWeek12 is { } i ? DoseResponse.Percent(i) : Missing);
            }

            StackedRecords.Write(console, table);
            ConsoleText.Line(console, Markup.Escape(verdict.Statement));
        }

        if (sensitivity is not null)
        {
            console.WriteLine();
            DoseSensitivityView.Write(console, sensitivity);
        }

        console.WriteLine();
        ConsoleText.Line(console, Markup.Escape(DoseResponse.Definition));
        foreach (var note in Notes(result))
        {
            ConsoleText.Line(console, Markup.Escape(note));
        }

        ConsoleText.Line(console, Markup.Escape(LdnApp.Notice));
    }

    /// <summary>Caveats about a run, shared by the table and the JSON document.</summary>
    public static IReadOnlyList<string> Notes(DoseResponseResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var notes = new List<string>();
        if (result.Request.Weeks < 12)
        {
            notes.Add($"{result.Request.Weeks} weeks is shorter than 12, so there is no week-12 inflammation change (– in the table, null in JSON) and no verdict.");
        }

        notes.Add("No human study compared LDN doses head to head, and none shows a loss of effect at higher doses (pharmacology.md §7); "
            + "the human dose evidence is the dose-finding study and the 4.5 mg and 6 mg trials listed first. The inflammation columns and verdicts are what the model implies under its assumptions, not data.");
        return notes;
    }

    /// <summary>The model average first: per clock time one table of dose, MOR trough and peak with their 95% bands (within 80 columns).</summary>
    private static void WriteAverage(IAnsiConsole console, DoseResponseAverage? average)
    {
        if (average is null)
        {
            return;
        }

        var weights = ModelAverageText.Weights(average.Structures);
        foreach (var at in average.Rows.Select(r => r.At).Distinct())
        {
            console.WriteLine();
            var table = new Table()
                .Border(TableBorder.Rounded)
                .Title(Markup.Escape($"Model average, daily dose at {at}"))
                .AddColumn(new TableColumn("Dose (mg)").RightAligned())
                .AddColumn(new TableColumn("MOR trough (95% band)").RightAligned())
                .AddColumn(new TableColumn("MOR peak (95% band)").RightAligned());
            foreach (var row in average.Rows.Where(r => r.At == at))
            {
                table.AddRow(
                    row.Dose.Milligrams.ToString("0.###", CultureInfo.InvariantCulture),
                    WithBand(row.Summary.MorTrough, row.Band.Trough),
                    WithBand(row.Summary.MorPeak, row.Band.Peak));
            }

            StackedRecords.Write(console, table);
        }

        ConsoleText.Line(console, Markup.Escape($"Akaike weights: {weights}. {ModelAverageText.Definition} {average.Replicates} parameter sets per dose."));
    }

    private static string WithBand(double point, BandQuantiles band) =>
        string.Create(CultureInfo.InvariantCulture, $"{Percent(point)} ({band.Low * 100:0.0}–{band.High * 100:0.0})");

    private static string Percent(double fraction) => (fraction * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%";
}
