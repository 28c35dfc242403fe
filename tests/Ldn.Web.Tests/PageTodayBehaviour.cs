using System.Net;
using Ldn.Storage.Tests;
using Xunit;

namespace Ldn.Web.Tests;

/// <summary>
/// <c>/today</c> through its forms: one tap records the plan's dose at now, a second dose that day is asked
/// about first (nothing stored until "Record anyway"), the check-in covers the journal's own scales, side
/// effects start and end, the advice and a safety stop are shown, and every bad value is one sentence on
/// the page with nothing stored.
/// </summary>
public abstract class PageTodayBehaviour : WebBehaviour
{
    private static readonly object StandardPlan = new { protocol = "standard", start = "2026-11-20", at = "22:00", tz = "Europe/Oslo" };

    [StoreFact]
    public async Task Taken_stores_one_dose_with_the_plans_mg_at_now_and_links_to_its_correction()
    {
        using var host = NewHost();
        using var patient = await PageJournalPatient.SignUpAsync(host, "taken@example.org");
        var plan = await patient.SetPlanAsync(StandardPlan);
        var step = plan.StepOn(new NodaTime.LocalDate(2026, 12, 1))!;

        var page = await patient.Browser.PageAsync("/today");
        Assert.Contains($"<strong>{Ldn.Core.Advice.AdviceState.Mg(step.DoseMg)}</strong> capsule at <strong>22:00</strong>", page, StringComparison.Ordinal);
        var (status, _, location) = await patient.PostAsync("/today", "/today?handler=Taken");

        Assert.Equal(HttpStatusCode.Redirect, status);
        var dose = Assert.Single(patient.Stored().Doses);
        Assert.Equal(step.DoseMg, dose.DoseMg);
        Assert.Equal(WebHost.Now, dose.At);
        Assert.False(dose.Skipped);
        Assert.Equal($"/today?done=dose&id={dose.Id}", location);
        var after = await patient.Browser.PageAsync(location!);
        Assert.Contains($"<a href=\"/journal/edit/dose/{dose.Id}\">Correct it</a>", after, StringComparison.Ordinal);
        Assert.Contains("role=\"status\"", after, StringComparison.Ordinal);
    }

    [StoreFact]
    public async Task A_second_tap_asks_first_stores_nothing_and_Record_anyway_stores_it()
    {
        using var host = NewHost();
        using var patient = await PageJournalPatient.SignUpAsync(host, "twice@example.org");
        await patient.SetPlanAsync(StandardPlan);
        await patient.PostAsync("/today", "/today?handler=Taken");

        var (status, html, _) = await patient.PostAsync("/today", "/today?handler=Taken");
        Assert.Equal(HttpStatusCode.Conflict, status);
        Assert.Contains("it would be a second dose on 2026-12-01", html, StringComparison.Ordinal);
        Assert.Contains("Nothing was recorded.", html, StringComparison.Ordinal);
        Assert.Contains("<input type=\"hidden\" name=\"confirm\" value=\"true\">", html, StringComparison.Ordinal);
        Assert.Contains(">Record anyway</button>", html, StringComparison.Ordinal);
        Assert.Single(patient.Stored().Doses);

        var (anyway, _, _) = await patient.PostAsync("/today", "/today?handler=Taken", ("confirm", "true"));
        Assert.Equal(HttpStatusCode.Redirect, anyway);
        Assert.Equal(2, patient.Stored().Doses.Count);
    }

    [StoreFact]
    public async Task Skipped_and_a_dose_typed_without_a_plan_are_recorded_as_given()
    {
        using var host = NewHost();
        using var patient = await PageJournalPatient.SignUpAsync(host, "noplan@example.org");
        var start = await patient.Browser.PageAsync("/today");
        Assert.Contains("<a href=\"/plan\">Make a titration plan</a>", start, StringComparison.Ordinal);

        var (status, _, _) = await patient.PostAsync("/today", "/today?handler=Skipped", ("doseMg", "1.5 mg"));
        Assert.Equal(HttpStatusCode.Redirect, status);
        var skipped = Assert.Single(patient.Stored().Doses);
        Assert.True(skipped.Skipped);
        Assert.Equal(1.5m, skipped.DoseMg);
        Assert.Contains("value=\"1.5\"", await patient.Browser.PageAsync("/today"), StringComparison.Ordinal);
    }

    [StoreFact]
    public async Task The_check_in_offers_every_scale_of_the_journal_and_stores_a_custom_one()
    {
        using var host = NewHost();
        using var patient = await PageJournalPatient.SignUpAsync(host, "scales@example.org");
        patient.Journal(j => j.AddScale("Brain fog", higherIsWorse: true));

        var page = await patient.Browser.PageAsync("/today");
        Assert.Contains("<label for=\"score-brain-fog\">Brain fog</label>", page, StringComparison.Ordinal);
        Assert.Contains("name=\"score-sleep\"", page, StringComparison.Ordinal);
        var (status, _, location) = await patient.PostAsync("/today", "/today?handler=CheckIn", ("score-brain-fog", "6"), ("score-pain", "3"), ("score-mood", ""), ("note", "Øre 😊 ok"));

        Assert.Equal(HttpStatusCode.Redirect, status);
        var checkIn = Assert.Single(patient.Stored().CheckIns);
        Assert.Equal(6, checkIn.OtherScores["brain-fog"]);
        Assert.Equal(3, checkIn.Pain);
        Assert.Null(checkIn.Mood);
        Assert.Equal("Øre 😊 ok", checkIn.Note);
        Assert.Contains("Brain fog 6", await patient.Browser.PageAsync(location!), StringComparison.Ordinal);
    }

    [StoreFact]
    public async Task A_side_effect_starts_shows_as_ongoing_and_ends()
    {
        using var host = NewHost();
        using var patient = await PageJournalPatient.SignUpAsync(host, "effects@example.org");
        var (status, _, _) = await patient.PostAsync("/today", "/today?handler=SideEffect", ("kind", "headache"), ("severity", "moderate"));
        Assert.Equal(HttpStatusCode.Redirect, status);
        var headache = Assert.Single(patient.Stored().SideEffects);
        Assert.Equal(("headache", Ldn.Core.Advice.SideEffectSeverity.Moderate, WebHost.Now), (headache.Kind, headache.Severity, headache.From));
        Assert.Null(headache.To);
        Assert.Contains("Side effect: headache — moderate, ongoing", await patient.Browser.PageAsync("/today"), StringComparison.Ordinal);
        await patient.PostAsync("/today", "/today?handler=EndSideEffect", ("id", headache.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)));

        // One that began earlier and still lasts: a second one of the same kind is asked about first.
        await JsonAsync(await PostAsync(patient.Account.Client, "/api/journal/sideeffects", new { kind = "vivid-dreams", from = "2026-11-30T23:00Z" }), HttpStatusCode.Created);
        var effect = patient.Stored().SideEffects.Single(s => s.Kind == "vivid-dreams");

        var (again, html, _) = await patient.PostAsync("/today", "/today?handler=SideEffect", ("kind", "vivid-dreams"), ("severity", "mild"));
        Assert.Equal(HttpStatusCode.Conflict, again);
        Assert.Contains("already recorded", html, StringComparison.Ordinal);
        Assert.Equal(2, patient.Stored().SideEffects.Count);

        var (ended, _, _) = await patient.PostAsync("/today", "/today?handler=EndSideEffect", ("id", effect.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal(HttpStatusCode.Redirect, ended);
        Assert.Equal(WebHost.Now, patient.Stored().SideEffects.Single(s => s.Id == effect.Id).To);
        Assert.Contains("None ongoing.", await patient.Browser.PageAsync("/today"), StringComparison.Ordinal);
    }

    [StoreFact]
    public async Task The_advice_is_shown_with_its_source_and_an_opioid_is_a_stop_in_an_alert()
    {
        using var host = NewHost();
        using var patient = await PageJournalPatient.SignUpAsync(host, "advice@example.org");
        await patient.SetPlanAsync(StandardPlan);
        var advice = patient.Journal(j => j.Advise().Advice);
        var page = WebUtility.HtmlDecode(await patient.Browser.PageAsync("/today"));
        Assert.Contains($"<strong>{advice.Action}</strong>", page, StringComparison.Ordinal);
        Assert.Contains($"Source: {Ldn.Core.Evidence.PublishedSource.Of(advice.Source)}", page, StringComparison.Ordinal);
        Assert.Contains("<p class=\"disclaimer\">" + Ldn.Core.Disclaimer.NotMedicalAdvice + "</p>", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Stop: contact your prescriber", page, StringComparison.Ordinal);

        patient.Journal(j => j.AddMedication("tramadol", "2026-11-30 08:00"));
        var stop = await patient.Browser.PageAsync("/today");
        Assert.Contains("<section class=\"stop\" role=\"alert\"", stop, StringComparison.Ordinal);
        Assert.Contains("Stop: contact your prescriber", stop, StringComparison.Ordinal);

        // Sources as published, never the project's internal notes ("clinical-evidence.md §3.2"), on Today and in the report.
        Assert.Contains(".md", advice.Source, StringComparison.Ordinal);
        foreach (var shown in new[] { stop, await patient.Browser.PageAsync("/report") })
        {
            var text = WebUtility.HtmlDecode(shown);
            Assert.DoesNotContain(".md", text, StringComparison.Ordinal);
            Assert.DoesNotContain("§", text, StringComparison.Ordinal);
        }
    }

    [StoreFact]
    public async Task Bad_form_values_are_one_sentence_on_the_page_and_store_nothing()
    {
        using var host = NewHost();
        using var patient = await PageJournalPatient.SignUpAsync(host, "bad@example.org");
        using var other = await PageJournalPatient.SignUpAsync(host, "bad-other@example.org");
        await other.PostAsync("/today", "/today?handler=SideEffect", ("kind", "nausea"));
        var othersEffect = Assert.Single(other.Stored().SideEffects).Id;
        var huge = new string('x', 1_000_000);
        var cases = new (string Handler, (string, string)[] Fields, HttpStatusCode Status)[]
        {
            ("Taken", [("doseMg", "4.5kg")], HttpStatusCode.BadRequest),
            ("Taken", [("doseMg", "-3")], HttpStatusCode.BadRequest),
            ("Taken", [("doseMg", "25:00")], HttpStatusCode.BadRequest),
            ("Taken", [("doseMg", "1e9")], HttpStatusCode.BadRequest),
            ("Skipped", [("doseMg", "")], HttpStatusCode.BadRequest),
            ("CheckIn", [("score-pain", "-3")], HttpStatusCode.BadRequest),
            ("CheckIn", [("score-pain", "4.5")], HttpStatusCode.BadRequest),
            ("CheckIn", [("score-pain", "11")], HttpStatusCode.BadRequest),
            ("CheckIn", [("score-pain", "٣")], HttpStatusCode.BadRequest),
            ("CheckIn", [("score-pain", "3"), ("note", huge)], HttpStatusCode.BadRequest),
            ("CheckIn", [("note", "only a note")], HttpStatusCode.BadRequest),
            ("SideEffect", [("kind", "werewolfism")], HttpStatusCode.BadRequest),
            ("SideEffect", [("kind", "nausea"), ("severity", "apocalyptic")], HttpStatusCode.BadRequest),
            ("SideEffect", [("kind", "")], HttpStatusCode.BadRequest),
            ("EndSideEffect", [("id", "999")], HttpStatusCode.NotFound),
            ("EndSideEffect", [("id", "abc")], HttpStatusCode.NotFound),
            ("EndSideEffect", [("id", othersEffect.ToString(System.Globalization.CultureInfo.InvariantCulture))], HttpStatusCode.NotFound),
        };
        foreach (var (handler, fields, expected) in cases)
        {
            var sentence = await patient.RefusedAsync("/today", $"/today?handler={handler}", fields, expected);
            Assert.EndsWith(".", sentence.TrimEnd(')'), StringComparison.Ordinal);
        }

        var stored = patient.Stored();
        Assert.Empty(stored.Doses);
        Assert.Empty(stored.CheckIns);
        Assert.Empty(stored.SideEffects);
        Assert.Null(Assert.Single(other.Stored().SideEffects).To);
    }
}

public sealed class PageTodayOnSqlite : PageTodayBehaviour
{
    protected override bool Postgres => false;
}

[PostgresTests]
public sealed class PageTodayOnPostgres : PageTodayBehaviour
{
    protected override bool Postgres => true;
}
