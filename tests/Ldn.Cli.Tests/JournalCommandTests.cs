using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Ldn.Storage.Tests;
using Npgsql;
using Xunit;

namespace Ldn.Cli.Tests;

/// <summary>
/// <c>ldn journal</c> end to end, the same tests on a SQLite file and on the PostgreSQL server of
/// <c>LDN_TEST_POSTGRES</c>: entries, the show contract, advise with an opioid, lossless JSON and CSV round
/// trips. Times are given explicitly (in 2025, in Europe/Oslo across the spring change) so the tests do not
/// depend on today's date.
/// </summary>
public abstract partial class JournalCommandBehaviour : IDisposable
{
    private readonly DirectoryInfo folder = Directory.CreateTempSubdirectory("ldn-journal-");

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            folder.Delete(recursive: true);
        }
    }

    /// <summary>The --db value for the journal this test calls <paramref name="name"/>.</summary>
    protected abstract string Db(string name);

    protected string PathOf(string name) => Path.Combine(folder.FullName, name);

    protected (int ExitCode, string Stdout, string Stderr) Run(string db, params string[] args) => CliRunner.Run([.. args, "--db", Db(db)]);

    protected string Ok(string db, params string[] args)
    {
        var (code, stdout, stderr) = Run(db, args);
        Assert.True(code == 0, $"ldn {string.Join(' ', args)} exited {code}: {stderr}");
        return stdout;
    }

    protected void Filled(string db)
    {
        Ok(db, "journal", "init", "--tz", "Europe/Oslo", "--condition", "fibromyalgia", "--name", "Åse");
        Ok(db, "journal", "dose", "1.5mg", "--at", "2025-03-29 22:00");
        Ok(db, "journal", "dose", "1.5mg", "--at", "2025-03-30 22:00", "--note", "after the clocks changed");
        Ok(db, "journal", "dose", "1.5mg", "--at", "2025-03-31 22:00", "--skipped");
        Ok(db, "journal", "check-in", "--pain", "6", "--fatigue", "7", "--sleep", "4", "--mood", "5", "--focus", "5", "--at", "2025-03-30 08:00", "--note", "Þorn, 😀, \"quotes\", <b>");
        Ok(db, "journal", "side-effect", "vivid dreams", "--severity", "mild", "--from", "2025-03-30 07:00", "--to", "2025-04-02 07:00");
        Ok(db, "journal", "event", "flare", "--at", "2025-03-31 18:00");
        Ok(db, "journal", "medication", "add", "Vitamin D", "--since", "2025-03-01 09:00");
    }

    [StoreFact]
    public void Entries_come_back_in_the_show_contract_with_local_offsets_across_the_clock_change()
    {
        Filled("j.db");
        using var json = JsonDocument.Parse(Ok("j.db", "journal", "show", "--json"));
        var root = json.RootElement;
        var doses = root.GetProperty("doses").EnumerateArray().ToList();
        Assert.Equal(["2025-03-29T22:00:00+01:00", "2025-03-30T22:00:00+02:00", "2025-03-31T22:00:00+02:00"], doses.Select(d => d.GetProperty("at").GetString()));
        Assert.Equal([1.5m, 1.5m, 1.5m], doses.Select(d => d.GetProperty("doseMg").GetDecimal()));
        Assert.Equal([false, false, true], doses.Select(d => d.GetProperty("skipped").GetBoolean()));
        Assert.All(doses, d => Assert.Equal("capsule", d.GetProperty("formulation").GetString()));
        var checkIn = Assert.Single(root.GetProperty("checkIns").EnumerateArray());
        Assert.Equal((6, 7, 4, 5, 5), (checkIn.GetProperty("pain").GetInt32(), checkIn.GetProperty("fatigue").GetInt32(), checkIn.GetProperty("sleep").GetInt32(), checkIn.GetProperty("mood").GetInt32(), checkIn.GetProperty("focus").GetInt32()));
        Assert.Equal("Þorn, 😀, \"quotes\", <b>", checkIn.GetProperty("note").GetString());
        var effect = Assert.Single(root.GetProperty("sideEffects").EnumerateArray());
        Assert.Equal(("vivid-dreams", "mild", "2025-03-30T07:00:00+02:00", "2025-04-02T07:00:00+02:00"), (effect.GetProperty("kind").GetString(), effect.GetProperty("severity").GetString(), effect.GetProperty("from").GetString(), effect.GetProperty("to").GetString()));
        Assert.Equal("flare", Assert.Single(root.GetProperty("events").EnumerateArray()).GetProperty("kind").GetString());
        Assert.Equal("Åse", root.GetProperty("profile").GetProperty("name").GetString());
    }

    [StoreFact]
    public void An_opioid_in_the_record_makes_advise_stop_and_its_washout_is_counted_after_it_is_removed()
    {
        Filled("j.db");
        Ok("j.db", "journal", "medication", "add", "OxyContin 10 mg", "--since", "2025-03-25 09:00");
        using (var advice = JsonDocument.Parse(Ok("j.db", "journal", "advise", "--json", "--today", "2025-04-01")))
        {
            Assert.Equal("stop-and-contact-prescriber", advice.RootElement.GetProperty("action").GetString());
            Assert.Equal("opioid-hard-stop", advice.RootElement.GetProperty("ruleId").GetString());
            Assert.False(string.IsNullOrWhiteSpace(advice.RootElement.GetProperty("reason").GetString()));
            Assert.Contains("§4.1", advice.RootElement.GetProperty("source").GetString(), StringComparison.Ordinal);
        }

        Ok("j.db", "journal", "medication", "remove", "oxycontin 10 mg", "--at", "2025-03-31 09:00");
        using (var during = JsonDocument.Parse(Ok("j.db", "journal", "advise", "--json", "--today", "2025-04-05")))
        {
            Assert.Equal("stop-and-contact-prescriber", during.RootElement.GetProperty("action").GetString());
        }

        using var after = JsonDocument.Parse(Ok("j.db", "journal", "advise", "--json", "--today", "2025-04-20"));
        Assert.NotEqual("stop-and-contact-prescriber", after.RootElement.GetProperty("action").GetString());
    }

    [StoreFact]
    public void Json_export_and_import_round_trip_without_loss() => RoundTrip("json");

    [StoreFact]
    public void Csv_export_and_import_round_trip_without_loss() => RoundTrip("csv");

    private void RoundTrip(string format)
    {
        Filled("j.db");
        var plan = PathOf("plan.json");
        File.WriteAllText(plan, CliRunner.Run("plan", "--protocol", "standard", "--start", "2025-03-29", "--tz", "Europe/Oslo", "--json").Stdout);
        Ok("j.db", "journal", "plan", "set", plan);
        var file = PathOf("export." + format);
        Ok("j.db", "journal", "export", "--" + format, file);
        Ok("k.db", "journal", "import", "--" + format, file);
        Assert.Equal(WithoutIds(Ok("j.db", "journal", "show", "--json")), WithoutIds(Ok("k.db", "journal", "show", "--json")));
    }

    [StoreFact]
    public void The_fhir_export_is_a_bundle_with_the_journal_in_it()
    {
        Filled("j.db");
        var file = PathOf("fhir.json");
        Ok("j.db", "journal", "export", "--fhir", file);
        using var bundle = JsonDocument.Parse(File.ReadAllText(file));
        Assert.Equal("Bundle", bundle.RootElement.GetProperty("resourceType").GetString());
        var types = bundle.RootElement.GetProperty("entry").EnumerateArray().Select(e => e.GetProperty("resource").GetProperty("resourceType").GetString()).ToList();
        Assert.Equal(3, types.Count(t => t == "MedicationAdministration"));
        Assert.Contains("Patient", types);
        Assert.Contains("AdverseEvent", types);
    }

    [StoreFact]
    public void A_fhir_export_with_side_effects_imports_back_to_the_same_entries_and_the_same_export()
    {
        Filled("j.db");
        var plan = PathOf("plan.json");
        File.WriteAllText(plan, CliRunner.Run("plan", "--protocol", "standard", "--start", "2025-03-29", "--tz", "Europe/Oslo", "--json").Stdout);
        Ok("j.db", "journal", "plan", "set", plan);
        // Versions made by each kind of adjustment; the last two on one day, so the first of them is never in force.
        Ok("j.db", "journal", "plan", "adjust", "hold", "--from", "2025-04-05");
        Ok("j.db", "journal", "plan", "adjust", "move-to-morning", "--from", "2025-04-12");
        Ok("j.db", "journal", "plan", "adjust", "advance", "--from", "2025-04-20");
        Ok("j.db", "journal", "plan", "adjust", "step-down", "--from", "2025-04-20");
        var file = PathOf("fhir.json");
        Ok("j.db", "journal", "export", "--fhir", file);

        Assert.Contains("1 side effects", Ok("k.db", "journal", "import", "--fhir", file, "--tz", "Europe/Oslo"), StringComparison.Ordinal);
        static string Entries(string show)
        {
            var node = JsonNode.Parse(WithoutIds(show))!.AsObject();
            return string.Join("\n", new[] { "doses", "checkIns", "sideEffects", "events", "medications" }.Select(list => node[list]!.ToJsonString()));
        }

        Assert.Equal(Entries(Ok("j.db", "journal", "show", "--json")), Entries(Ok("k.db", "journal", "show", "--json")));

        // The imported journal exports again to the same resources, in the same order.
        var again = PathOf("fhir-again.json");
        Ok("k.db", "journal", "export", "--fhir", again);
        static List<string> Types(string path) =>
            [.. JsonDocument.Parse(File.ReadAllText(path)).RootElement.GetProperty("entry").EnumerateArray().Select(e => e.GetProperty("resource").GetProperty("resourceType").GetString()!)];
        Assert.Equal(Types(file), Types(again));
        Assert.Contains("AdverseEvent", Types(again));

        // A plan version's id comes from when it was made, so its MedicationRequest (status, period, steps, note,
        // previous version) is the same text in both exports.
        static List<string> Requests(string path) =>
            [.. JsonDocument.Parse(File.ReadAllText(path)).RootElement.GetProperty("entry").EnumerateArray()
                .Where(e => e.GetProperty("resource").GetProperty("resourceType").GetString() == "MedicationRequest").Select(e => e.GetRawText())];
        Assert.Equal(5, Requests(file).Count);
        Assert.Equal(Requests(file), Requests(again));
        Assert.Contains("\"cancelled\"", Requests(again)[3], StringComparison.Ordinal);
    }

    [StoreFact]
    public void A_fhir_bundle_the_import_refuses_leaves_no_journal_behind()
    {
        // From another system: an adverse event coded in SNOMED CT, which the journal does not map.
        var file = PathOf("other.json");
        File.WriteAllText(file, """
            {"resourceType":"Bundle","type":"collection","entry":[{"fullUrl":"urn:uuid:44444444-4444-4444-8444-444444444444","resource":
              {"resourceType":"AdverseEvent","actuality":"actual","event":{"coding":[{"system":"http://snomed.info/sct","code":"367391008"}]},"subject":{"display":"A"},"date":"2026-01-10T08:00:00Z"}}]}
            """);
        var (code, _, stderr) = Run("k.db", "journal", "import", "--fhir", file, "--tz", "Europe/Oslo");
        Assert.Equal(2, code);
        Assert.Contains("is an AdverseEvent coded '367391008'", stderr, StringComparison.Ordinal);
        Assert.Single(stderr.Trim().Split('\n'));
        Assert.False(File.Exists(PathOf("k.db")));

        // A dose the store refuses (above 300 mg) after the bundle was read: the new journal file is removed again.
        File.WriteAllText(file, """
            {"resourceType":"Bundle","type":"collection","entry":[{"fullUrl":"urn:uuid:44444444-4444-4444-8444-444444444444","resource":
              {"resourceType":"MedicationAdministration","status":"completed","medicationCodeableConcept":{"text":"naltrexone"},"subject":{"display":"A"},"effectiveDateTime":"2026-01-10T21:00:00Z","dosage":{"dose":{"value":400,"unit":"mg","code":"mg"}}}}]}
            """);
        (code, _, stderr) = Run("k.db", "journal", "import", "--fhir", file, "--tz", "Europe/Oslo");
        Assert.Equal(2, code);
        Assert.Contains("400 mg", stderr, StringComparison.Ordinal);
        Assert.Single(stderr.Trim().Split('\n'));
        Assert.False(File.Exists(PathOf("k.db")));

        // Bad bundles: each one sentence on stderr, exit 2, and no journal.
        const string Pain = """{"resourceType":"Observation","status":"final","code":{"coding":[{"system":"http://loinc.org","code":"72514-3"}]},"effectiveDateTime":"2026-01-10T08:00:00Z","valueInteger":3}""";
        var bad = new Dictionary<string, string>
        {
            ["nests JSON deeper than 64 levels"] = """{"resourceType":"Bundle","type":"collection","entry":""" + new string('[', 5_000) + new string(']', 5_000) + "}",
            ["is not a FHIR R4 Bundle"] = """{"resourceType":"Patient"}""",
            ["is a Bundle of type 'document'"] = """{"resourceType":"Bundle","type":"document"}""",
            ["have the same fullUrl"] = $$"""{"resourceType":"Bundle","type":"collection","entry":[{"fullUrl":"urn:uuid:44444444-4444-4444-8444-444444444444","resource":{{Pain}}},{"fullUrl":"urn:uuid:44444444-4444-4444-8444-444444444444","resource":{{Pain}}}]}""",
            ["which is not an entry of the bundle"] = """{"resourceType":"Bundle","type":"collection","entry":[{"fullUrl":"urn:uuid:44444444-4444-4444-8444-444444444444","resource":""" + Pain.Replace("\"status\"", "\"subject\":{\"reference\":\"urn:uuid:55555555-5555-4555-8555-555555555555\"},\"status\"", StringComparison.Ordinal) + "}]}",
            ["outside the years 1970–2200"] = """{"resourceType":"Bundle","type":"collection","entry":[{"fullUrl":"urn:uuid:44444444-4444-4444-8444-444444444444","resource":""" + Pain.Replace("2026-01-10", "9999-12-31", StringComparison.Ordinal) + "}]}",
        };
        foreach (var (expected, json) in bad)
        {
            File.WriteAllText(file, json);
            (code, _, stderr) = Run("k.db", "journal", "import", "--fhir", file, "--tz", "Europe/Oslo");
            Assert.True(code == 2 && stderr.Contains(expected, StringComparison.Ordinal), $"{expected}: exit {code}, {stderr}");
            Assert.Single(stderr.Trim().Split('\n'));
            Assert.False(File.Exists(PathOf("k.db")));
        }
    }

    [StoreFact]
    public void A_dose_without_an_amount_takes_the_plans_dose_for_that_day()
    {
        Ok("j.db", "journal", "init", "--tz", "Europe/Oslo");
        Assert.Contains("no plan step", Run("j.db", "journal", "dose", "--at", "2025-03-29 22:00").Stderr, StringComparison.Ordinal);
        var plan = PathOf("plan.json");
        File.WriteAllText(plan, CliRunner.Run("plan", "--protocol", "standard", "--start", "2025-03-01", "--tz", "Europe/Oslo", "--json").Stdout);
        Ok("j.db", "journal", "plan", "set", plan);
        Assert.Contains("3 mg capsule", Ok("j.db", "journal", "dose", "--at", "2025-03-20 22:00"), StringComparison.Ordinal);
    }

    [StoreFact]
    public void Sql_in_a_note_is_kept_as_text()
    {
        Ok("j.db", "journal", "init", "--tz", "UTC");
        const string note = "'); DROP TABLE doses; --";
        Ok("j.db", "journal", "dose", "3mg", "--at", "2025-01-01 22:00", "--note", note);
        Ok("j.db", "journal", "dose", "3mg", "--at", "2025-01-02 22:00");
        using var json = JsonDocument.Parse(Ok("j.db", "journal", "show", "--json"));
        Assert.Equal(note, json.RootElement.GetProperty("doses")[0].GetProperty("note").GetString());
        Assert.Equal(2, json.RootElement.GetProperty("doses").GetArrayLength());
    }

    /// <summary>The show document with every "id" removed: ids are the store's, the rest must survive.</summary>
    protected static string WithoutIds(string json)
    {
        var node = JsonNode.Parse(json)!;
        foreach (var list in new[] { "doses", "checkIns", "sideEffects", "events", "medications" })
        {
            foreach (var item in node[list]!.AsArray())
            {
                item!.AsObject().Remove("id");
            }
        }

        return node.ToJsonString();
    }
}

/// <summary>The journal commands on SQLite files, plus the input checks that do not depend on the store.</summary>
public sealed class SqliteJournalCommandTests : JournalCommandBehaviour
{
    protected override string Db(string name) => PathOf(name);

    public static TheoryData<string[], string> BadEntries => new()
    {
        { ["journal", "dose", "-1mg", "--at", "2025-01-01 22:00"], "dose" },
        { ["journal", "dose", "4.5kg", "--at", "2025-01-01 22:00"], "'kg' is not a unit of mass" },
        { ["journal", "dose", "3mg", "--at", "25:00"], "'25:00' is not a time" },
        { ["journal", "dose", "3mg", "--at", "2099-01-01 22:00"], "is in the future" },
        { ["journal", "check-in", "--pain", "11"], "'11' is not a pain score" },
        { ["journal", "check-in", "--pain", "-3"], "not a pain score" },
        { ["journal", "check-in"], "Give at least one score" },
        { ["journal", "side-effect", "sneezing"], "is neither a side-effect kind nor a name for one" },
        { ["journal", "side-effect", "nausea", "--severity", "awful"], "not a severity" },
        { ["journal", "side-effect", "--end", "999"], "no ongoing side effect with id 999" },
        { ["journal", "event", "party"], "not a kind of event" },
        { ["journal", "medication", "remove", "aspirin"], "No medication named 'aspirin'" },
        { ["journal", "init"], "already" },
        { ["journal", "export"], "Say where to export" },
        { ["journal", "advise", "--today", "2025-13-01"], "is not a date" },
    };

    [Theory]
    [MemberData(nameof(BadEntries))]
    public void Bad_input_is_one_sentence_exit_2_and_changes_nothing(string[] args, string expected)
    {
        Ok("j.db", "journal", "init", "--tz", "UTC");
        Ok("j.db", "journal", "dose", "3mg", "--at", "2025-01-01 22:00");
        var before = Ok("j.db", "journal", "show", "--json");
        var (code, _, stderr) = Run("j.db", args);
        Assert.Equal(2, code);
        Assert.Contains(expected, stderr, StringComparison.Ordinal);
        Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal(before, Ok("j.db", "journal", "show", "--json"));
    }

    [Fact]
    public void A_journal_or_backup_in_a_missing_folder_is_a_typo_not_a_new_folder()
    {
        var missing = PathOf(Path.Combine("no-such-folder", "j.db"));
        var (code, _, stderr) = CliRunner.Run("journal", "init", "--tz", "UTC", "--db", missing);
        Assert.Equal(2, code);
        Assert.Contains("does not exist", stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.GetDirectoryName(missing)));

        Ok("j.db", "journal", "init", "--tz", "UTC");
        Assert.Contains("does not exist", Run("j.db", "journal", "backup", missing).Stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.GetDirectoryName(missing)));
    }

    [Fact]
    public void An_uninitialised_journal_says_so()
    {
        var (code, _, stderr) = Run("none.db", "journal", "dose", "3mg");
        Assert.Equal(2, code);
        Assert.Contains("ldn journal init", stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("wrong-columns.csv", "a,b,c\n1,2,3\n", "must have the header")]
    [InlineData("empty.csv", "", "is empty")]
    [InlineData("not-json.json", "{\"schema\": \"ldn-journal/1\", ", "is not a journal export")]
    public void A_malformed_import_is_refused_and_changes_nothing(string name, string content, string expected)
    {
        Ok("j.db", "journal", "init", "--tz", "UTC");
        var before = Ok("j.db", "journal", "show", "--json");
        var file = PathOf(name);
        File.WriteAllText(file, content);
        var (code, _, stderr) = Run("j.db", "journal", "import", name.EndsWith(".csv", StringComparison.Ordinal) ? "--csv" : "--json", file);
        Assert.Equal(2, code);
        Assert.Contains(expected, stderr, StringComparison.Ordinal);
        Assert.Equal(before, Ok("j.db", "journal", "show", "--json"));
    }

    [Fact]
    public void Invalid_utf8_and_a_ten_megabyte_line_are_refused()
    {
        var bad = PathOf("bad.json");
        File.WriteAllBytes(bad, [(byte)'{', 0xC3, 0x28, (byte)'}']);
        Assert.Contains("not valid UTF-8", Run("j.db", "journal", "import", "--json", bad).Stderr, StringComparison.Ordinal);

        Filled("src.db");
        var export = PathOf("export.csv");
        Ok("src.db", "journal", "export", "--csv", export);
        var lines = File.ReadAllLines(export).ToList();
        lines.Add("event,99,1,2025-03-31T18:00:00+02:00,,Europe/Oslo,,,,,,,,,other,,,," + new string('x', 10_000_000));
        File.WriteAllLines(export, lines, new UTF8Encoding(false));
        var (code, _, stderr) = Run("k.db", "journal", "import", "--csv", export);
        Assert.Equal(2, code);
        Assert.Contains("notes hold at most", stderr, StringComparison.Ordinal);
        Assert.Contains("not initialised", Run("k.db", "journal", "show").Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Analyse_says_not_enough_data_for_a_few_days_and_gives_intervals_around_the_change_for_the_demo()
    {
        Filled("j.db");
        using (var few = JsonDocument.Parse(Ok("j.db", "journal", "analyse", "--today", "2025-04-05")))
        {
            var comparisons = few.RootElement.GetProperty("comparisons").EnumerateArray().ToList();
            Assert.NotEmpty(comparisons);
            Assert.All(comparisons, c =>
            {
                Assert.Equal("not-enough-data", c.GetProperty("status").GetString());
                Assert.Equal(JsonValueKind.Null, c.GetProperty("meanChange").ValueKind);
                Assert.Equal(JsonValueKind.Null, c.GetProperty("reason").ValueKind); // the scale's one reason explains every window
            });
            Assert.All(few.RootElement.GetProperty("scales").EnumerateArray(), s => Assert.Contains("need 10", s.GetProperty("reason").GetString(), StringComparison.Ordinal));
        }

        Ok("demo.db", "journal", "demo", "--tz", "Europe/Oslo");
        using var demo = JsonDocument.Parse(Ok("demo.db", "journal", "analyze"));
        var estimated = demo.RootElement.GetProperty("comparisons").EnumerateArray().Where(c => c.GetProperty("status").GetString() == "estimated").ToList();
        Assert.NotEmpty(estimated);
        Assert.All(estimated, c => Assert.InRange(c.GetProperty("meanChange").GetDouble(), c.GetProperty("lower95").GetDouble(), c.GetProperty("upper95").GetDouble()));
        Assert.InRange(demo.RootElement.GetProperty("adherence").GetProperty("share").GetDouble(), 0.8, 1.0);
        Assert.Equal("fibromyalgia", demo.RootElement.GetProperty("predictions")[0].GetProperty("condition").GetString());
    }

    [Fact]
    public void The_demo_fills_a_new_journal_that_advise_show_and_export_read()
    {
        Assert.Contains("synthetic data", Ok("demo.db", "journal", "demo", "--tz", "Europe/Oslo"), StringComparison.Ordinal);
        Assert.Equal(2, Run("demo.db", "journal", "demo").ExitCode);
        using var advice = JsonDocument.Parse(Ok("demo.db", "journal", "advise", "--json"));
        Assert.Equal("hold", advice.RootElement.GetProperty("action").GetString());
        Assert.Contains("Demo patient", Ok("demo.db", "journal", "show"), StringComparison.Ordinal);
        var backup = PathOf("backup.db");
        Ok("demo.db", "journal", "backup", backup);
        Assert.Equal(Ok("demo.db", "journal", "show", "--json"), CliRunner.Run("journal", "show", "--json", "--db", backup).Stdout);
        Assert.Equal(2, Run("demo.db", "journal", "backup", backup).ExitCode);
    }
}

/// <summary>
/// The journal commands on PostgreSQL: each journal a test names gets a schema of its own (Search Path),
/// dropped afterwards. Skipped without LDN_TEST_POSTGRES, except under CI.
/// </summary>
[PostgresTests]
public sealed class PostgresJournalCommandTests : JournalCommandBehaviour
{
    private readonly Dictionary<string, string> schemas = new(StringComparer.Ordinal);

    protected override string Db(string name)
    {
        var server = PostgresFactAttribute.ConnectionString ?? throw new InvalidOperationException("LDN_TEST_POSTGRES is not set: no PostgreSQL server to test against.");
        if (!schemas.TryGetValue(name, out var schema))
        {
            schema = "ldn_cli_" + Guid.NewGuid().ToString("N");
            PostgresAdmin.Execute(server, $"CREATE SCHEMA {schema}");
            schemas[name] = schema;
        }

        return new NpgsqlConnectionStringBuilder(server) { SearchPath = schema, Pooling = false }.ConnectionString;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing && PostgresFactAttribute.ConnectionString is { } server)
        {
            foreach (var schema in schemas.Values)
            {
                PostgresAdmin.Execute(server, $"DROP SCHEMA IF EXISTS {schema} CASCADE");
            }
        }

        base.Dispose(disposing);
    }
}

/// <summary>Separate <c>ldn journal dose</c> processes writing to one SQLite journal at the same moment.</summary>
public sealed class ConcurrentJournalProcessTests : IDisposable
{
    private readonly DirectoryInfo folder = Directory.CreateTempSubdirectory("ldn-concurrent-");

    public void Dispose() => folder.Delete(recursive: true);

    [Fact]
    public void Eight_dose_commands_started_together_all_land()
    {
        var db = Path.Combine(folder.FullName, "j.db");
        Assert.Equal(0, CliRunner.Run("journal", "init", "--tz", "UTC", "--db", db).ExitCode);
        var ldn = Path.Combine(AppContext.BaseDirectory, "ldn.dll");
        var processes = Enumerable.Range(1, 8).Select(day =>
        {
            var start = new System.Diagnostics.ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var arg in new[] { ldn, "journal", "dose", "3mg", "--at", $"2025-01-{day:00} 22:00", "--db", db })
            {
                start.ArgumentList.Add(arg);
            }

            return System.Diagnostics.Process.Start(start)!;
        }).ToList();
        foreach (var process in processes)
        {
            Assert.True(process.WaitForExit(60_000), "a dose command did not finish within 60 s");
            Assert.True(process.ExitCode == 0, process.StandardError.ReadToEnd());
            process.Dispose();
        }

        using var json = JsonDocument.Parse(CliRunner.Run("journal", "show", "--json", "--db", db).Stdout);
        Assert.Equal(8, json.RootElement.GetProperty("doses").GetArrayLength());
    }
}
