using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using CsvHelper;
using Ldn.Core;
using Ldn.Core.Journal;

namespace Ldn.Cli.Output;

/// <summary>
/// The journal as one CSV table for spreadsheets, lossless: one row per entry with a <c>type</c> column
/// (dose, check-in, side-effect, event, medication), and two rows that carry the profile and the plan as
/// JSON in the <c>note</c> column. Import reads exactly this header; anything else is refused.
/// </summary>
internal static class JournalCsv
{
    public static readonly string[] Header = ["type", "id", "at", "to", "timeZone", "doseMg", "formulation", "skipped", "fatigue", "pain", "sleep", "mood", "focus", "kind", "severity", "name", "note"];

    public static void Write(JournalDocument document, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(document);
        using var csv = CsvWriter.Create(writer, new CsvWriterOptions { FormatProvider = CultureInfo.InvariantCulture, NewLine = "\n" }, true);
        csv.WriteRecord(Header);
        void Row(string type, long? id = null, string? at = null, string? to = null, string? zone = null, decimal? dose = null, string? formulation = null, bool? skipped = null,
            int?[]? scores = null, string? kind = null, string? severity = null, string? name = null, string? note = null)
        {
            scores ??= new int?[5];
            csv.WriteRecord((string[])
            [
                type, id?.ToString(CultureInfo.InvariantCulture) ?? "", at ?? "", to ?? "", zone ?? "", dose?.ToString(CultureInfo.InvariantCulture) ?? "", formulation ?? "",
                skipped is { } s ? (s ? "true" : "false") : "",
                .. scores.Select(v => v?.ToString(CultureInfo.InvariantCulture) ?? ""), kind ?? "", severity ?? "", name ?? "", note ?? "",
            ]);
        }

        Row("profile", note: JsonSerializer.Serialize(document.Profile, JournalDocument.Options));
        if (document.Plan is { } plan)
        {
            Row("plan", at: plan.SetAt, note: plan.Document?.ToJsonString());
        }

        foreach (var m in document.Medications)
        {
            Row("medication", m.Id, m.Since, m.Until, name: m.Name);
        }

        foreach (var d in document.Doses)
        {
            Row("dose", d.Id, d.At, zone: d.TimeZone, dose: d.DoseMg, formulation: d.Formulation, skipped: d.Skipped, note: d.Note);
        }

        foreach (var c in document.CheckIns)
        {
            Row("check-in", c.Id, c.At, zone: c.TimeZone, scores: [c.Fatigue, c.Pain, c.Sleep, c.Mood, c.Focus], note: c.Note);
        }

        foreach (var s in document.SideEffects)
        {
            Row("side-effect", s.Id, s.From, s.To, s.TimeZone, kind: s.Kind, severity: s.Severity, note: s.Note);
        }

        foreach (var e in document.Events)
        {
            Row("event", e.Id, e.At, zone: e.TimeZone, kind: e.Kind, note: e.Note);
        }
    }

    public static JournalData Read(string text, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(text);
        InvalidInputException Fail(string what) => new($"The CSV file '{sourceName}' {what}.");
        var options = new CsvReaderOptions
        {
            HasHeader = true,
            AllowLineBreaksInQuotes = true,
            TrackLineNumbers = true,
            FieldCountMismatch = CsvFieldCountHandling.Throw,
            MalformedData = CsvMalformedDataHandling.Throw,
            FormatProvider = CultureInfo.InvariantCulture,
        };
        if (string.IsNullOrWhiteSpace(text))
        {
            throw Fail("is empty");
        }

        using var csv = CsvReader.FromText(text, options);
        try
        {
            if (!(csv.Headers ?? []).SequenceEqual(Header))
            {
                throw Fail($"must have the header {string.Join(",", Header)}, as 'ldn journal export --csv' writes it");
            }

            ProfileDocument? profile = null;
            PlanRecordDocument? plan = null;
            var medications = new List<MedicationDocument>();
            var doses = new List<DoseDocument>();
            var checkIns = new List<CheckInDocument>();
            var sideEffects = new List<SideEffectDocument>();
            var events = new List<EventDocument>();
            while (csv.Read())
            {
                var line = csv.LineNumber;
                string? F(string column) => csv.GetStringOrNull(column) is { Length: > 0 } v ? v : null;
                long Id() => F("id") is { } v ? long.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : throw Fail($"has an unusable id '{v}' on line {line}") : 0;
                int? Score(string column) => F(column) is { } v ? int.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out var s) ? s : throw Fail($"has an unusable {column} '{v}' on line {line}") : null;
                switch (F("type"))
                {
                    case "profile":
                        profile = JsonSerializer.Deserialize<ProfileDocument>(F("note") ?? throw Fail($"has a profile row without its JSON on line {line}"), JournalDocument.Options);
                        break;
                    case "plan":
                        plan = new PlanRecordDocument(F("at"), JsonNode.Parse(F("note") ?? throw Fail($"has a plan row without its JSON on line {line}")));
                        break;
                    case "medication":
                        medications.Add(new MedicationDocument(Id(), F("name"), F("at"), F("to")));
                        break;
                    case "dose":
                        doses.Add(new DoseDocument(Id(), F("at"), F("timeZone"),
                            F("doseMg") is { } mg ? decimal.TryParse(mg, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var dose) ? dose : throw Fail($"has an unusable doseMg '{mg}' on line {line}") : null,
                            F("formulation"), F("skipped") switch { "true" => true, "false" or null => false, var v => throw Fail($"has skipped '{v}' on line {line} (true or false)") }, F("note")));
                        break;
                    case "check-in":
                        checkIns.Add(new CheckInDocument(Id(), F("at"), F("timeZone"), Score("fatigue"), Score("pain"), Score("sleep"), Score("mood"), Score("focus"), F("note")));
                        break;
                    case "side-effect":
                        sideEffects.Add(new SideEffectDocument(Id(), F("kind"), F("severity"), F("at"), F("to"), F("timeZone"), F("note")));
                        break;
                    case "event":
                        events.Add(new EventDocument(Id(), F("at"), F("timeZone"), F("kind"), F("note")));
                        break;
                    case var other:
                        throw Fail($"has an unknown row type '{other}' on line {line}");
                }
            }

            return new JournalDocument { Schema = JournalDocument.SchemaId, Profile = profile, Plan = plan, Medications = medications, Doses = doses, CheckIns = checkIns, SideEffects = sideEffects, Events = events }
                .ToData(sourceName);
        }
        catch (Exception e) when (e is CsvFormatException or CsvValidationException or JsonException)
        {
            throw Fail($"could not be read: {e.Message.Split('\n')[0].TrimEnd('.')}");
        }
    }
}
