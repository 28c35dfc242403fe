using System.Text.Json;
using CsvHelper;
using Ldn.Core.Journal;
using Xunit;

namespace Ldn.Core.Tests.Journal;

public sealed class JournalCsvTests
{
    private static string Csv(JournalData data)
    {
        var writer = new StringWriter();
        JournalCsv.Write(JournalDocument.From(data), writer);
        return writer.ToString();
    }

    private static string Json(JournalData data) => JsonSerializer.Serialize(JournalDocument.From(data), JournalDocument.Options);

    private static List<string[]> Cells(string csv)
    {
        using var reader = CsvReader.FromText(csv, new CsvReaderOptions { HasHeader = false, AllowLineBreaksInQuotes = true });
        var rows = new List<string[]>();
        while (reader.Read())
        {
            rows.Add([.. Enumerable.Range(0, reader.FieldCount).Select(i => reader.GetString(i))]);
        }

        return rows;
    }

    [Fact]
    public void The_csv_round_trips_everything_the_json_carries()
    {
        var data = JournalDocumentV2Tests.Rich();
        var back = JournalCsv.Read(Csv(data), "export.csv");
        Assert.Equal(Json(data), Json(back));
        Assert.Contains("score:brain-fog", Cells(Csv(data))[0]);
    }

    [Fact]
    public void Formulas_are_neutralised_in_the_file_and_come_back_unchanged()
    {
        var data = JournalDocumentV2Tests.Rich();
        var csv = Csv(data);
        var cells = Cells(csv).SelectMany(row => row).ToList();
        Assert.DoesNotContain(cells, c => c.Length > 0 && c[0] is '=' or '+' or '-' or '@' or '\t' or '\r');
        Assert.Contains("'=HYPERLINK(\"http://example.invalid\",\"x\")", cells);
        Assert.Contains("'+1 vitamin D", cells);

        var back = JournalCsv.Read(csv, "export.csv");
        Assert.Equal("=HYPERLINK(\"http://example.invalid\",\"x\")", back.Doses[0].Note);
        Assert.Equal("+1 vitamin D", Assert.Single(back.Medications).Name);
        Assert.Equal("'quoted reason", back.History[1].Reason);
    }

    [Theory]
    [InlineData("=1+2")]
    [InlineData("+1")]
    [InlineData("-1")]
    [InlineData("@SUM(A1)")]
    [InlineData("\tx")]
    [InlineData("\rx")]
    [InlineData("'already quoted")]
    [InlineData("''twice")]
    [InlineData("plain")]
    [InlineData("")]
    public void Neutralise_and_restore_are_inverse(string cell)
    {
        var written = JournalCsv.Neutralise(cell);
        Assert.False(written.Length > 0 && written[0] is '=' or '+' or '-' or '@' or '\t' or '\r');
        Assert.Equal(cell, JournalCsv.Restore(written));
    }

    [Fact]
    public void A_csv_of_the_first_export_format_still_imports()
    {
        const string v1 = """
            type,id,at,to,timeZone,doseMg,formulation,skipped,fatigue,pain,sleep,mood,focus,kind,severity,name,note
            profile,,,,,,,,,,,,,,,,"{""name"":null,""timeZone"":""Europe/Oslo"",""conditions"":[],""hepaticImpairment"":false,""renalImpairment"":false,""pregnant"":false,""breastfeeding"":false,""transplantImmunosuppression"":false,""plannedSurgery"":null}"
            plan,,2026-11-20T12:00:00Z,,,,,,,,,,,,,,"{""steps"":[{""from"":""2026-12-01"",""doseMg"":1.5,""at"":""22:00""}]}"
            dose,3,2026-12-01T22:00:00+01:00,,Europe/Oslo,1.5,capsule,false,,,,,,,,,'kept as typed
            check-in,4,2026-12-02T08:00:00+01:00,,Europe/Oslo,,,,6,,5,,,,,,
            """;
        var data = JournalCsv.Read(v1, "old.csv");
        Assert.Equal(new NodaTime.LocalDate(2026, 12, 1), data.Plan!.From);
        Assert.Equal((3L, "'kept as typed"), (Assert.Single(data.Doses).Id, data.Doses[0].Note));
        Assert.Equal((6, 5), (Assert.Single(data.CheckIns).Fatigue, data.CheckIns[0].Sleep));
    }

    [Theory]
    [InlineData("type,id\n", "must have the header")]
    [InlineData("", "is empty")]
    public void A_malformed_csv_is_one_sentence(string csv, string expected)
    {
        var error = Assert.Throws<InvalidInputException>(() => JournalCsv.Read(csv, "in.csv"));
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_score_column_for_a_scale_the_file_does_not_define_is_refused()
    {
        var csv = Csv(JournalDocumentV2Tests.Rich());
        var withoutScale = string.Join('\n', csv.Split('\n').Where(line => !line.StartsWith("scale,", StringComparison.Ordinal)));
        var error = Assert.Throws<InvalidInputException>(() => JournalCsv.Read(withoutScale, "in.csv"));
        Assert.Contains("not one of its scales", error.Message, StringComparison.Ordinal);
    }
}
