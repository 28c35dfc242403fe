using System.Net;
using Ldn.Storage.Tests;
using Xunit;

namespace Ldn.Web.Tests;

/// <summary>
/// <c>GET</c>/<c>POST /api/journal/scales</c> and the <c>/journal/scales</c> page: the catalogue (built-in and
/// the journal's own), a scale added as <c>ldn journal scale add</c> adds it (then asked on <c>/today</c>), a
/// name already there is 409, nonsense 400 in one sentence, and nothing is stored by a refusal.
/// </summary>
public abstract class ScaleApiBehaviour : WebBehaviour
{
    [StoreFact]
    public async Task The_catalogue_lists_built_in_scales_and_a_scale_added_as_the_CLI_adds_it()
    {
        using var host = NewHost();
        var patient = await host.SignUpAsync("scales@example.org");
        var before = (await JsonAsync(await patient.Client.GetAsync("/api/journal/scales"), HttpStatusCode.OK))["scales"]!.AsArray();
        Assert.Equal(["fatigue", "pain", "sleep", "mood", "focus"], before.Select(s => s!["id"]!.GetValue<string>()));
        var pain = before[1]!;
        Assert.Equal("Pain", pain["name"]!.GetValue<string>());
        Assert.Equal(0, pain["min"]!.GetValue<int>());
        Assert.Equal(10, pain["max"]!.GetValue<int>());
        Assert.True(pain["higherIsWorse"]!.GetValue<bool>());
        Assert.True(pain["builtIn"]!.GetValue<bool>());
        Assert.Equal("72514-3", pain["code"]!.GetValue<string>());

        var response = await PostAsync(patient.Client, "/api/journal/scales", new { name = "Brain fog", higherIsWorse = true, high = "can't think" });
        var added = await JsonAsync(response, HttpStatusCode.Created);
        Assert.Equal("/api/journal/scales/brain-fog", response.Headers.Location?.OriginalString);
        Assert.Equal("brain-fog", added["id"]!.GetValue<string>());
        Assert.Equal("Brain fog", added["name"]!.GetValue<string>());
        Assert.Equal("none", added["lowAnchor"]!.GetValue<string>());
        Assert.Equal("can't think", added["highAnchor"]!.GetValue<string>());
        Assert.False(added["builtIn"]!.GetValue<bool>());
        var mood = await JsonAsync(await PostAsync(patient.Client, "/api/journal/scales", new { name = "Energy", min = 0, max = 10 }), HttpStatusCode.Created);
        Assert.Equal("worst", mood["lowAnchor"]!.GetValue<string>());
        Assert.Equal("best", mood["highAnchor"]!.GetValue<string>());

        var after = (await JsonAsync(await patient.Client.GetAsync("/api/journal/scales"), HttpStatusCode.OK))["scales"]!.AsArray();
        Assert.Equal(["fatigue", "pain", "sleep", "mood", "focus", "brain-fog", "energy"], after.Select(s => s!["id"]!.GetValue<string>()));

        // The check-in takes the new scale, and the journal document lists it as the CLI's does.
        await JsonAsync(await PostAsync(patient.Client, "/api/journal/checkins", new { scores = new Dictionary<string, int> { ["brain fog"] = 6 } }), HttpStatusCode.Created);
        var journal = await JsonAsync(await patient.Client.GetAsync("/api/journal"), HttpStatusCode.OK);
        Assert.Contains(journal["scales"]!.AsArray(), s => s!["id"]!.GetValue<string>() == "brain-fog");

        // Another patient's catalogue is their own.
        var other = await host.SignUpAsync("scales-other@example.org");
        Assert.Equal(5, (await JsonAsync(await other.Client.GetAsync("/api/journal/scales"), HttpStatusCode.OK))["scales"]!.AsArray().Count);
    }

    [StoreFact]
    public async Task A_name_already_there_is_409_and_nonsense_400_with_nothing_stored()
    {
        using var host = NewHost();
        var patient = await host.SignUpAsync("scales-bad@example.org");
        await JsonAsync(await PostAsync(patient.Client, "/api/journal/scales", new { name = "brain fog" }), HttpStatusCode.Created);
        var catalogue = await patient.Client.GetStringAsync("/api/journal/scales");

        foreach (var name in new[] { "Brain Fog", "brain-fog", "BRAIN  FOG!", "pain", "Sleep quality" })
        {
            var problem = await AssertProblemAsync(await PostAsync(patient.Client, "/api/journal/scales", new { name }), HttpStatusCode.Conflict);
            Assert.Contains("already has a scale", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        }

        foreach (var (body, says) in new (object, string)[]
        {
            (new { }, "1–60 characters"),
            (new { name = "" }, "1–60 characters"),
            (new { name = new string('x', 61) }, "1–60 characters"),
            (new { name = new string('x', 1_000_000) }, "1–60 characters"),
            (new { name = "!!!" }, "no letter or digit"),
            (new { name = "tinnitus", low = new string('y', 61) }, "at most 60"),
            (new { name = "tinnitus", min = 1 }, "from 0 to 10"),
            (new { name = "tinnitus", max = 100 }, "from 0 to 10"),
            (new { name = "tinnitus", higherIsWorse = "very" }, "The field 'higherIsWorse' must be true or false."),
            (new { name = "tinnitus", colour = "red" }, "The body has a field 'colour' this route does not take."),
        })
        {
            var problem = await AssertProblemAsync(await PostAsync(patient.Client, "/api/journal/scales", body), HttpStatusCode.BadRequest);
            Assert.Contains(says, problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        }

        using var text = new StringContent("name=tinnitus", System.Text.Encoding.UTF8, "text/plain");
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, (await patient.Client.PostAsync("/api/journal/scales", text)).StatusCode);

        // A full catalogue: 30 scales at most.
        for (var n = 7; n <= 30; n++)
        {
            await JsonAsync(await PostAsync(patient.Client, "/api/journal/scales", new { name = $"symptom {n}" }), HttpStatusCode.Created);
        }

        var full = await AssertProblemAsync(await PostAsync(patient.Client, "/api/journal/scales", new { name = "one more" }), HttpStatusCode.BadRequest);
        Assert.Contains("no more can be added", full["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(30, (await JsonAsync(await patient.Client.GetAsync("/api/journal/scales"), HttpStatusCode.OK))["scales"]!.AsArray().Count);
        Assert.Contains("brain-fog", catalogue, StringComparison.Ordinal);
    }

    [StoreFact]
    public async Task The_page_adds_a_scale_that_Today_then_asks_and_refuses_a_clash()
    {
        using var host = NewHost();
        using var patient = await PageJournalPatient.SignUpAsync(host, "scales-page@example.org");
        var page = await patient.Browser.PageAsync("/journal/scales");
        Assert.Contains("Sleep quality (built in)", page, StringComparison.Ordinal);

        var (status, _, location) = await patient.PostAsync("/journal/scales", "/journal/scales", ("name", "Tinnitus"), ("higherIsWorse", "true"), ("high", "unbearable"));
        Assert.Equal(HttpStatusCode.Redirect, status);
        Assert.Equal("/journal/scales?added=tinnitus", location);
        Assert.Contains("Scale added: Tinnitus (0 none – 10 unbearable).", await patient.Browser.PageAsync(location!), StringComparison.Ordinal);
        var scale = Assert.Single(patient.Stored().Scales, s => s.Id == "tinnitus");
        Assert.True(scale.HigherIsWorse);

        var today = await patient.Browser.PageAsync("/today");
        Assert.Contains("<label for=\"score-tinnitus\">Tinnitus</label>", today, StringComparison.Ordinal);
        Assert.Contains("0 none · 10 unbearable", today, StringComparison.Ordinal);

        var clash = await patient.RefusedAsync("/journal/scales", "/journal/scales", [("name", "tinnitus!")], HttpStatusCode.Conflict);
        Assert.Contains("already has a scale 'Tinnitus'", clash, StringComparison.Ordinal);
        var empty = await patient.RefusedAsync("/journal/scales", "/journal/scales", [("name", " ")], HttpStatusCode.BadRequest);
        Assert.Contains("1–60 characters", empty, StringComparison.Ordinal);
        Assert.Equal(6, patient.Stored().Scales.Count);
    }
}

public sealed class SqliteScaleApiTests : ScaleApiBehaviour
{
    protected override bool Postgres => false;
}

[PostgresTests]
public sealed class PostgresScaleApiTests : ScaleApiBehaviour
{
    protected override bool Postgres => true;
}
