using System.Globalization;
using Ldn.Core.Compounding;
using Spectre.Console;

namespace Ldn.Cli.Output;

/// <summary>
/// The human view of <c>ldn compound</c>: one small table in which every figure carries its unit, then
/// the warnings, the storage line and the not-medical-advice notice. It shows the same figures as the
/// JSON document, rounded for reading.
/// </summary>
internal static class CompoundView
{
    public static void Write(LiquidDocument d, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(d);
        var table = NewTable("LDN liquid");
        Row(table, "Naltrexone HCl in the batch", Mg(d.TabletMg));
        Row(table, "Final volume", Ml(d.VolumeMl));
        Row(table, "Concentration", Show(d.ConcentrationMgPerMl) + " mg/mL");
        Row(table, "Syringe", $"{Ml(d.SyringeMl)}, marked every {Ml(d.GraduationMl)}");
        if (d.DoseMg is { } dose)
        {
            Row(table, "Dose wanted", Mg(dose));
            Row(table, "Volume per dose", Ml(d.VolumePerDoseMl!.Value) + (d.Draws > 1 ? $" ({d.Draws} fills)" : string.Empty));
            Row(table, "Dose that volume delivers", Mg(d.ActualDoseMg!.Value));
            Row(table, "Rounding error", Percent(d.RoundingErrorPercent!.Value));
            Row(table, "Whole doses per batch", Count(d.DosesPerBatch!.Value, "dose"));
        }

        Finish(ConsoleFactory.For(writer), table, d.Warnings, d.Storage, d.Notice);
    }

    public static void Write(CapsuleDocument d, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(d);
        var table = NewTable("LDN capsules");
        Row(table, "Capsules", $"{d.Count} × {Mg(d.DoseMg)}");
        Row(table, "Total active needed", Mg(d.TotalActiveMg));
        Row(table, "Tablets to crush", $"{d.TabletsNeeded} × {Mg(d.TabletMg)} = {Mg(d.WholeTabletsMg)}");
        Row(table, "Excess active", Mg(d.ExcessActiveMg));
        Row(table, "Per capsule", Mg(d.PerCapsuleMg));
        Row(table, $"Acceptance range (±{Show(d.TolerancePercent)}%, assumed)", $"{Mg(d.PerCapsuleMinMg)} – {Mg(d.PerCapsuleMaxMg)}");
        var notes = new List<string>(d.Warnings);
        if (d.ExcessActiveMg > 0m)
        {
            notes.Add($"{d.TabletsNeeded} tablets = {Mg(d.WholeTabletsMg)}: use {Show(d.FractionOfBlendToUse * 100m)}% of the blend and discard {Mg(d.ExcessActiveMg)}, or make {d.CapsulesFromWholeTablets} capsules from all of it.");
        }

        notes.Add(d.ToleranceSource);
        Finish(ConsoleFactory.For(writer), table, notes, d.Storage, d.Notice);
    }

    public static void Write(DropDocument d, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(d);
        var table = NewTable("LDN drops");
        Row(table, "Concentration", Show(d.ConcentrationMgPerMl) + " mg/mL");
        Row(table, "Drop volume", Ml(d.DropVolumeMl));
        Row(table, "Dose wanted", Mg(d.DoseMg));
        Row(table, "Drops per dose", $"{Count(d.DropsPerDose, "drop")} ({Ml(d.VolumePerDoseMl)})");
        Row(table, "Dose the drops deliver", Mg(d.ActualDoseMg));
        Row(table, "Rounding error", Percent(d.RoundingErrorPercent));
        Finish(ConsoleFactory.For(writer), table, d.Warnings, d.Storage, d.Notice);
    }

    private static Table NewTable(string title) => new Table()
        .Border(TableBorder.Rounded)
        .Title(Markup.Escape(title))
        .AddColumn("Quantity")
        .AddColumn(new TableColumn("Value").RightAligned());

    private static void Row(Table table, string name, string value) => table.AddRow(Markup.Escape(name), Markup.Escape(value));

    private static void Finish(IAnsiConsole console, Table table, IEnumerable<string> notes, string storage, string notice)
    {
        StackedRecords.Write(console, table);
        foreach (var note in notes)
        {
            ConsoleText.Line(console, Markup.Escape(note));
        }

        ConsoleText.Line(console, Markup.Escape(storage));
        ConsoleText.Line(console, Markup.Escape(notice));
    }

    /// <summary>Four decimal places at most: 0.1 µg and 0.0001 mL, beyond what a pharmacy measures.</summary>
    private static string Show(decimal value) => Math.Round(value, 4, MidpointRounding.ToEven).Normalize().ToString(CultureInfo.InvariantCulture);

    private static string Count(int n, string noun) => n.ToString(CultureInfo.InvariantCulture) + " " + noun + (n == 1 ? string.Empty : "s");

    private static string Mg(decimal value) => Show(value) + " mg";

    private static string Ml(decimal value) => Show(value) + " mL";

    private static string Percent(decimal value) =>
        Math.Round(value, 2, MidpointRounding.ToEven).ToString("+0.00;−0.00;0.00", CultureInfo.InvariantCulture) + " %";
}
