using System.Text.Json;
using Ldn.Core.Advice;
using Ldn.Core.Journal;
using NodaTime;
using Xunit;

namespace Ldn.Core.Tests.Journal;

public sealed class JournalDocumentTests
{
    internal static JournalData Demo() => DemoJournal.Create(7, new LocalDate(2027, 4, 30), 84, DateTimeZoneProviders.Tzdb["Europe/Oslo"]);

    [Fact]
    public void A_journal_round_trips_through_its_json_document_without_loss()
    {
        var data = Demo();
        var json = JsonSerializer.Serialize(JournalDocument.From(data), JournalDocument.Options);
        var back = JournalDocument.Read(json, "export.json");
        Assert.Equal(data.Profile, back.Profile with { Conditions = data.Profile.Conditions });
        Assert.Equal(data.Profile.Conditions, back.Profile.Conditions);
        Assert.Equal(data.Doses, back.Doses);
        Assert.Equal(data.CheckIns, back.CheckIns);
        Assert.Equal(data.SideEffects, back.SideEffects);
        Assert.Equal(data.Events, back.Events);
        Assert.Equal(data.Medications, back.Medications);
        Assert.Equal(data.Plan!.SetAt, back.Plan!.SetAt);
        Assert.Equal(Ldn.Core.Protocols.PlanDocument.ReadSteps(data.Plan.PlanJson, "a"), Ldn.Core.Protocols.PlanDocument.ReadSteps(back.Plan.PlanJson, "b"));
    }

    [Fact]
    public void The_show_contract_fields_are_there()
    {
        using var json = JsonDocument.Parse(JsonSerializer.Serialize(JournalDocument.From(Demo()), JournalDocument.Options));
        var root = json.RootElement;
        var dose = root.GetProperty("doses")[0];
        foreach (var field in new[] { "at", "doseMg", "formulation", "skipped" })
        {
            Assert.True(dose.TryGetProperty(field, out _), field);
        }

        var checkIn = root.GetProperty("checkIns")[0];
        foreach (var field in new[] { "at", "fatigue", "pain", "sleep", "mood", "focus", "note" })
        {
            Assert.True(checkIn.TryGetProperty(field, out _), field);
        }

        var sideEffect = root.GetProperty("sideEffects")[0];
        foreach (var field in new[] { "kind", "severity", "from", "to" })
        {
            Assert.True(sideEffect.TryGetProperty(field, out _), field);
        }

        Assert.Equal(JsonValueKind.Array, root.GetProperty("events").ValueKind);
        Assert.EndsWith("+01:00", dose.GetProperty("at").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{}", "must declare")]
    [InlineData("not json", "is not a journal export")]
    [InlineData("{\"schema\":\"ldn-journal/1\"}", "has no profile")]
    [InlineData("{\"schema\":\"ldn-journal/1\",\"profile\":{\"timeZone\":\"Mars/Base\"}}", "not a known IANA time zone")]
    [InlineData("{\"schema\":\"ldn-journal/1\",\"profile\":{\"timeZone\":\"UTC\"},\"doses\":[{\"at\":\"yesterday\",\"timeZone\":\"UTC\",\"doseMg\":1}]}", "unusable time 'yesterday' in dose 1")]
    [InlineData("{\"schema\":\"ldn-journal/1\",\"profile\":{\"timeZone\":\"UTC\"},\"checkIns\":[{\"at\":\"2026-12-01T08:00:00Z\",\"timeZone\":\"UTC\",\"pain\":11}]}", "score outside 0–10")]
    [InlineData("{\"schema\":\"ldn-journal/1\",\"profile\":{\"timeZone\":\"UTC\"},\"sideEffects\":[{\"kind\":\"sneezing\",\"severity\":\"mild\",\"from\":\"2026-12-01T08:00:00Z\",\"timeZone\":\"UTC\"}]}", "not a known side-effect kind")]
    [InlineData("{\"schema\":\"ldn-journal/1\",\"profile\":{\"timeZone\":\"UTC\"},\"dosez\":[]}", "is not a journal export")]
    public void A_broken_or_hostile_document_is_one_sentence(string json, string expected)
    {
        var error = Assert.Throws<InvalidInputException>(() => JournalDocument.Read(json, "in.json"));
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void A_ten_megabyte_note_is_refused()
    {
        var data = Demo();
        var document = JournalDocument.From(data) with { Events = [new EventDocument(0, 1, "2027-04-01T10:00:00+02:00", "Europe/Oslo", "other", new string('x', 10_000_001))] };
        var error = Assert.Throws<InvalidInputException>(() => JournalDocument.Read(JsonSerializer.Serialize(document, JournalDocument.Options), "big.json"));
        Assert.Contains("notes hold at most", error.Message, StringComparison.Ordinal);
    }
}
