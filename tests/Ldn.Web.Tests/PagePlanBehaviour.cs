using System.Globalization;
using System.Net;
using Ldn.Core.Compounding;
using Ldn.Core.Protocols;
using Ldn.Core.Safety;
using Ldn.Storage.Tests;
using NodaTime;
using Xunit;

namespace Ldn.Web.Tests;

/// <summary>/plan: the preview against <see cref="PlanBuilder"/>, saving and adjusting as plan versions of the journal, the stop, and bad input.</summary>
public abstract class PagePlanBehaviour : WebBehaviour
{
    private static readonly KeyValuePair<string, string>[] Liquid =
    [
        new("Protocol", "slow-start"), new("Start", "2026-12-03"), new("At", "21:00"), new("Tz", "Europe/Oslo"),
        new("Formulation", "liquid"), new("Concentration", "1mg/mL"), new("Syringe", "1mL"), new("Medications", "levothyroxine"),
    ];

    [StoreFact]
    public async Task The_preview_equals_PlanBuilders_plan_with_liquid_volumes_and_syringe_marks()
    {
        using var host = NewHost();
        var (browser, _) = await SignInAsync(host, "preview@example.org");
        using (browser)
        {
            var response = await browser.SubmitAsync("/plan", Liquid, "/plan?handler=preview");
            var html = await response.Content.ReadAsStringAsync();
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            PageKnowledgeAssert.NoLeaks(html);
            var expected = LiquidPlan();
            var rows = PageKnowledgeAssert.Rows(html, "plan-steps");
            Assert.Equal(expected.Steps.Count, rows.Count);
            foreach (var (step, row) in expected.Steps.Zip(rows))
            {
                Assert.Equal(step.Number.ToString(CultureInfo.InvariantCulture), row[0]);
                Assert.Equal(step.From.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), row[1]);
                Assert.Equal(step.To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "onwards", row[2]);
                Assert.Equal(step.DoseMg.ToString("0.###", CultureInfo.InvariantCulture) + " mg", row[4]);
                Assert.Equal("21:00", row[5]);
                Assert.StartsWith(step.Liquid!.VolumeMl.ToString("0.00#", CultureInfo.InvariantCulture) + " mL", row[6], StringComparison.Ordinal);
                Assert.Equal($"1 mL, marks every {step.Syringe!.GraduationMl.ToString("0.###", CultureInfo.InvariantCulture)} mL", row[7]);
            }

            var text = PageKnowledgeAssert.Text(html);
            var thyroid = expected.Warnings.Single(w => w.Code == SafetyChecks.Codes.ThyroidReplacement);
            Assert.Contains("Warning: " + thyroid.Message, text, StringComparison.Ordinal);
            Assert.Contains("data-chart-for=\"chart-plan\"", html, StringComparison.Ordinal);
            Assert.Contains("id=\"calendar-subscription\"", html, StringComparison.Ordinal);
        }
    }

    [StoreFact]
    public async Task Saving_makes_a_plan_version_only_once_the_warnings_are_read_and_adjusting_makes_another()
    {
        using var host = NewHost();
        var (browser, id) = await SignInAsync(host, "save@example.org");
        using (browser)
        {
            var unread = await browser.SubmitAsync("/plan", Liquid, "/plan?handler=save");
            Assert.Contains("tick that you have read them", await PageKnowledgeAssert.OneSentenceAsync(unread, "plan-error"), StringComparison.Ordinal);
            Assert.Empty(Versions(host, id));

            var saved = await browser.SubmitAsync("/plan", [.. Liquid, new("Acknowledge", "true")], "/plan?handler=save");
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
            Assert.Equal("/plan?saved=1", saved.Headers.Location?.OriginalString);
            var version = Assert.Single(Versions(host, id));
            Assert.Equal(new LocalDate(2026, 12, 3), version.From);
            Assert.Equal(LiquidPlan().Steps.Select(s => (s.From, s.DoseMg)), version.Steps.Select(s => (s.From, s.DoseMg)));
            var page = await browser.PageAsync("/plan?saved=1");
            Assert.Contains("Plan version 1 saved, in force from 2026-12-03.", PageKnowledgeAssert.Text(page), StringComparison.Ordinal);

            var adjusted = await browser.SubmitAsync("/plan", [new("Adjustment", "move-to-morning"), new("AdjustFrom", "2026-12-10")], "/plan?handler=adjust");
            Assert.Equal(HttpStatusCode.Redirect, adjusted.StatusCode);
            var versions = Versions(host, id);
            Assert.Equal(2, versions.Count);
            Assert.Equal("move-to-morning", versions[1].Adjustment);
            Assert.Equal(new LocalDate(2026, 12, 10), versions[1].From);
            Assert.All(versions[1].StepsInForce(null), s => Assert.Equal("08:00", s.At.ToString()));
            var listed = await browser.PageAsync("/plan");
            Assert.Contains("data-version=\"2\"", listed, StringComparison.Ordinal);
        }
    }

    [StoreFact]
    public async Task An_opioid_stops_the_plan_so_nothing_can_be_saved_until_the_washout_is_over()
    {
        using var host = NewHost();
        var (browser, id) = await SignInAsync(host, "stop@example.org");
        using (browser)
        {
            KeyValuePair<string, string>[] taking = [new("Protocol", "standard"), new("Start", "2026-12-02"), new("Medications", "tramadol"), new("Acknowledge", "true")];
            var response = await browser.SubmitAsync("/plan", taking, "/plan?handler=save");
            await PageKnowledgeAssert.OneSentenceAsync(response, "plan-error");
            var html = await browser.SubmitAsync("/plan", taking, "/plan?handler=preview");
            var text = PageKnowledgeAssert.Text(await html.Content.ReadAsStringAsync());
            Assert.Contains("Stop: do not take naltrexone (LDN) now", text, StringComparison.Ordinal);
            Assert.DoesNotContain("Save as a new plan version", text, StringComparison.Ordinal);
            Assert.Empty(Versions(host, id));

            // Answered as on the command line: stopped, with the day last taken, the washout over by the start.
            var answered = await browser.SubmitAsync("/plan", [new("Protocol", "standard"), new("Start", "2026-12-20"), new("Medications", "tramadol@2026-12-01"), new("Acknowledge", "true")], "/plan?handler=save");
            Assert.Equal(HttpStatusCode.Redirect, answered.StatusCode);
            Assert.Single(Versions(host, id));
        }
    }

    [StoreFact]
    public async Task Nonsense_is_one_sentence_on_the_page_and_nothing_is_stored()
    {
        using var host = NewHost();
        var (browser, id) = await SignInAsync(host, "bad@example.org");
        using (browser)
        {
            var megabyte = new string('x', 1_000_000);
            foreach (var (field, value) in new (string, string)[]
            {
                ("At", "4.5kg"), ("Concentration", "4.5kg"), ("At", "25:00"), ("Start", "25:00"), ("Start", "2026-02-30"), ("Start", "9999-01-01"), ("Weight", "-30kg"),
                ("Tz", "Mars/Olympus"), ("Protocol", "nonexistent"), ("Concentration", "1e9mg/mL"), ("Syringe", "-1mL"), ("Medications", megabyte),
                ("Start", "２０２６-１２-０３"), ("Tz", megabyte), ("Surgery", "soon"), ("From", "someday"), ("Formulation", "suppository"),
            })
            {
                var fields = new Dictionary<string, string>(StringComparer.Ordinal) { ["Protocol"] = "standard", ["Start"] = "2026-12-03", ["Acknowledge"] = "true", [field] = value };
                var response = await browser.SubmitAsync("/plan", fields, "/plan?handler=save");
                var sentence = await PageKnowledgeAssert.OneSentenceAsync(response, "plan-error");
                Assert.DoesNotContain(megabyte[..100], sentence, StringComparison.Ordinal);
            }

            await browser.SubmitAsync("/plan", [new("Protocol", "standard"), new("Start", "2026-12-03")], "/plan?handler=save");
            foreach (var (field, value) in new (string, string)[] { ("Adjustment", "teleport"), ("AdjustFrom", "2020-01-01"), ("AdjustAt", "25:00"), ("AdjustFrom", megabyte) })
            {
                var fields = new Dictionary<string, string>(StringComparer.Ordinal) { ["Adjustment"] = "hold", [field] = value };
                await PageKnowledgeAssert.OneSentenceAsync(await browser.SubmitAsync("/plan", fields, "/plan?handler=adjust"), "adjust-error");
            }

            Assert.Single(Versions(host, id));
        }
    }

    /// <summary>The plan <see cref="Liquid"/> asks for, made by Core directly.</summary>
    private static TitrationPlan LiquidPlan() => PlanBuilder.Build(new PlanRequest
    {
        Protocol = ProtocolCatalog.Find("slow-start"),
        Start = new DateOnly(2026, 12, 3),
        At = Ldn.Core.Units.ClockTime.Parse("21:00"),
        TimeZone = DateTimeZoneProviders.Tzdb["Europe/Oslo"],
        Formulation = Ldn.Core.Dosing.Formulation.Liquid,
        ConcentrationMgPerMl = 1m,
        Syringe = Syringe.ForCapacity(1m),
        Patient = new PatientProfile { Medications = [new("levothyroxine")] },
    });

    /// <summary>A patient registered through the API (for the id) and signed in on the pages with the cookie.</summary>
    private static async Task<(PageSession Browser, string Id)> SignInAsync(WebHost host, string email)
    {
        var account = await host.SignUpAsync(email);
        var browser = new PageSession(host);
        var login = await browser.SubmitAsync("/login", [new("email", email), new("password", Account.Password)]);
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        return (browser, account.Id);
    }

    private static IReadOnlyList<Ldn.Core.Journal.PlanVersion> Versions(WebHost host, string id)
    {
        using var store = host.OpenJournal(id);
        return store.Load(WebHost.Now, WebHost.Now).Plans;
    }
}

public sealed class PagePlanOnSqlite : PagePlanBehaviour
{
    protected override bool Postgres => false;
}

[PostgresTests]
public sealed class PagePlanOnPostgres : PagePlanBehaviour
{
    protected override bool Postgres => true;
}
