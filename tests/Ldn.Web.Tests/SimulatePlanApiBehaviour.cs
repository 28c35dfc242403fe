using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Ldn.Core.Conditions;
using Ldn.Core.Pharmacology;
using Ldn.Core.Pharmacology.Parameters;
using Ldn.Core.Protocols;
using Ldn.Storage.Tests;
using Xunit;

namespace Ldn.Web.Tests;

/// <summary>
/// <c>POST /api/simulate</c> with a titration plan, as <c>ldn simulate --plan FILE</c>: the plan document of
/// <c>POST /api/plan</c> inline or a protocol with its options give the document the CLI's Core path gives
/// (<see cref="PlanDocument.ReadSteps(string, string)"/>, <see cref="PlanRegimen.Create"/>, the one writer);
/// options that do not apply, bad plans and too long a span are 400 in one sentence.
/// </summary>
public abstract class SimulatePlanApiBehaviour : WebBehaviour
{
    private static readonly object Standard = new { protocol = "standard", start = "2026-12-01", at = "21:30", tz = "Europe/Oslo" };

    [StoreFact]
    public async Task An_inline_plan_and_a_protocol_simulate_as_the_CLI_simulates_the_plan_file()
    {
        using var host = NewHost();
        var clinician = await host.SignUpAsync("simulate-plan@example.org", role: "clinician");
        var planText = await (await PostAsync(clinician.Client, "/api/plan", Standard)).Content.ReadAsStringAsync();
        var plan = JsonNode.Parse(planText)!;

        // The CLI's path for 'ldn plan --json > p.json; ldn simulate --plan p.json --output-step 2h --json'.
        var cli = new SimulationOptions { OutputStep = "2h" };
        var regimen = PlanRegimen.Create(PlanDocument.ReadSteps(planText, "p.json"), cli.HorizonDuration());
        // Neither scenario nor structure given: the model average first, as the CLI's default (issue 12 item 4).
        var expected = SimulationDocument.Json(Ldn.Core.Pharmacology.ModelAverage.ModelAverager.WithDefaultAverage(
            Simulator.Run(regimen, ParameterSets.Default, ConditionCatalog.Generic.Parameters, cli.Step(), cli.Scenarios(), tlr4: false), structuresChosen: false, userParameters: false));

        var inline = await PostAsync(clinician.Client, "/api/simulate", new { plan, step = "2h" });
        var text = await inline.Content.ReadAsStringAsync();
        Assert.True(inline.StatusCode == HttpStatusCode.OK, text);
        Assert.Equal(expected, text);
        var events = JsonNode.Parse(text)!["regimen"]!["events"]!.AsArray();
        Assert.Equal(plan["steps"]!.AsArray().Count, events.Count);
        Assert.Equal(plan["steps"]![0]!["doseMg"]!.GetValue<double>(), events[0]!["amountMg"]!.GetValue<double>());
        Assert.True(events[^1]!["amountMg"]!.GetValue<double>() > events[0]!["amountMg"]!.GetValue<double>());

        var protocol = await PostAsync(clinician.Client, "/api/simulate", new { protocol = "standard", start = "2026-12-01", at = "21:30", tz = "Europe/Oslo", step = "2h" });
        Assert.Equal(expected, await protocol.Content.ReadAsStringAsync());

        // A horizon, a scenario and a condition apply as without a plan.
        var month = JsonNode.Parse(await (await PostAsync(clinician.Client, "/api/simulate", new { plan, horizon = "28d", scenario = "both", condition = "fibromyalgia" })).Content.ReadAsStringAsync())!;
        Assert.Equal(28 * 24.0, month["regimen"]!["horizonHours"]!.GetValue<double>());
        Assert.Equal(2, month["results"]!.AsArray().Count);
        Assert.Equal("fibromyalgia", month["condition"]!.GetValue<string>());
    }

    [StoreFact]
    public async Task A_step_lasting_for_years_is_simulated_within_the_bound()
    {
        using var host = NewHost();
        var patient = await host.SignUpAsync("simulate-long@example.org");
        var plan = new { steps = new[] { new { from = "2026-12-01", to = "9999-12-31", doseMg = 1.5m, at = "22:00" } } };
        var response = await PostAsync(patient.Client, "/api/simulate", new { plan, step = "6h" });
        var document = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(84 * 24.0, document["regimen"]!["horizonHours"]!.GetValue<double>());
        Assert.Equal(1.5, document["regimen"]!["events"]![0]!["amountMg"]!.GetValue<double>());
    }

    [StoreFact]
    public async Task Options_that_do_not_apply_bad_plans_and_long_spans_are_400_in_one_sentence()
    {
        using var host = NewHost();
        var patient = await host.SignUpAsync("simulate-plan-bad@example.org");
        var plan = JsonNode.Parse(await (await PostAsync(patient.Client, "/api/plan", Standard)).Content.ReadAsStringAsync())!;
        var late = new { steps = new object[] { new { from = "2026-12-01", to = "2026-12-07", doseMg = 1.5m, at = "22:00" }, new { from = "2028-01-01", doseMg = 4.5m, at = "22:00" } } };
        foreach (var (body, says) in new (object, string)[]
        {
            (new { plan, protocol = "standard", start = "2026-12-01" }, "not both"),
            (new { plan, dose = "4.5mg" }, "\"dose\" does not apply"),
            (new { plan, count = 10 }, "\"count\" does not apply"),
            (new { plan, every = "12h" }, "\"every\" does not apply"),
            (new { plan, at = "08:00" }, "\"at\" does not apply"),
            (new { protocol = "standard", start = "2026-12-01", dose = "4.5mg" }, "\"dose\" does not apply"),
            (new { plan = "standard" }, "JSON object"),
            (new { plan = new[] { 1, 2 } }, "JSON object"),
            (new { plan = new { } }, "has no steps"),
            (new { plan = new { steps = Array.Empty<object>() } }, "has no steps"),
            (new { plan = new { steps = new[] { new { from = "2026-12-01", doseMg = -1m, at = "22:00" } } } }, "Step 1 of the request's \"plan\" has no positive 'doseMg'"),
            (new { plan = new { steps = new[] { new { from = "2026-12-01", doseMg = 4500m, at = "22:00" } } } }, "check the unit"),
            (new { plan = new { steps = new[] { new { from = "2026-13-01", doseMg = 1.5m, at = "22:00" } } } }, "'from' date"),
            (new { plan = new { steps = new[] { new { from = "2026-12-01", doseMg = 1.5m, at = "25:00" } } } }, "25:00"),
            (new { plan = new { steps = "many" } }, "not a plan from"),
            (new { plan = late }, "366 days"),
            (new { plan, horizon = "400d" }, "366 days"),
            (new { plan, horizon = "-2d" }, "positive"),
            (new { protocol = "unobtainium", start = "2026-12-01" }, "unobtainium"),
            (new { protocol = "standard" }, "start date"),
            (new { protocol = "standard", start = "2026-12-01", tz = "Mars/Olympus" }, "Mars/Olympus"),
            (new { protocol = "standard", start = "2026-12-01", at = "25:00" }, "25:00"),
            (new { plan = new { steps = new[] { new { from = "2026-12-01", doseMg = 1.5m, at = "22:00", note = new string('x', 1_100_000) } } } }, "larger than 1 MB"),
        })
        {
            var problem = await AssertProblemAsync(await PostAsync(patient.Client, "/api/simulate", body), HttpStatusCode.BadRequest);
            var detail = problem["detail"]?.GetValue<string>() ?? "";
            Assert.True(detail.Contains(says, StringComparison.Ordinal), $"{JsonSerializer.Serialize(body)[..Math.Min(200, JsonSerializer.Serialize(body).Length)]}: {detail}");
            Assert.True(detail.Length < 400, detail);
        }
    }
}

public sealed class SqliteSimulatePlanApiTests : SimulatePlanApiBehaviour
{
    protected override bool Postgres => false;
}

[PostgresTests]
public sealed class PostgresSimulatePlanApiTests : SimulatePlanApiBehaviour
{
    protected override bool Postgres => true;
}
