using System.Net;
using Ldn.Storage.Tests;
using NodaTime;
using Xunit;

namespace Ldn.Web.Tests;

/// <summary>
/// <c>/today</c>'s dose form with a time other than now (read as the API reads <c>at</c>: a bad or future time
/// is one sentence, nothing stored, the typed time kept in the form) and the journal's notes on a recording
/// shown after the redirect.
/// </summary>
public abstract class PageTodayDoseTimeBehaviour : WebBehaviour
{
    private static readonly object StandardPlan = new { protocol = "standard", start = "2026-11-20", at = "22:00", tz = "Europe/Oslo" };

    [StoreFact]
    public async Task A_dose_is_recorded_at_the_time_typed_in_the_journals_zone()
    {
        using var host = NewHost();
        using var patient = await PageJournalPatient.SignUpAsync(host, "dose-time@example.org");
        await patient.SetPlanAsync(StandardPlan);
        Assert.Contains("name=\"at\"", await patient.Browser.PageAsync("/today"), StringComparison.Ordinal);

        var (status, _, _) = await patient.PostAsync("/today", "/today?handler=Taken", ("at", "yesterday 22:00"));
        Assert.Equal(HttpStatusCode.Redirect, status);
        var (skipped, _, _) = await patient.PostAsync("/today", "/today?handler=Skipped", ("at", "11:30"));
        Assert.Equal(HttpStatusCode.Redirect, skipped);
        var (now, _, _) = await patient.PostAsync("/today", "/today?handler=Taken", ("at", " "), ("confirm", "true"));
        Assert.Equal(HttpStatusCode.Redirect, now);

        var doses = patient.Stored().Doses.OrderBy(d => d.At).ToList();
        Assert.Equal([Instant.FromUtc(2026, 11, 30, 21, 0), Instant.FromUtc(2026, 12, 1, 10, 30), WebHost.Now], doses.Select(d => d.At));
        Assert.Equal([false, true, false], doses.Select(d => d.Skipped));
        Assert.All(doses, d => Assert.Equal("Europe/Oslo", d.TimeZoneId));
    }

    [StoreFact]
    public async Task A_bad_or_future_time_is_one_sentence_and_nothing_is_stored()
    {
        using var host = NewHost();
        using var patient = await PageJournalPatient.SignUpAsync(host, "dose-time-bad@example.org");
        await patient.SetPlanAsync(StandardPlan);
        foreach (var (handler, fields, says) in new (string, (string, string)[], string)[]
        {
            ("Taken", [("at", "25:00")], "25:00"),
            ("Skipped", [("at", "25:00")], "25:00"),
            ("Taken", [("at", "23:00")], "in the future"),          // 22:00 UTC, ten hours ahead of the clock
            ("Taken", [("at", "2026-12-01 14:30")], "in the future"), // 13:30 UTC: beyond the hour's slack
            ("Taken", [("at", "soon")], "soon"),
            ("Taken", [("at", "1969-12-31 22:00")], "1970"),
            ("Taken", [("at", new string('9', 5000))], "at most 40 characters"),
        })
        {
            var sentence = await patient.RefusedAsync("/today", $"/today?handler={handler}", fields, HttpStatusCode.BadRequest);
            Assert.Contains(says, sentence, StringComparison.Ordinal);
        }

        var (_, html, _) = await patient.PostAsync("/today", "/today?handler=Taken", ("at", "25:00"));
        Assert.Contains("value=\"25:00\"", html, StringComparison.Ordinal);
        Assert.Empty(patient.Stored().Doses);

        // Within the hour's slack, as the journal allows.
        var (slack, _, _) = await patient.PostAsync("/today", "/today?handler=Taken", ("at", "13:45"));
        Assert.Equal(HttpStatusCode.Redirect, slack);
        Assert.Equal(Instant.FromUtc(2026, 12, 1, 12, 45), Assert.Single(patient.Stored().Doses).At);
    }

    [StoreFact]
    public async Task The_notes_of_a_recording_are_shown_after_the_redirect_once_and_beside_their_entry_only()
    {
        using var host = NewHost();
        using var patient = await PageJournalPatient.SignUpAsync(host, "dose-notes@example.org");
        var plan = await patient.SetPlanAsync(StandardPlan);
        var planned = Ldn.Core.Advice.AdviceState.Mg(plan.StepOn(new LocalDate(2026, 12, 1))!.DoseMg);

        var (status, _, location) = await patient.PostAsync("/today", "/today?handler=Taken", ("doseMg", "0.5"), ("at", "11:00"));
        Assert.Equal(HttpStatusCode.Redirect, status);
        var after = await patient.Browser.PageAsync(location!);
        Assert.Contains($"<p class=\"notice recorded-note\">The plan&#x27;s dose for 2026-12-01 is {planned}.</p>", after, StringComparison.Ordinal);

        // Read once: a reload, and the next recording (which has no notes), do not show them again.
        Assert.DoesNotContain("recorded-note", await patient.Browser.PageAsync(location!), StringComparison.Ordinal);
        var (_, _, next) = await patient.PostAsync("/today", "/today?handler=Skipped", ("at", "11:10"), ("confirm", "true"));
        Assert.DoesNotContain("recorded-note", await patient.Browser.PageAsync(next!), StringComparison.Ordinal);
        Assert.Equal(2, patient.Stored().Doses.Count);
    }
}

public sealed class SqlitePageTodayDoseTimeTests : PageTodayDoseTimeBehaviour
{
    protected override bool Postgres => false;
}

[PostgresTests]
public sealed class PostgresPageTodayDoseTimeTests : PageTodayDoseTimeBehaviour
{
    protected override bool Postgres => true;
}
