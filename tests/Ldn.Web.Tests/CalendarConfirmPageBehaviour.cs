using System.Net;
using System.Net.Http.Json;
using Ldn.Core.Journal;
using Ldn.Storage.Tests;
using NodaTime;
using Xunit;

namespace Ldn.Web.Tests;

/// <summary>
/// <c>/today/confirm?date=…</c>, the page a calendar reminder opens: it needs the patient's sign-in, a GET
/// shows the planned dose and records nothing, the form's POST records one dose through the journal (taken
/// now on its own day, at the planned time later), a second dose is a question with "Record anyway", and bad
/// dates or buttons are a 4xx page with one sentence, never a 500.
/// </summary>
public abstract class CalendarConfirmPageBehaviour : WebBehaviour
{
    private const string Email = "confirm@example.org";

    [StoreFact]
    public async Task A_GET_shows_the_planned_dose_and_records_nothing_a_POST_records_one()
    {
        using var host = NewHost();
        var (patient, browser) = await PatientWithPlanAsync(host);
        using var _ = browser;

        var html = await browser.PageAsync("/today/confirm?date=2026-12-01");
        Assert.Contains("<dd>2026-12-01</dd>", html, StringComparison.Ordinal);
        Assert.Contains("<dd>22:00 (Europe/Oslo)</dd>", html, StringComparison.Ordinal);
        Assert.Contains("<dd>1.5 mg</dd>", html, StringComparison.Ordinal);
        Assert.Contains("<dd>capsule</dd>", html, StringComparison.Ordinal);
        Assert.Contains("value=\"taken\">Taken</button>", html, StringComparison.Ordinal);
        Assert.Contains("value=\"skipped\" class=\"secondary\">Skipped</button>", html, StringComparison.Ordinal);
        Assert.Contains("Nothing yet.", html, StringComparison.Ordinal);
        // A calendar app or a link scanner fetching the page (again and again) records nothing.
        for (var i = 0; i < 3; i++)
        {
            await browser.PageAsync("/today/confirm?date=2026-12-01");
        }

        Assert.Empty(Doses(host, patient));

        var posted = await browser.SubmitAsync("/today/confirm?date=2026-12-01", [new("date", "2026-12-01"), new("outcome", "taken")]);
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        Assert.Equal("/today/confirm?date=2026-12-01", posted.Headers.Location?.OriginalString);
        var dose = Assert.Single(Doses(host, patient));
        Assert.Equal(WebHost.Now, dose.At); // taken on its own day: now
        Assert.Equal(1.5m, dose.DoseMg);
        Assert.False(dose.Skipped);
        Assert.Equal("Europe/Oslo", dose.TimeZoneId);
        Assert.Contains("Taken: 1.5 mg (capsule) at 13:00", await browser.PageAsync("/today/confirm?date=2026-12-01"), StringComparison.Ordinal);

        // A second dose that day is a question; nothing is stored until "Record anyway".
        var again = await browser.SubmitAsync("/today/confirm?date=2026-12-01", [new("date", "2026-12-01"), new("outcome", "taken")]);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        var question = await again.Content.ReadAsStringAsync();
        Assert.Contains("second dose", question, StringComparison.Ordinal);
        Assert.Contains(">Record anyway</button>", question, StringComparison.Ordinal);
        Assert.Contains("name=\"confirm\" value=\"true\"", question, StringComparison.Ordinal);
        Assert.Single(Doses(host, patient));
        var anyway = await browser.SubmitAsync("/today/confirm?date=2026-12-01", [new("date", "2026-12-01"), new("outcome", "taken"), new("confirm", "true")]);
        Assert.Equal(HttpStatusCode.Redirect, anyway.StatusCode);
        Assert.Equal(2, Doses(host, patient).Count);
    }

    [StoreFact]
    public async Task A_dose_confirmed_on_a_later_day_is_recorded_at_its_planned_time()
    {
        using var host = NewHost();
        var (patient, browser) = await PatientWithPlanAsync(host);
        using var _ = browser;
        var skipped = await browser.SubmitAsync("/today/confirm?date=2026-11-28", [new("date", "2026-11-28"), new("outcome", "skipped")]);
        Assert.Equal(HttpStatusCode.Redirect, skipped.StatusCode);
        var dose = Assert.Single(Doses(host, patient));
        Assert.Equal(Instant.FromUtc(2026, 11, 28, 21, 0), dose.At);
        Assert.True(dose.Skipped);
        Assert.Equal(1.5m, dose.DoseMg);
    }

    [StoreFact]
    public async Task The_page_needs_the_patients_sign_in_not_the_calendar_token()
    {
        using var host = NewHost();
        var (patient, browser) = await PatientWithPlanAsync(host);
        using var _ = browser;
        var secret = (await JsonAsync(await patient.Client.PostAsync("/api/calendar/tokens", null), HttpStatusCode.Created))["token"]!.GetValue<string>();
        using var stranger = new PageSession(host);
        var page = await stranger.Client.GetAsync($"/today/confirm?date=2026-12-01&token={secret}");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Contains("/login?ReturnUrl=%2Ftoday%2Fconfirm", page.Headers.Location?.OriginalString, StringComparison.Ordinal);
        using var form = new FormUrlEncodedContent([new("date", "2026-12-01"), new("outcome", "taken"), new("token", secret)]);
        var post = await stranger.Client.PostAsync($"/today/confirm?date=2026-12-01&token={secret}", form);
        Assert.True(post.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.BadRequest, $"{(int)post.StatusCode}");
        Assert.NotEqual("/today/confirm?date=2026-12-01", post.Headers.Location?.OriginalString);
        Assert.Empty(Doses(host, patient));

        var clinician = new PageSession(host);
        using var __ = clinician;
        await clinician.SignUpAsync("confirm-clinician@example.org", role: "clinician");
        Assert.Equal(HttpStatusCode.Forbidden, (await clinician.Client.GetAsync("/today/confirm?date=2026-12-01")).StatusCode);
    }

    [StoreFact]
    public async Task Bad_dates_and_buttons_are_a_4xx_page_with_one_sentence_and_record_nothing()
    {
        using var host = NewHost();
        var (patient, browser) = await PatientWithPlanAsync(host);
        using var _ = browser;
        foreach (var (date, status, sentence) in new[]
        {
            ("2026-13-45", HttpStatusCode.BadRequest, "is not a date"),
            ("25:00", HttpStatusCode.BadRequest, "is not a date"),
            ("9999-01-01", HttpStatusCode.BadRequest, "is not a date"),
            (new string('9', 100_000), HttpStatusCode.BadRequest, "is not a date"),
            ("2026-11-01", HttpStatusCode.NotFound, "Your plan has no dose on 2026-11-01."),
        })
        {
            var response = await browser.Client.GetAsync($"/today/confirm?date={date}");
            var html = await response.Content.ReadAsStringAsync();
            Assert.True(status == response.StatusCode, $"{date[..Math.Min(20, date.Length)]}: {(int)response.StatusCode}");
            Assert.Contains("role=\"alert\"", html, StringComparison.Ordinal);
            Assert.Contains(sentence, html, StringComparison.Ordinal);
            Assert.DoesNotContain("Exception", html, StringComparison.Ordinal);
            Assert.DoesNotContain("value=\"taken\"", html, StringComparison.Ordinal);
        }

        foreach (var (fields, status, sentence) in new (KeyValuePair<string, string>[], HttpStatusCode, string)[]
        {
            ([new("date", "2026-12-20"), new("outcome", "taken")], HttpStatusCode.BadRequest, "is not due yet"),
            ([new("date", "2026-12-01"), new("outcome", "eaten")], HttpStatusCode.BadRequest, "Press Taken or Skipped."),
            ([new("date", "2026-12-01")], HttpStatusCode.BadRequest, "Press Taken or Skipped."),
            ([new("date", "2026-11-01"), new("outcome", "taken")], HttpStatusCode.NotFound, "no dose on 2026-11-01"),
            ([new("date", "25:00"), new("outcome", "taken")], HttpStatusCode.BadRequest, "is not a date"),
            ([new("date", "2026-12-01"), new("outcome", "taken"), new("confirm", "maybe")], HttpStatusCode.BadRequest, "The form was not sent as the page made it"),
        })
        {
            var response = await browser.SubmitAsync("/today/confirm?date=2026-12-01", fields);
            var html = await response.Content.ReadAsStringAsync();
            Assert.True(status == response.StatusCode, $"{string.Join('&', fields)}: {(int)response.StatusCode}");
            Assert.Contains(sentence, html, StringComparison.Ordinal);
        }

        Assert.Empty(Doses(host, patient));
    }

    /// <summary>A patient (bearer client) with the standard plan from 28 November at 22:00, and a browser signed in as them.</summary>
    private static async Task<(Account Patient, PageSession Browser)> PatientWithPlanAsync(WebHost host)
    {
        var patient = await host.SignUpAsync(Email);
        await JsonAsync(await patient.Client.PutAsJsonAsync("/api/journal/plan", new { protocol = "standard", start = "2026-11-28" }), HttpStatusCode.Created);
        var browser = new PageSession(host);
        var login = await browser.SubmitAsync("/login", [new("email", Email), new("password", Account.Password)]);
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        return (patient, browser);
    }

    private static List<DoseEntry> Doses(WebHost host, Account patient)
    {
        using var store = host.OpenJournal(patient.Id);
        return [.. store.Load().Doses];
    }
}

public sealed class SqliteCalendarConfirmPageTests : CalendarConfirmPageBehaviour
{
    protected override bool Postgres => false;
}

[PostgresTests]
public sealed class PostgresCalendarConfirmPageTests : CalendarConfirmPageBehaviour
{
    protected override bool Postgres => true;
}
