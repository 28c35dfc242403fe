using System.Text.Json;
using Xunit;

namespace Ldn.Cli.Tests;

/// <summary>
/// <c>ldn compound</c>: the binding JSON fields carry the worked examples, the tables show units, and
/// every bad input is one sentence on stderr with exit code 2.
/// </summary>
public sealed class CompoundCommandTests
{
    private static JsonElement Json(params string[] args)
    {
        var (code, stdout, stderr) = CliRunner.Run([.. args, "--json"]);
        Assert.True(code == 0, stderr);
        Assert.Equal(string.Empty, stderr);
        Assert.Single(stdout.TrimEnd().Split('\n'));
        using var doc = JsonDocument.Parse(stdout);
        return doc.RootElement.Clone();
    }

    [Fact]
    public void Liquid_50_mg_in_50_mL_measures_1_5_mg_as_1_5_mL()
    {
        // 50 mg / 50 mL = 1 mg/mL; 1.5 mg → 1.50 mL → 1.5 mg, 0 %. No syringe named: a 1 mL one would need
        // 2 fills, so the 3 mL syringe (marked every 0.1 mL, 1.5 mL exact in one fill) is chosen.
        var root = Json("compound", "liquid", "--tablet", "50mg", "--volume", "50mL", "--dose", "1.5mg");
        Assert.Equal(1m, root.GetProperty("concentrationMgPerMl").GetDecimal());
        Assert.Equal(1.5m, root.GetProperty("volumePerDoseMl").GetDecimal());
        Assert.Equal(1.5m, root.GetProperty("actualDoseMg").GetDecimal());
        Assert.Equal(0m, root.GetProperty("roundingErrorPercent").GetDecimal());
        Assert.Equal(1, root.GetProperty("draws").GetInt32());
        Assert.Equal(33, root.GetProperty("dosesPerBatch").GetInt32());
        Assert.Equal(3m, root.GetProperty("syringeMl").GetDecimal());
        Assert.Equal(0.1m, root.GetProperty("graduationMl").GetDecimal());

        var oneMl = Json("compound", "liquid", "--tablet", "50mg", "--volume", "50mL", "--dose", "1.5mg", "--syringe", "1mL");
        Assert.Equal(2, oneMl.GetProperty("draws").GetInt32());
        Assert.Equal(0.01m, oneMl.GetProperty("graduationMl").GetDecimal());
        Assert.Contains("pharmacist's label governs", root.GetProperty("storage").GetString(), StringComparison.Ordinal);
        Assert.Contains("not medical advice", root.GetProperty("notice").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Liquid_50_mg_in_30_mL_gives_4_5_mg_as_2_70_mL_in_3_draws()
    {
        // 4.5 × 30 / 50 = 2.70 mL exactly; ceiling(2.7 / 1) = 3 fills; 50/30 = 1.6666666667 to 10 places.
        var root = Json("compound", "liquid", "--tablet", "50mg", "--volume", "30mL", "--dose", "4.5mg", "--syringe", "1mL");
        Assert.Equal(1.6666666667m, root.GetProperty("concentrationMgPerMl").GetDecimal());
        Assert.Equal(2.7m, root.GetProperty("volumePerDoseMl").GetDecimal());
        Assert.Equal(4.5m, root.GetProperty("actualDoseMg").GetDecimal());
        Assert.Equal(3, root.GetProperty("draws").GetInt32());
        Assert.Single(root.GetProperty("warnings").EnumerateArray());
    }

    [Fact]
    public void Liquid_without_a_dose_gives_the_concentration_and_nulls()
    {
        var root = Json("compound", "liquid", "--tablet", "50mg", "--volume", "100mL");
        Assert.Equal(0.5m, root.GetProperty("concentrationMgPerMl").GetDecimal());
        foreach (var field in new[] { "doseMg", "volumePerDoseMl", "actualDoseMg", "roundingErrorPercent", "draws", "dosesPerBatch" })
        {
            Assert.Equal(JsonValueKind.Null, root.GetProperty(field).ValueKind);
        }
    }

    [Fact]
    public void Liquid_graduation_overrides_the_typical_one()
    {
        // 1 mg of 3 mg/mL = 0.333 mL; a 3 mL syringe read to 0.01 mL gives 0.33 mL = 0.99 mg, −1 %.
        var root = Json("compound", "liquid", "--tablet", "3mg", "--volume", "1mL", "--dose", "1mg", "--syringe", "3mL", "--graduation", "0.01mL");
        Assert.Equal(0.33m, root.GetProperty("volumePerDoseMl").GetDecimal());
        Assert.Equal(0.99m, root.GetProperty("actualDoseMg").GetDecimal());
        Assert.Equal(-1m, root.GetProperty("roundingErrorPercent").GetDecimal());
    }

    [Fact]
    public void Capsules_30_of_4_5_mg_from_50_mg_tablets()
    {
        // 135 mg total, 3 tablets (150 mg, 15 mg over, enough for 33), 4.05–4.95 mg per capsule.
        var root = Json("compound", "capsules", "--dose", "4.5mg", "--count", "30", "--tablet", "50mg");
        Assert.Equal(3, root.GetProperty("tabletsNeeded").GetInt32());
        Assert.Equal(135m, root.GetProperty("totalActiveMg").GetDecimal());
        Assert.Equal(4.5m, root.GetProperty("perCapsuleMg").GetDecimal());
        Assert.Equal(4.05m, root.GetProperty("perCapsuleMinMg").GetDecimal());
        Assert.Equal(4.95m, root.GetProperty("perCapsuleMaxMg").GetDecimal());
        Assert.Equal(15m, root.GetProperty("excessActiveMg").GetDecimal());
        Assert.Equal(33, root.GetProperty("capsulesFromWholeTablets").GetInt32());
        Assert.Contains("Cote", root.GetProperty("storage").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Drops_1_mg_per_mL_of_0_05_mL_give_1_5_mg_as_30_drops()
    {
        var root = Json("compound", "drops", "--concentration", "1mg/mL", "--drop", "0.05mL", "--dose", "1.5mg");
        Assert.Equal(30, root.GetProperty("dropsPerDose").GetInt32());
        Assert.Equal(1.5m, root.GetProperty("actualDoseMg").GetDecimal());
        Assert.Equal(0m, root.GetProperty("roundingErrorPercent").GetDecimal());
        Assert.Equal(0.05m, root.GetProperty("dropVolumeMl").GetDecimal());
    }

    [Theory]
    [InlineData("liquid", "--tablet", "50mg", "--volume", "30mL", "--dose", "4.5mg")]
    [InlineData("capsules", "--dose", "4.5mg", "--count", "30", "--tablet", "50mg")]
    [InlineData("drops", "--concentration", "1mg/mL", "--drop", "0.05mL", "--dose", "1.5mg")]
    public void Tables_show_units_and_the_notice(params string[] args)
    {
        var (code, stdout, stderr) = CliRunner.Run(["compound", .. args]);
        Assert.Equal(0, code);
        Assert.Equal(string.Empty, stderr);
        Assert.Contains(" mg", stdout, StringComparison.Ordinal);
        Assert.Contains("not medical advice", stdout, StringComparison.Ordinal);
        Assert.Contains("label governs", stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("liquid", "--tablet", "50mg", "--volume", "50mL", "--dose", "4.5kg")]
    [InlineData("liquid", "--tablet", "50mg", "--volume", "50mL", "--dose", "-1mg")]
    [InlineData("liquid", "--tablet", "50mg", "--volume", "0mL")]
    [InlineData("liquid", "--tablet", "50mg", "--volume", "100L")]
    [InlineData("liquid", "--tablet", "abc", "--volume", "50mL")]
    [InlineData("liquid", "--tablet", "1e30mg", "--volume", "50mL")]
    [InlineData("liquid", "--tablet", "0mg", "--volume", "50mL")]
    [InlineData("liquid", "--tablet", "50mg", "--volume", "50mL", "--dose", "４.５mg")]
    [InlineData("liquid", "--tablet", "50mg", "--volume", "50mL", "--dose", "NaN")]
    [InlineData("liquid", "--tablet", "50mg", "--volume", "50mL", "--dose", "60mg")]
    [InlineData("liquid", "--tablet", "50mg", "--volume", "5mL", "--dose", "0.05mg")]
    [InlineData("liquid", "--tablet", "50mg", "--volume", "50mL", "--dose", "1.3mg", "--syringe", "10mL")]
    [InlineData("liquid", "--tablet", "50mg", "--volume", "50mL", "--syringe", "7mL")]
    [InlineData("liquid", "--tablet", "50mg", "--volume", "50mL", "--syringe", "1mL", "--graduation", "0.3mL")]
    [InlineData("liquid", "--tablet", "50mg")]
    [InlineData("capsules", "--dose", "4.5mg", "--count", "0", "--tablet", "50mg")]
    [InlineData("capsules", "--dose", "4.5mg", "--count", "abc", "--tablet", "50mg")]
    [InlineData("capsules", "--dose", "4.5mg", "--count", "30", "--tablet", "4.5kg")]
    [InlineData("capsules", "--dose", "1e30mg", "--count", "30", "--tablet", "50mg")]
    [InlineData("drops", "--concentration", "0mg/mL", "--drop", "0.05mL", "--dose", "1mg")]
    [InlineData("drops", "--concentration", "1mg/mL", "--drop", "0.05mL", "--dose", "0.02mg")]
    [InlineData("drops", "--concentration", "1mg/mL", "--drop", "0.05mL", "--dose", "6mg")]
    [InlineData("drops", "--concentration", "1mg/mL", "--drop", "0mL", "--dose", "1mg")]
    [InlineData("drops", "--concentration", "1kg/mL", "--drop", "0.05mL", "--dose", "1mg")]
    public void Mistakes_give_one_sentence_and_exit_2(params string[] args)
    {
        string[] all = ["compound", .. args];
        foreach (var json in new[] { false, true })
        {
            var (code, stdout, stderr) = CliRunner.Run(json ? [.. all, "--json"] : all);
            Assert.Equal(2, code);
            Assert.Equal(string.Empty, stdout);
            var lines = stderr.TrimEnd().Split('\n');
            Assert.Single(lines);
            Assert.EndsWith(".", lines[0], StringComparison.Ordinal);
        }
    }
}
