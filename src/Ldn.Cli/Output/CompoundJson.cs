using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using Ldn.Core;
using Ldn.Core.Compounding;

namespace Ldn.Cli.Output;

/// <summary>
/// The JSON contract of <c>ldn compound … --json</c> (issue 4). The binding field names are
/// <c>concentrationMgPerMl</c>, <c>volumePerDoseMl</c>, <c>actualDoseMg</c>, <c>roundingErrorPercent</c>
/// (liquid), <c>tabletsNeeded</c>, <c>totalActiveMg</c>, <c>perCapsuleMg</c>, <c>perCapsuleMinMg</c>,
/// <c>perCapsuleMaxMg</c> (capsules) and <c>dropsPerDose</c>, <c>actualDoseMg</c> (drops); add, never rename.
/// Figures are the exact decimals, trimmed of trailing zeros; a quotient that does not terminate
/// (50 mg / 30 mL) is rounded to 10 decimal places, far below anything a pharmacy can measure.
/// </summary>
internal static class CompoundJson
{
    private const int Places = 10;

    /// <summary>
    /// The simulation options, but with ±, – and apostrophes written as themselves: the documents go to a
    /// terminal or a pipe, never into HTML, so escaping them would only make the text harder to read.
    /// </summary>
    private static readonly JsonSerializerOptions Options = new(DocumentJson.Options)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static void Write<T>(T document, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteLine(JsonSerializer.Serialize(document, Options));
    }

    public static LiquidDocument From(LiquidBatch batch, Syringe syringe, MeasuredLiquidDose? dose)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ArgumentNullException.ThrowIfNull(syringe);
        var warnings = new List<string>();
        if (dose is { Draws: > 1 })
        {
            warnings.Add(Fmt($"The dose is {dose.VolumeMl.Normalize()} mL, more than the {syringe.CapacityMl.Normalize()} mL syringe holds: draw it in {dose.Draws} fills (each fill adds its own reading error) or use a larger syringe."));
        }

        return new LiquidDocument(
            J(batch.TabletMg),
            J(batch.VolumeMl),
            J(batch.ConcentrationMgPerMl),
            dose is null ? null : J(dose.WantedMg),
            J(syringe.CapacityMl),
            J(syringe.GraduationMl),
            dose is null ? null : J(dose.VolumeMl),
            dose is null ? null : J(dose.ActualDoseMg),
            dose is null ? null : J(dose.RoundingErrorPercent),
            dose?.Draws,
            dose is null ? null : batch.DosesPerBatch(dose),
            StorageGuidance.Liquid,
            warnings,
            LdnApp.Notice);
    }

    public static CapsuleDocument From(CapsuleBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        return new CapsuleDocument(
            J(batch.DoseMg),
            batch.Count,
            J(batch.TabletMg),
            J(batch.TotalActiveMg),
            batch.TabletsNeeded,
            J(batch.WholeTabletsMg),
            J(batch.ExcessActiveMg),
            J(batch.FractionOfBlendToUse),
            batch.CapsulesFromWholeTablets,
            J(batch.PerCapsuleMg),
            J(batch.PerCapsuleMinMg),
            J(batch.PerCapsuleMaxMg),
            J(batch.TolerancePercent),
            "±10% per capsule is this project's requirement (issue 4) and a common compounding acceptance range (90–110% of label); it is an assumption, not a USP <905> content-uniformity test.",
            StorageGuidance.Capsules,
            [],
            LdnApp.Notice);
    }

    public static DropDocument From(MeasuredDropDose dose)
    {
        ArgumentNullException.ThrowIfNull(dose);
        var warnings = new List<string>
        {
            "Drop volume varies with the dropper, the angle and the liquid: measure it by counting drops into a graduated syringe.",
        };
        if (Math.Abs(dose.RoundingErrorPercent) > CompoundingLimits.LargestRoundingErrorPercent)
        {
            warnings.Add(Fmt($"Whole drops give {Math.Round(dose.ActualDoseMg, 4).Normalize()} mg instead of {dose.WantedMg.Normalize()} mg ({dose.RoundingErrorPercent:+0.0;-0.0}%, beyond ±{CompoundingLimits.LargestRoundingErrorPercent}%): a more dilute liquid or a syringe would be closer."));
        }

        return new DropDocument(
            J(dose.ConcentrationMgPerMl),
            J(dose.DropVolumeMl),
            J(dose.WantedMg),
            dose.DropsPerDose,
            J(dose.VolumeMl),
            J(dose.ActualDoseMg),
            J(dose.RoundingErrorPercent),
            StorageGuidance.Liquid,
            warnings,
            LdnApp.Notice);
    }

    private static decimal J(decimal value) => Math.Round(value, Places, MidpointRounding.ToEven).Normalize();

    private static string Fmt(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}

internal sealed record LiquidDocument(
    decimal TabletMg,
    decimal VolumeMl,
    decimal ConcentrationMgPerMl,
    decimal? DoseMg,
    decimal SyringeMl,
    decimal GraduationMl,
    decimal? VolumePerDoseMl,
    decimal? ActualDoseMg,
    decimal? RoundingErrorPercent,
    int? Draws,
    int? DosesPerBatch,
    string Storage,
    IReadOnlyList<string> Warnings,
    string Notice);

internal sealed record CapsuleDocument(
    decimal DoseMg,
    int Count,
    decimal TabletMg,
    decimal TotalActiveMg,
    int TabletsNeeded,
    decimal WholeTabletsMg,
    decimal ExcessActiveMg,
    decimal FractionOfBlendToUse,
    int CapsulesFromWholeTablets,
    decimal PerCapsuleMg,
    decimal PerCapsuleMinMg,
    decimal PerCapsuleMaxMg,
    decimal TolerancePercent,
    string ToleranceSource,
    string Storage,
    IReadOnlyList<string> Warnings,
    string Notice);

internal sealed record DropDocument(
    decimal ConcentrationMgPerMl,
    decimal DropVolumeMl,
    decimal DoseMg,
    int DropsPerDose,
    decimal VolumePerDoseMl,
    decimal ActualDoseMg,
    decimal RoundingErrorPercent,
    string Storage,
    IReadOnlyList<string> Warnings,
    string Notice);
