using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Ldn.Cli.Commands;
using Ldn.Cli.Commands.Journal;
using Ldn.Cli.Reports;
using Ldn.Core.Journal;
using Ldn.Core.Journal.Analysis;
using Ldn.Storage;
using NodaTime;
using Xunit;
using Xunit.Abstractions;

namespace Ldn.Cli.Tests;

/// <summary>
/// A demo journal (120 days, Europe/Berlin, seed 42) with a week of extra baseline check-ins, a hostile
/// event note and a 10,000-character note, written once through the CLI with a fixed clock, and its report.
/// </summary>
public sealed class JournalReportFixture : IDisposable
{
    public static readonly Instant Now = Instant.FromUtc(2026, 3, 1, 8, 0);

    public static readonly LocalDate Today = new(2026, 3, 1);

    public const string HostileNote = "<script>alert(1)</script> \"quoted\" & 'single' — ünïcødé 😀";

    public JournalReportFixture()
    {
        Folder = Directory.CreateTempSubdirectory("ldn-journal-report-");
        Db = Path.Combine(Folder.FullName, "journal.db");
        ReportPath = Path.Combine(Folder.FullName, "report.html");
        LongNote = string.Concat(Enumerable.Repeat("Lange Notiz über Schmerzen 😀 <b>", 400))[..10_000];

        using (JournalContext.UseClock(Now))
        {
            Run("journal", "demo", "--db", Db, "--tz", "Europe/Berlin", "--days", "120", "--seed", "42");

            // The demo's baseline fortnight has ~90% check-ins, below the 14 days a comparison needs: add a week before it.
            for (var day = new LocalDate(2025, 10, 26); day <= new LocalDate(2025, 11, 1); day = day.PlusDays(1))
            {
                Run("journal", "check-in", "--db", Db, "--at", day.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture) + " 08:00",
                    "--fatigue", "7", "--pain", "7", "--sleep", "4", "--mood", "5", "--focus", "5");
            }

            Run("journal", "event", "flare", "--db", Db, "--at", "2026-02-20 18:00", "--note", HostileNote);
            Run("journal", "check-in", "--db", Db, "--at", "2026-02-28 08:00", "--fatigue", "6", "--note", LongNote);
            Run("report", "--db", Db, "--out", ReportPath, "--today", "2026-03-01");
        }

        Page = File.ReadAllText(ReportPath);
        using var store = JournalStores.Open(Db);
        Data = store.Load(null, Today.PlusDays(1).AtStartOfDayInZone(DateTimeZoneProviders.Tzdb["Europe/Berlin"]).ToInstant());
        Analysis = JournalAnalyzer.Analyze(Data, Today, now: Now);
    }

    public DirectoryInfo Folder { get; }

    public string Db { get; }

    public string ReportPath { get; }

    public string LongNote { get; }

    public string Page { get; }

    public JournalData Data { get; }

    public JournalAnalysis Analysis { get; }

    public void Dispose() => Folder.Delete(recursive: true);

    private static void Run(params string[] args)
    {
        var (code, stdout, stderr) = CliRunner.Run(args);
        if (code != 0)
        {
            throw new InvalidOperationException($"ldn {string.Join(' ', args)} failed ({code}): {stderr}{stdout}");
        }
    }
}

public sealed class JournalReportTests(JournalReportFixture fixture, ITestOutputHelper output) : IClassFixture<JournalReportFixture>
{
    private string Page => fixture.Page;

    [Fact]
    public void Page_has_every_section_and_the_notice_at_the_top()
    {
        foreach (var id in new[] { "notice", "patient", "at-a-glance", "plan", "adherence", "off-plan", "dose", "symptoms", "side-effects", "analysis", "model", "safety", "advice", "medications", "events" })
        {
            Assert.Contains($"id=\"{id}\"", Page, StringComparison.Ordinal);
        }

        var notice = Page.IndexOf(ReportHtml.Text(JournalReport.StandingNotice), StringComparison.Ordinal);
        Assert.InRange(notice, 0, Page.IndexOf("id=\"patient\"", StringComparison.Ordinal));
        Assert.Contains("<dt>Name</dt><dd>Demo patient</dd>", Page, StringComparison.Ordinal);
        Assert.Contains("<dt>Conditions</dt><dd>fibromyalgia</dd>", Page, StringComparison.Ordinal);
        Assert.Contains("<dt>Time zone</dt><dd>Europe/Berlin</dd>", Page, StringComparison.Ordinal);
        Assert.Contains($"<dt>Period covered</dt><dd>2025-10-26 to 2026-03-01 ({fixture.Analysis.DaysCovered} days)</dd>", Page, StringComparison.Ordinal);
        Assert.Contains("<time datetime=\"2026-03-01T09:00:00+01:00\">", Page, StringComparison.Ordinal);
        Assert.Contains("<td>Vitamin D 20 µg</td>".Replace("µ", "&#181;", StringComparison.Ordinal), Page, StringComparison.Ordinal);
        Assert.Contains("model hypothesis (scenario A/B), not an expectation for this patient", Page, StringComparison.Ordinal);
    }

    [Fact]
    public void Plan_steps_and_adherence_are_those_of_the_analysis()
    {
        var adherence = fixture.Analysis.Adherence;
        Assert.True(adherence.FromPlan);
        Assert.Equal(3, Regex.Count(Table("plan-steps"), "<tr><td class=\"num\">"));
        foreach (var step in adherence.Steps)
        {
            Assert.Contains(
                $"<td class=\"num\">{step.PlannedDays}</td><td class=\"num\">{step.TakenDays}</td><td class=\"num\">{(step.Share!.Value * 100).ToString("0.#", CultureInfo.InvariantCulture)}%</td><td class=\"num\">{step.OffPlanDays}</td>",
                Page,
                StringComparison.Ordinal);
        }

        Assert.Contains($"{(adherence.Share!.Value * 100).ToString("0.#", CultureInfo.InvariantCulture)}% — {adherence.Taken} of {adherence.Expected} planned dose-days taken", Page, StringComparison.Ordinal);
    }

    [Fact]
    public void Plan_versions_the_patients_own_scale_and_one_reason_per_symptom_reach_the_page()
    {
        var start = new LocalDate(2026, 1, 1);
        var zone = DateTimeZoneProviders.Tzdb["Europe/Oslo"];
        Instant At(int day, int hour) => start.PlusDays(day).At(new LocalTime(hour, 0)).InZoneLeniently(zone).ToInstant();
        const string evening = """{"protocol":"test","steps":[{"step":1,"from":"2026-01-15","to":"2026-01-28","doseMg":1.5,"at":"22:00"},{"step":2,"from":"2026-01-29","to":null,"doseMg":3,"at":"22:00"}]}""";
        const string morning = """{"protocol":"test","steps":[{"step":1,"from":"2026-02-05","to":null,"doseMg":3,"at":"08:00"}]}""";
        var random = new Random(5);
        var checkIns = new List<CheckInEntry>();
        var doses = new List<DoseEntry>();
        for (var d = 0; d < 60; d++)
        {
            var scores = new Dictionary<string, int> { ["brain-fog"] = (d < 14 ? 7 : 4) + random.Next(-1, 2) };
            if (d >= 14)
            {
                scores[SymptomScales.Sleep] = 5 + random.Next(-1, 2); // no sleep check-ins before the first dose
            }

            if (d is >= 14 and < 59)
            {
                doses.Add(new DoseEntry(0, At(d, d < 35 ? 22 : 8), zone.Id, d < 28 ? 1.5m : 3m, Ldn.Core.Dosing.Formulation.Capsule, false));
            }

            checkIns.Add(CheckInEntry.WithScores(0, At(d, 9), zone.Id, scores));
        }

        var data = new JournalData
        {
            Profile = new JournalProfile { TimeZoneId = zone.Id },
            Plans = [PlanVersion.Initial(evening, At(0, 12)) with { Id = 1 }, new PlanVersion(2, start.PlusDays(35), At(35, 7), morning, "move-to-morning")],
            Scales = [.. SymptomScales.BuiltIn, new SymptomScale("brain-fog", "Brain fog", "clear", "cannot think", HigherIsWorse: true)],
            Doses = doses,
            CheckIns = checkIns,
        };

        var page = ReportCommand.Build(data, start.PlusDays(59), DateTimeOffset.UnixEpoch, new AnalysisOptions { ModelPredictions = false }, At(59, 10));

        var plan = page[page.IndexOf(" id=\"plan-steps\">", StringComparison.Ordinal)..page.IndexOf("id=\"adherence\"", StringComparison.Ordinal)];
        Assert.Equal(2, Regex.Count(plan, "<tbody class=\"plan-version\">"));
        Assert.Contains("Version 1: in force from 2026-01-15 to 2026-02-04 — plan set; adherence 100% (21 of 21)", plan, StringComparison.Ordinal);
        Assert.Contains("Version 2: in force from 2026-02-05 (current) — adjusted: move-to-morning; adherence 100% (24 of 24)", plan, StringComparison.Ordinal);
        // The report is made at 10:00 on the last day: its 08:00 dose, not logged yet, is not missed before 16:00.
        Assert.Contains("45 of 45 planned dose-days taken; 0 taken days off the planned dose, 0 off the planned time of day; 1 planned dose is not yet due.", page, StringComparison.Ordinal);
        Assert.Contains("14 baseline days before the first dose on 2026-01-15: the recommended 14 were reached.", page, StringComparison.Ordinal);

        var table = page[page.IndexOf(" id=\"analysis-table\">", StringComparison.Ordinal)..page.IndexOf("id=\"trend\"", StringComparison.Ordinal)];
        var fog = Regex.Match(table, "<tr><th scope=\"row\">Brain fog.*?</tr>").Value;
        Assert.Equal(3, Regex.Count(fog, "<span class=\"verdict-improved\">")); // at 1.5 mg, at 3 mg, latest weeks
        var sleep = Regex.Match(table, "<tr><th scope=\"row\">Sleep quality.*?</tr>").Value;
        Assert.Equal(1, Regex.Count(sleep, "not enough data"));
        Assert.Contains("colspan=\"3\" class=\"scale-reason\"><span class=\"nodata\">not enough data — only 0 days of sleep quality check-ins before the first dose; need 10", sleep, StringComparison.Ordinal);
        Assert.Contains("Brain fog", Regex.Match(page, "<table class=\"compact\" id=\"trend-table\">.*?</table>", RegexOptions.Singleline).Value, StringComparison.Ordinal);

        using var chart = ReportData(page);
        var scales = chart.RootElement.GetProperty("symptoms").GetProperty("scales").EnumerateArray().Select(e => e.GetProperty("id").GetString()).ToList();
        Assert.Equal([.. SymptomScales.BuiltInIds, "brain-fog"], scales);
        Assert.Equal(3, chart.RootElement.GetProperty("dose").GetProperty("plan").GetArrayLength());
    }

    [Fact]
    public void Analysis_table_shows_the_numbers_the_analyzer_computes()
    {
        var estimated = fixture.Analysis.Comparisons.Where(c => c.Status == ComparisonStatus.Estimated).ToList();
        Assert.NotEmpty(estimated);
        var table = Table("analysis-table");
        foreach (var c in estimated.Take(4))
        {
            Assert.Contains(JournalReport.Score(c.BaselineMean!.Value) + " (" + c.BaselineDays + ")", table, StringComparison.Ordinal);
            Assert.Contains($"mean {JournalReport.Score(c.WindowMean!.Value)} ({c.WindowDays} d)", table, StringComparison.Ordinal);
            Assert.Contains($"change {JournalReport.Signed(c.MeanChange!.Value)} ({JournalReport.Signed(c.Lower!.Value)} to {JournalReport.Signed(c.Upper!.Value)})", table, StringComparison.Ordinal);
        }

        // Each 14-day step of the demo's titration gets an estimate (issue 10: per-step estimates for 14-day steps).
        Assert.Equal([1.5m, 3m, 4.5m], estimated.Where(c => c.Window == ComparisonWindow.DoseLevel).Select(c => c.DoseMg!.Value).Distinct().Order());
        Assert.Equal(5, Regex.Count(table, "<tr><th scope=\"row\">"));
        Assert.Contains(ReportHtml.Text(fixture.Analysis.Baseline.Sentence), Page, StringComparison.Ordinal);

        // The dose–response trend of each scale, with its interval.
        var trend = Table("trend-table");
        foreach (var scale in fixture.Analysis.Scales.Where(s => s.Trend.Status == ComparisonStatus.Estimated))
        {
            Assert.Contains($"{JournalReport.Signed(scale.Trend.SlopePerMg!.Value)} ({JournalReport.Signed(scale.Trend.Lower!.Value)} to {JournalReport.Signed(scale.Trend.Upper!.Value)})", trend, StringComparison.Ordinal);
        }

        // The model's figures sit beside the table, one row per observed dose level, clearly labelled.
        Assert.NotEmpty(fixture.Analysis.Predictions);
        var model = Table("model-table");
        foreach (var p in fixture.Analysis.Predictions)
        {
            Assert.Contains("<td class=\"num\">" + SimulationReport.SignedPercent(p.ScoreChangeB!.Value) + "</td>", model, StringComparison.Ordinal);
        }

        Assert.Contains(ReportHtml.Text(ModelPrediction.Label), Page, StringComparison.Ordinal);
    }

    [Fact]
    public void Safety_and_advice_sections_show_the_rules_output()
    {
        // The demo's one medication is outside the safety catalogue, so the one finding says it was not checked.
        Assert.Contains(ReportHtml.Text("'Vitamin D 20 µg' was not checked: it is not in the safety catalogue"), Page, StringComparison.Ordinal);
        Assert.Matches("<dt>Action</dt><dd>(advance|hold|step-down|move-to-morning|change-formulation|stop-and-contact-prescriber)</dd>", Page);
        Assert.Contains("<dt>Source</dt><dd>", Page, StringComparison.Ordinal);
    }

    [Fact]
    public void Hostile_and_long_notes_are_escaped_and_cut()
    {
        Assert.DoesNotContain("<script>alert", Page, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>Lange", Page, StringComparison.Ordinal);
        Assert.Contains(ReportHtml.Text(JournalReportFixture.HostileNote), Page, StringComparison.Ordinal);
        Assert.Contains(ReportHtml.Text(fixture.LongNote[..JournalReport.MaxNoteChars]) + "…", Page, StringComparison.Ordinal);
        Assert.Contains("(cut; 10,000 characters in the journal)", Page, StringComparison.Ordinal);
        Assert.DoesNotContain(ReportHtml.Text(fixture.LongNote), Page, StringComparison.Ordinal);

        // Data, Chart.js and the drawing code: nothing else runs.
        Assert.Equal(3, Regex.Count(Page, "<script", RegexOptions.IgnoreCase));
        Assert.Equal(3, Regex.Count(Page, "</script", RegexOptions.IgnoreCase));
    }

    [Fact]
    public void The_content_security_policy_lists_the_hash_of_every_inline_script()
    {
        var policy = WebUtility.HtmlDecode(Regex.Match(Page, "<meta http-equiv=\"Content-Security-Policy\" content=\"([^\"]*)\">").Groups[1].Value);
        Assert.Contains("default-src 'none'", policy, StringComparison.Ordinal);
        var allowed = Regex.Matches(policy, "'sha256-([A-Za-z0-9+/=]+)'").Select(m => m.Groups[1].Value).Order(StringComparer.Ordinal).ToList();
        var scripts = Regex.Matches(Page, "<script>(.*?)</script>", RegexOptions.Singleline).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(2, scripts.Count);
        Assert.Equal(allowed, scripts.Select(s => Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(s)))).Order(StringComparer.Ordinal));
        Assert.DoesNotMatch(new Regex(@"<script[^>]*\ssrc\s*=|<link\b|<(img|iframe|object|embed)\b", RegexOptions.IgnoreCase), Page);
    }

    [Fact]
    public void Chart_data_covers_every_day_and_marks_skips_events_and_side_effects()
    {
        using var data = ReportData(Page);
        var root = data.RootElement;
        Assert.Equal("2025-10-26", root.GetProperty("startDate").GetString());
        Assert.Equal(1, root.GetProperty("binDays").GetInt32());
        var days = fixture.Analysis.Days;
        Assert.Equal(days.Count, root.GetProperty("dose").GetProperty("x").GetArrayLength());
        Assert.Equal(days.Count(d => d.Dose == DoseStatus.Skipped), root.GetProperty("dose").GetProperty("skipped").GetArrayLength());
        Assert.Equal(fixture.Data.Events.Count, root.GetProperty("events").GetArrayLength());
        Assert.Equal(fixture.Data.SideEffects.Count, root.GetProperty("sideEffects").GetArrayLength());
        Assert.Contains("Every day is plotted.", Page, StringComparison.Ordinal);
    }

    [Fact]
    public void Journals_longer_than_two_years_are_plotted_as_weekly_means_and_the_caption_says_so()
    {
        var zone = DateTimeZoneProviders.Tzdb["Europe/London"];
        var journal = DemoJournal.Create(7, JournalReportFixture.Today, 1200, zone);
        var page = ReportCommand.Build(journal, JournalReportFixture.Today, DateTimeOffset.UnixEpoch, new AnalysisOptions { ModelPredictions = false });

        using var data = ReportData(page);
        Assert.Equal(7, data.RootElement.GetProperty("binDays").GetInt32());
        Assert.Equal((1200 + 6) / 7, data.RootElement.GetProperty("dose").GetProperty("x").GetArrayLength());
        Assert.Contains("The journal spans 1,200 days (more than two years), so the charts plot weekly means", page, StringComparison.Ordinal);
    }

    [Fact]
    public void Chromium_draws_every_chart()
    {
        if (HeadlessChromium.Find(output) is not { } chromium)
        {
            return;
        }

        var dom = HeadlessChromium.DumpDom(chromium, fixture.ReportPath, output);
        var body = Regex.Match(dom, "<body[^>]*>");
        Assert.True(body.Success, "Chromium printed no <body>.");
        Assert.DoesNotContain("data-charts-error", body.Value, StringComparison.Ordinal);
        Assert.Contains("data-charts-ready=\"3\"", body.Value, StringComparison.Ordinal);
        var canvases = Regex.Matches(dom, "<canvas[^>]*>");
        Assert.Equal(3, canvases.Count);
        Assert.All(canvases, c => Assert.Matches("width=\"[1-9][0-9]*\"", c.Value));
    }

    [Fact]
    public void Pdf_is_printed_by_chromium()
    {
        if (HeadlessChromium.Find(output) is null)
        {
            return;
        }

        var html = Path.Combine(fixture.Folder.FullName, "pdf-report.html");
        var pdf = Path.Combine(fixture.Folder.FullName, "report.pdf");
        var (code, stdout, stderr) = CliRunner.Run("report", "--db", fixture.Db, "--out", html, "--pdf", pdf, "--today", "2026-03-01");

        Assert.True(code == 0, stderr);
        Assert.Contains("Wrote the PDF to", stdout, StringComparison.Ordinal);
        var head = new byte[4];
        using (var file = File.OpenRead(pdf))
        {
            file.ReadExactly(head);
        }

        Assert.Equal("%PDF", Encoding.ASCII.GetString(head));
        Assert.Empty(Directory.GetFiles(fixture.Folder.FullName, ".*.tmp"));

        // This journal has a 600-character note and a hostile one: long cells must not push text over text either.
        if (PdfLayout.Available(output))
        {
            Assert.Contains("Headline symptom changes from baseline", PdfLayout.PageText(pdf, 1), StringComparison.Ordinal);
            Assert.Empty(PdfLayout.Overlaps(PdfLayout.Words(pdf)));
        }
    }

    [Theory]
    [InlineData("out-missing-folder")]
    [InlineData("bad-today")]
    [InlineData("uninitialised")]
    [InlineData("pdf-missing-folder")]
    public void Bad_input_exits_2_with_one_line(string problem)
    {
        var folder = fixture.Folder.FullName;
        var good = Path.Combine(folder, "bad-input-" + problem + ".html");
        string[] args = problem switch
        {
            "out-missing-folder" => ["report", "--db", fixture.Db, "--out", Path.Combine(folder, "no-such-folder", "r.html")],
            "bad-today" => ["report", "--db", fixture.Db, "--out", good, "--today", "2026-13-01"],
            "uninitialised" => ["report", "--db", Path.Combine(folder, "empty-" + Guid.NewGuid().ToString("N") + ".db"), "--out", good],
            _ => ["report", "--db", fixture.Db, "--out", good, "--pdf", Path.Combine(folder, "no-such-folder", "r.pdf")],
        };

        var (code, stdout, stderr) = CliRunner.Run(args);

        Assert.Equal(2, code);
        Assert.Empty(stdout);
        Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.False(File.Exists(good));
    }

    private static JsonDocument ReportData(string page)
    {
        var json = Regex.Match(page, "<script id=\"report-data\" type=\"application/json\">(.*?)</script>", RegexOptions.Singleline).Groups[1].Value;
        Assert.DoesNotContain("<", json, StringComparison.Ordinal);
        return JsonDocument.Parse(json);
    }

    private string Table(string id)
    {
        var start = Page.IndexOf($" id=\"{id}\">", StringComparison.Ordinal);
        Assert.True(start >= 0, $"No table {id}.");
        return Page[start..Page.IndexOf("</table>", start, StringComparison.Ordinal)];
    }
}
