using System.Globalization;
using Ldn.Core.Pharmacology;
using Ldn.Core.Population;
using Spectre.Console;

namespace Ldn.Cli.Output;

/// <summary>The human view of a population run: the p5 / p50 / p95 bands once a week, at the dosing time.</summary>
internal static class PopulationView
{
    public static void Write(PopulationResult result, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(result);
        var console = ConsoleFactory.For(writer);
        var settings = result.Settings;
        var instrument = result.Condition.Parameters.Instrument;
        ConsoleText.Line(console, Markup.Escape(
            $"{settings.Subjects:N0} virtual subjects (seed {settings.Seed}), {settings.Dose} daily at {settings.At} for {settings.Weeks} weeks; "
            + $"scenario {settings.Scenario.Name()}; condition: {result.Condition.Id}" + (settings.Tlr4 ? "; TLR4 term on." : ".")));
        ConsoleText.Line(console, Markup.Escape(
            $"Each cell: p5 / median / p95 across subjects, just before the week's first dose. Score: {instrument.Name} ({instrument.Unit})."));

        var table = new Table()
            .Border(TableBorder.Rounded)
            .AddColumn(new TableColumn("Week").RightAligned())
            .AddColumn(new TableColumn("MOR blockade").RightAligned())
            .AddColumn(new TableColumn("Signalling S").RightAligned())
            .AddColumn(new TableColumn("Inflammation").RightAligned())
            .AddColumn(new TableColumn("Score").RightAligned());
        foreach (var (week, point) in WeeklyRows(result))
        {
            table.AddRow(
                week.ToString(CultureInfo.InvariantCulture),
                Format(result.Band(point, PopulationMetric.Mor), "0.000"),
                Format(result.Band(point, PopulationMetric.Signalling), "0.000"),
                Format(result.Band(point, PopulationMetric.Inflammation), "0.000"),
                Format(result.Band(point, PopulationMetric.ClinicalScore), "0.0"));
        }

        StackedRecords.Write(console, table);
        var h = result.Histogram;
        ConsoleText.Line(console, Markup.Escape(string.Create(
            CultureInfo.InvariantCulture,
            $"Percentiles come from {PopulationHistogram.Bins}-bin histograms: accurate to {h.Resolution(PopulationMetric.Mor):0.####} (MOR), {h.Resolution(PopulationMetric.Signalling):0.####} (S), {h.Resolution(PopulationMetric.Inflammation):0.####} (I), {h.Resolution(PopulationMetric.ClinicalScore):0.###} (score).")));
        ConsoleText.Line(console, Markup.Escape(LdnApp.Notice));
    }

    /// <summary>Grid index of t = 0 and of each week's end (the nearest grid time at or before it).</summary>
    internal static IEnumerable<(int Week, int Point)> WeeklyRows(PopulationResult result)
    {
        var times = result.TimeHours;
        var point = 0;
        for (var week = 0; week <= result.Settings.Weeks; week++)
        {
            var target = week * 168.0;
            while (point + 1 < times.Count && times[point + 1] <= target + 1e-9)
            {
                point++;
            }

            yield return (week, point);
        }
    }

    private static string Format(PercentileBand band, string format) =>
        string.Create(CultureInfo.InvariantCulture, $"{band.P5.ToString(format, CultureInfo.InvariantCulture)} / {band.P50.ToString(format, CultureInfo.InvariantCulture)} / {band.P95.ToString(format, CultureInfo.InvariantCulture)}");
}
