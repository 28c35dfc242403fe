using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using CsvHelper;
using Ldn.Core.Text;

namespace Ldn.Core.Journal;

/// <summary>
/// The journal as one CSV table for spreadsheets, lossless (everything the JSON document carries, history
/// included): one row per entry with a <c>type</c> column (dose, check-in, side-effect, event, medication),
/// with its <c>id</c> and <c>revision</c>; a column <c>score:ID</c> for each of the journal's own scales; and
/// rows that carry the profile, each scale, each plan version and each change of the history as JSON in the
/// <c>note</c> column (their other cells are there to read, the JSON is what import uses). Deleted entries
/// travel in their history, as in the JSON document.
/// <para>
/// Spreadsheet formulas are neutralised as OWASP's CSV-injection guidance says: a cell starting with
/// <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>, a tab or a carriage return gets a leading <c>'</c>; so that the
/// round trip stays lossless, a cell already starting with <c>'</c> gets one too, and import removes
/// exactly one leading <c>'</c>. Import reads this header, or the header of the first CSV export (which had
/// no revisions, scales, plan versions or history, and no neutralised cells).
/// </para>
/// </summary>
public static class JournalCsv
{
    /// <summary>The fixed columns; the journal's own scales follow as <c>score:ID</c>.</summary>
    public static readonly IReadOnlyList<string> Header =
        ["type", "id", "revision", "at", "to", "timeZone", "doseMg", "formulation", "skipped", "fatigue", "pain", "sleep", "mood", "focus", "kind", "severity", "name", "typedName", "note"];

    /// <summary>The header of the first CSV export, still read.</summary>
    public static readonly IReadOnlyList<string> HeaderV1 =
        ["type", "id", "at", "to", "timeZone", "doseMg", "formulation", "skipped", "fatigue", "pain", "sleep", "mood", "focus", "kind", "severity", "name", "note"];

    /// <summary>The prefix of a column holding the scores of one of the journal's own scales.</summary>
    public const string ScoreColumnPrefix = "score:";

    private static readonly string[] BuiltInScoreColumns = ["fatigue", "pain", "sleep", "mood", "focus"];

    /// <summary>Writes <paramref name="document"/> (see <see cref="JournalDocument.From"/>) as CSV.</summary>
    public static void Write(JournalDocument document, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(document);
        var ownScales = document.Scales.Where(s => !s.BuiltIn && s.Id is not null).Select(s => s.Id!).ToList();
        using var csv = CsvWriter.Create(writer, new CsvWriterOptions { FormatProvider = CultureInfo.InvariantCulture, NewLine = "\n" }, true);
        csv.WriteRecord([.. Header, .. ownScales.Select(id => ScoreColumnPrefix + id)]);
        void Row(string type, Dictionary<string, string?> cells, IReadOnlyDictionary<string, int>? scores = null) =>
            csv.WriteRecord(
            [
                .. Header.Select(column => column == "type" ? type : Neutralise(cells.GetValueOrDefault(column))),
                .. ownScales.Select(id => scores is not null && scores.TryGetValue(id, out var v) ? Number((int?)v) : ""),
            ]);
        string Json<T>(T value) => JsonSerializer.Serialize(value, JournalDocument.Options);

        Row("profile", new() { ["note"] = Json(document.Profile) });
        foreach (var s in document.Scales.Where(s => !s.BuiltIn))
        {
            Row("scale", new() { ["kind"] = s.Id, ["name"] = s.Label, ["note"] = Json(s) });
        }

        foreach (var p in document.Plans)
        {
            Row("plan", new() { ["id"] = Number(p.Id), ["revision"] = Number(p.Revision), ["at"] = p.From, ["to"] = p.To, ["kind"] = p.Adjustment, ["note"] = Json(p) });
        }

        foreach (var m in document.Medications)
        {
            Row("medication", new() { ["id"] = Number(m.Id), ["revision"] = Number(m.Revision), ["at"] = m.Since, ["to"] = m.Until, ["name"] = m.Name });
        }

        foreach (var d in document.Doses)
        {
            Row("dose", new()
            {
                ["id"] = Number(d.Id), ["revision"] = Number(d.Revision), ["at"] = d.At, ["timeZone"] = d.TimeZone, ["doseMg"] = d.DoseMg?.ToString(CultureInfo.InvariantCulture),
                ["formulation"] = d.Formulation, ["skipped"] = d.Skipped ? "true" : "false", ["note"] = d.Note,
            });
        }

        foreach (var c in document.CheckIns)
        {
            Row("check-in", new()
            {
                ["id"] = Number(c.Id), ["revision"] = Number(c.Revision), ["at"] = c.At, ["timeZone"] = c.TimeZone, ["fatigue"] = Number(c.Fatigue), ["pain"] = Number(c.Pain),
                ["sleep"] = Number(c.Sleep), ["mood"] = Number(c.Mood), ["focus"] = Number(c.Focus), ["note"] = c.Note,
            }, c.Scores);
        }

        foreach (var s in document.SideEffects)
        {
            Row("side-effect", new()
            {
                ["id"] = Number(s.Id), ["revision"] = Number(s.Revision), ["at"] = s.From, ["to"] = s.To, ["timeZone"] = s.TimeZone, ["kind"] = s.Kind, ["severity"] = s.Severity,
                ["typedName"] = s.TypedName, ["note"] = s.Note,
            });
        }

        foreach (var e in document.Events)
        {
            Row("event", new() { ["id"] = Number(e.Id), ["revision"] = Number(e.Revision), ["at"] = e.At, ["timeZone"] = e.TimeZone, ["kind"] = e.Kind, ["note"] = e.Note });
        }

        foreach (var h in document.History)
        {
            Row("change", new() { ["id"] = Number(h.Id), ["revision"] = Number((int?)h.Revision), ["at"] = h.At, ["kind"] = h.Kind, ["name"] = h.Change, ["note"] = Json(h) });
        }
    }

    /// <summary>Reads a CSV export and checks every field (as <see cref="JournalDocument.ToData"/> does); one sentence naming <paramref name="sourceName"/> on the first problem.</summary>
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
            var headers = (csv.Headers ?? []).ToList();
            var v1 = headers.SequenceEqual(HeaderV1);
            if (!v1 && (headers.Count < Header.Count || !headers.Take(Header.Count).SequenceEqual(Header)
                || headers.Skip(Header.Count).Any(h => !h.StartsWith(ScoreColumnPrefix, StringComparison.Ordinal) || h.Length == ScoreColumnPrefix.Length)))
            {
                throw Fail($"must have the header {string.Join(",", Header)} (then a score:ID column for each of the journal's own scales), as 'ldn journal export --csv' writes it");
            }

            var scoreColumns = headers.Skip(Header.Count).ToList();
            ProfileDocument? profile = null;
            var plans = new List<PlanVersionDocument>();
            var scales = new List<ScaleDocument>();
            var medications = new List<MedicationDocument>();
            var doses = new List<DoseDocument>();
            var checkIns = new List<CheckInDocument>();
            var sideEffects = new List<SideEffectDocument>();
            var events = new List<EventDocument>();
            var history = new List<ChangeDocument>();
            while (csv.Read())
            {
                var line = csv.LineNumber;
                string? F(string column) => headers.Contains(column) && csv.GetStringOrNull(column) is { Length: > 0 } v ? (v1 ? v : Restore(v)) : null;
                long Id() => F("id") is { } v ? long.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : throw Fail($"has an unusable id '{v}' on line {line}") : 0;
                int? Int(string column) => F(column) is { } v ? int.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out var s) ? s : throw Fail($"has an unusable {column} '{v}' on line {line}") : null;
                T Json<T>(string what) => JsonSerializer.Deserialize<T>(F("note") ?? throw Fail($"has a {what} row without its JSON on line {line}"), JournalDocument.Options)
                    ?? throw Fail($"has a {what} row without its JSON on line {line}");
                switch (F("type"))
                {
                    case "profile":
                        profile = Json<ProfileDocument>("profile");
                        break;
                    case "scale":
                        scales.Add(Json<ScaleDocument>("scale"));
                        break;
                    case "plan" when v1:
                        plans.Add(new PlanVersionDocument(0, null, null, null, F("at"), null, JsonNode.Parse(F("note") ?? throw Fail($"has a plan row without its JSON on line {line}"))));
                        break;
                    case "plan":
                        plans.Add(Json<PlanVersionDocument>("plan"));
                        break;
                    case "change":
                        history.Add(Json<ChangeDocument>("change"));
                        break;
                    case "medication":
                        medications.Add(new MedicationDocument(Id(), Int("revision"), F("name"), F("at"), F("to")));
                        break;
                    case "dose":
                        doses.Add(new DoseDocument(Id(), Int("revision"), F("at"), F("timeZone"),
                            F("doseMg") is { } mg ? decimal.TryParse(mg, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var dose) ? dose : throw Fail($"has an unusable doseMg '{mg}' on line {line}") : null,
                            F("formulation"), F("skipped") switch { "true" => true, "false" or null => false, var v => throw Fail($"has skipped '{v}' on line {line} (true or false)") }, F("note")));
                        break;
                    case "check-in":
                        var scores = BuiltInScoreColumns.Concat(scoreColumns)
                            .Select(column => (Id: column.StartsWith(ScoreColumnPrefix, StringComparison.Ordinal) ? column[ScoreColumnPrefix.Length..] : column, Value: Int(column)))
                            .Where(s => s.Value is not null)
                            .ToDictionary(s => s.Id, s => s.Value!.Value, StringComparer.Ordinal);
                        checkIns.Add(new CheckInDocument(Id(), Int("revision"), F("at"), F("timeZone"), Int("fatigue"), Int("pain"), Int("sleep"), Int("mood"), Int("focus"), scores, F("note")));
                        break;
                    case "side-effect":
                        sideEffects.Add(new SideEffectDocument(Id(), Int("revision"), F("kind"), F("typedName"), F("severity"), F("at"), F("to"), F("timeZone"), F("note")));
                        break;
                    case "event":
                        events.Add(new EventDocument(Id(), Int("revision"), F("at"), F("timeZone"), F("kind"), F("note")));
                        break;
                    case var other:
                        throw Fail($"has an unknown row type '{other}' on line {line}");
                }
            }

            return new JournalDocument
            {
                Schema = JournalDocument.SchemaId,
                Profile = profile,
                Plans = plans,
                Scales = scales,
                Medications = medications,
                Doses = doses,
                CheckIns = checkIns,
                SideEffects = sideEffects,
                Events = events,
                History = history,
            }.ToData(sourceName);
        }
        catch (JsonException e)
        {
            throw Fail($"could not be read: {JsonErrors.Describe(e)}");
        }
        catch (Exception e) when (e is CsvFormatException or CsvValidationException)
        {
            throw Fail($"could not be read: {e.Message.Split('\n')[0].Split(". Path", 2)[0].TrimEnd('.')}");
        }
    }

    /// <summary>A cell a spreadsheet would read as a formula gets a leading <c>'</c> (and so does one starting with <c>'</c>, to stay lossless).</summary>
    public static string Neutralise(string? cell) =>
        cell is { Length: > 0 } && cell[0] is '=' or '+' or '-' or '@' or '\t' or '\r' or '\'' ? "'" + cell : cell ?? "";

    /// <summary>Undoes <see cref="Neutralise"/>: removes exactly one leading <c>'</c>.</summary>
    public static string Restore(string cell)
    {
        ArgumentNullException.ThrowIfNull(cell);
        return cell.StartsWith('\'') ? cell[1..] : cell;
    }

    private static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Number(int? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "";
}
