using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Ldn.Storage.Tests;
using Xunit;

namespace Ldn.Web.Tests;

/// <summary>
/// <c>/api/journal/plan</c>: saving a plan made from the <c>/api/plan</c> options as a journal plan version,
/// adjusting it as <c>ldn journal plan adjust</c> does, the versions equal to those of the journal document,
/// and bad input as one sentence with nothing stored.
/// </summary>
public abstract class PlanVersionApiBehaviour : WebBehaviour
{
    [StoreFact]
    public async Task A_saved_plan_is_a_version_in_the_journals_zone_and_later_versions_and_adjustments_follow_it()
    {
        using var host = NewHost();
        var patient = await host.SignUpAsync("versions@example.org");
        var empty = await JsonAsync(await patient.Client.GetAsync("/api/journal/plan"), HttpStatusCode.OK);
        Assert.Empty(empty["versions"]!.AsArray());
        Assert.Null(empty["inForce"]);

        var first = await JsonAsync(await patient.Client.PutAsJsonAsync("/api/journal/plan", new { protocol = "standard", start = "2026-11-25" }), HttpStatusCode.Created);
        var version = first["versions"]!.AsArray().Single()!;
        Assert.Equal(first["added"]!.GetValue<long>(), version["id"]!.GetValue<long>());
        Assert.Equal("2026-11-25", version["from"]!.GetValue<string>());
        Assert.Null(version["to"]);
        Assert.Equal("set", version["adjustment"]!.GetValue<string>());
        Assert.Equal("standard", version["document"]!["protocol"]!.GetValue<string>());
        Assert.Equal("Europe/Oslo", version["document"]!["timeZone"]!.GetValue<string>());
        Assert.Equal(1.5m, version["document"]!["steps"]![0]!["doseMg"]!.GetValue<decimal>());
        Assert.Equal(version.ToJsonString(), first["inForce"]!.ToJsonString());

        // A later plan from a date: the first ends the day before; today the first is still in force.
        var second = await JsonAsync(await patient.Client.PutAsJsonAsync("/api/journal/plan", new { protocol = "fixed-4.5", from = "2026-12-05", at = "08:00" }), HttpStatusCode.Created);
        var versions = second["versions"]!.AsArray();
        Assert.Equal(["2026-11-25", "2026-12-05"], versions.Select(v => v!["from"]!.GetValue<string>()));
        Assert.Equal("2026-12-04", versions[0]!["to"]!.GetValue<string>());
        Assert.Equal("2026-12-05", versions[1]!["document"]!["start"]!.GetValue<string>());
        Assert.Equal(versions[0]!["id"]!.GetValue<long>(), second["inForce"]!["id"]!.GetValue<long>());

        // An adjustment from today: step down is not possible on the first step, a move to the morning is.
        var moved = await JsonAsync(await PostAsync(patient.Client, "/api/journal/plan/adjust", new { action = "move-to-morning", at = "07:30" }), HttpStatusCode.Created);
        var now = moved["inForce"]!;
        Assert.Equal(moved["added"]!.GetValue<long>(), now["id"]!.GetValue<long>());
        Assert.Equal("move-to-morning", now["adjustment"]!.GetValue<string>());
        Assert.Equal("2026-12-01", now["from"]!.GetValue<string>());
        Assert.Equal("07:30", now["document"]!["steps"]![0]!["at"]!.GetValue<string>());
        Assert.Equal(3, moved["versions"]!.AsArray().Count);

        // The versions are the journal document's plans (ldn journal show --json), and GET gives the same.
        var journal = await JsonAsync(await patient.Client.GetAsync("/api/journal"), HttpStatusCode.OK);
        Assert.Equal(journal["plans"]!.ToJsonString(), moved["versions"]!.ToJsonString());
        var listed = await JsonAsync(await patient.Client.GetAsync("/api/journal/plan"), HttpStatusCode.OK);
        Assert.Equal(moved["versions"]!.ToJsonString(), listed["versions"]!.ToJsonString());
        Assert.Equal(now.ToJsonString(), listed["inForce"]!.ToJsonString());
        Assert.Null(listed["added"]);
    }

    [StoreFact]
    public async Task Bad_plan_versions_and_adjustments_are_a_400_in_one_sentence_and_store_nothing()
    {
        using var host = NewHost();
        var patient = await host.SignUpAsync("versions-bad@example.org");
        var noPlan = await AssertProblemAsync(await PostAsync(patient.Client, "/api/journal/plan/adjust", new { action = "hold" }), HttpStatusCode.BadRequest);
        Assert.Contains("no plan", noPlan["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        await JsonAsync(await patient.Client.PutAsJsonAsync("/api/journal/plan", new { protocol = "standard", start = "2026-11-25" }), HttpStatusCode.Created);
        var before = await patient.Client.GetStringAsync("/api/journal/plan");

        foreach (var body in new object[]
        {
            new { protocol = "standrad" },
            new { protocol = "standard", at = "25:00" },
            new { protocol = "standard", tz = "Mars/Base" },
            new { protocol = "standard", from = "2026-02-30" },
            new { protocol = "standard", from = "2026-11-01" },
            new { protocol = "standard", from = 5 },
            new { protocol = "standard", from = "2026-12-02", dose = "4.5kg" },
            new { protocol = new string('x', 1_000_000) },
            new { protocol = "standard", medications = new[] { "@2026-11-01" } },
        })
        {
            var problem = await AssertProblemAsync(await patient.Client.PutAsJsonAsync("/api/journal/plan", body), HttpStatusCode.BadRequest);
            Assert.False(string.IsNullOrWhiteSpace(problem["detail"]?.GetValue<string>()));
        }

        foreach (var text in new[] { "{", "[1,2]", "\"standard\"", "null", "{\"protocol\": {\"a\": 1}}" })
        {
            using var content = new StringContent(text, Encoding.UTF8, "application/json");
            await AssertProblemAsync(await patient.Client.PutAsync("/api/journal/plan", content), HttpStatusCode.BadRequest);
        }

        using (var wrongType = new StringContent("protocol=standard", Encoding.UTF8, "application/x-www-form-urlencoded"))
        {
            await AssertProblemAsync(await patient.Client.PutAsync("/api/journal/plan", wrongType), HttpStatusCode.UnsupportedMediaType);
        }

        foreach (var body in new object[]
        {
            new { action = "jump" },
            new { },
            new { action = "hold", from = "2026-11-01" },
            new { action = "hold", from = "soon" },
            new { action = "move-to-evening", at = "25:00" },
            new { action = "hold", at = "22:00", extra = true },
        })
        {
            await AssertProblemAsync(await PostAsync(patient.Client, "/api/journal/plan/adjust", body), HttpStatusCode.BadRequest);
        }

        Assert.Equal(before, await patient.Client.GetStringAsync("/api/journal/plan"));
    }
}

public sealed class SqlitePlanVersionApiTests : PlanVersionApiBehaviour
{
    protected override bool Postgres => false;
}

[PostgresTests]
public sealed class PostgresPlanVersionApiTests : PlanVersionApiBehaviour
{
    protected override bool Postgres => true;
}
