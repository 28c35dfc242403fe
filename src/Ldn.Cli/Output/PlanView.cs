using System.Globalization;
using Ldn.Core.Calendar;
using Ldn.Core.Protocols;
using Ldn.Core.Safety;
using Ldn.Core.Evidence;
using Spectre.Console;

namespace Ldn.Cli.Output;

/// <summary>The human view of a plan: the protocol and its source, a table of steps, then the warnings.</summary>
internal static class PlanView
{
    public static void Write(TitrationPlan plan, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var console = ConsoleFactory.For(writer);
        ConsoleText.Line(console, $"[bold]{Markup.Escape(plan.Protocol.Name)}[/] ({Markup.Escape(plan.Protocol.Id)}), starting {plan.Start:yyyy-MM-dd}, daily at {plan.At} ({Markup.Escape(plan.TimeZone.Id)})");
        ConsoleText.Line(console, Markup.Escape("Source: " + PublishedSource.Of(plan.Protocol.Source)));
        var liquid = plan.ConcentrationMgPerMl is not null;
        var table = new Table().Border(TableBorder.Rounded)
            .AddColumn(new TableColumn("Step").RightAligned())
            .AddColumn("From")
            .AddColumn("To")
            .AddColumn(new TableColumn("Days").RightAligned())
            .AddColumn(new TableColumn("Dose").RightAligned())
            .AddColumn("At")
            .AddColumn("Formulation");
        if (liquid)
        {
            table.AddColumn(new TableColumn("Draw").RightAligned()).AddColumn("Syringe").AddColumn(new TableColumn("Dose drawn").RightAligned());
        }

        foreach (var step in plan.Steps)
        {
            var cells = new List<string>
            {
                step.Number.ToString(CultureInfo.InvariantCulture),
                $"{step.From:yyyy-MM-dd}",
                step.To is { } to ? $"{to:yyyy-MM-dd}" : "onwards",
                step.Days?.ToString(CultureInfo.InvariantCulture) ?? "–",
                Mg(step.DoseMg),
                step.At.ToString(),
                step.Formulation.ToString().ToLowerInvariant(),
            };
            if (step.Liquid is { } l)
            {
                cells.Add(l.VolumeMl.ToString("0.00#", CultureInfo.InvariantCulture) + " mL" + (l.Draws > 1 ? $" ({l.Draws} fills)" : ""));
                cells.Add(step.Syringe is { } s ? $"{s.CapacityMl:0.##} mL, {s.GraduationMl:0.###} mL marks" : "–");
                cells.Add($"{Mg(l.ActualDoseMg)} ({l.RoundingErrorPercent.ToString("+0.0;-0.0;0.0", CultureInfo.InvariantCulture)}%)");
            }

            table.AddRow([.. cells.Select(Markup.Escape)]);
        }

        StackedRecords.Write(console, table);
        if (liquid)
        {
            ConsoleText.Line(console, Markup.Escape(
                $"Liquid {Mg(plan.ConcentrationMgPerMl!.Value)}/mL; the volume is rounded to the nearest syringe mark, and 'Dose drawn' is what that volume holds."));
        }

        if (plan.Protocol.LowestTargetMg is { } lowest)
        {
            ConsoleText.Line(console, Markup.Escape($"If a step is not tolerated, the protocol accepts the highest tolerated dose as the target, provided it is at least {Mg(lowest)}."));
        }

        foreach (var warning in plan.Warnings)
        {
            ConsoleText.Line(console, $"[yellow]Warning:[/] {Markup.Escape(warning.Message)} [dim]({Markup.Escape(PublishedSource.Of(warning.Source))})[/]");
        }

        ConsoleText.Line(console, Markup.Escape(LdnApp.Notice));
    }

    private static string Mg(decimal value) => value.ToString("0.###", CultureInfo.InvariantCulture) + " mg";
}
