using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Ldn.Core.Conditions;
using Ldn.Core.Pharmacology;
using Ldn.Core.Pharmacology.Parameters;
using Ldn.Storage.Tests;
using Ldn.Web.Journal;
using Xunit;

namespace Ldn.Web.Tests;

/// <summary>
/// <c>POST /api/simulate</c>: the document of <c>ldn simulate --json</c>, written by the one Core writer
/// (<see cref="SimulationDocument"/>) for the same options parsed by <see cref="SimulationOptions"/>; bad or
/// too-large options as one sentence, never a 500.
/// </summary>
public abstract class SimulateApiBehaviour : WebBehaviour
{
    [StoreFact]
    public async Task The_document_is_the_Core_writers_for_the_same_options()
    {
        using var host = NewHost();
        var clinician = await host.SignUpAsync("simulate@example.org", role: "clinician");
        var body = new { dose = "3mg", at = "21:30", every = "24h", count = 28, formulation = "liquid", scenario = "both", step = "2h", condition = "fibromyalgia" };
        var response = await PostAsync(clinician.Client, "/api/simulate", body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);

        var options = new SimulationOptions { Dose = "3mg", At = "21:30", Every = "24h", Count = 28, Formulation = "liquid", Scenario = "both", OutputStep = "2h" };
        var expected = Simulator.Run(options.ToRegimen(), ParameterSets.Default, ConditionCatalog.Find("fibromyalgia").Parameters, options.Step(), options.Scenarios(), tlr4: false);
        Assert.Equal(SimulationDocument.Json(expected), text);

        var document = JsonNode.Parse(text)!.AsObject();
        Assert.Equal("fibromyalgia", document["condition"]!.GetValue<string>());
        Assert.Equal(2, document["results"]!.AsArray().Count);
        Assert.Equal(28 * 24.0, document["regimen"]!["horizonHours"]!.GetValue<double>());
        Assert.Equal(3.0, document["regimen"]!["events"]![0]!["amountMg"]!.GetValue<double>());
        Assert.Equal((28 * 12) + 1, document["results"]![0]!["series"]!.AsArray().Count);
        Assert.Contains("not medical advice", document["notice"]!.GetValue<string>(), StringComparison.Ordinal);

        // The CLI's defaults: 84 nightly doses at 22:00, the model average then scenario B, hourly, generic condition.
        var defaults = JsonNode.Parse(await (await PostAsync(clinician.Client, "/api/simulate", new { dose = "4.5mg" })).Content.ReadAsStringAsync())!;
        var cli = new SimulationOptions { Dose = "4.5mg" };
        var averaged = Ldn.Core.Pharmacology.ModelAverage.ModelAverager.WithDefaultAverage(
            Simulator.Run(cli.ToRegimen(), ParameterSets.Default, ConditionCatalog.Generic.Parameters, cli.Step(), cli.Scenarios(), tlr4: false), structuresChosen: false, userParameters: false);
        Assert.Equal(SimulationDocument.Json(averaged), defaults.ToJsonString(Ldn.Core.DocumentJson.Options));
        Assert.Equal("model-average", defaults["results"]![0]!["scenario"]!.GetValue<string>());
    }

    [StoreFact]
    public async Task A_structure_is_chosen_by_its_own_field_and_not_together_with_a_scenario()
    {
        using var host = NewHost();
        var patient = await host.SignUpAsync("simulate-structure@example.org");
        var response = await PostAsync(patient.Client, "/api/simulate", new { dose = "4.5mg", count = 3, structure = "two-site,slow-pool" });
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        var results = JsonNode.Parse(text)!["results"]!.AsArray();
        Assert.Equal(["two-site", "slow-pool"], results.Select(r => r!["scenario"]!.GetValue<string>()));

        var both = await PostAsync(patient.Client, "/api/simulate", new { dose = "4.5mg", scenario = "B", structure = "two-site" });
        var problem = await AssertProblemAsync(both, HttpStatusCode.BadRequest);
        Assert.Contains("not both", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);

        var unknown = await PostAsync(patient.Client, "/api/simulate", new { dose = "4.5mg", structure = "three-site" });
        Assert.Contains("not a blockade structure", (await AssertProblemAsync(unknown, HttpStatusCode.BadRequest))["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [StoreFact]
    public async Task Bad_or_too_large_options_are_a_400_in_one_sentence()
    {
        using var host = NewHost();
        var patient = await host.SignUpAsync("simulate-bad@example.org");
        foreach (var (body, says) in new (object, string)[]
        {
            (new { at = "22:00" }, "Give the dose"),
            (new { dose = "4.5kg" }, "4.5kg"),
            (new { dose = "-4.5mg" }, "positive amount"),
            (new { dose = "4500mg" }, "check the unit"),
            (new { dose = "4.5mg", at = "25:00" }, "25:00"),
            (new { dose = "4.5mg", every = "0h" }, "interval"),
            (new { dose = "4.5mg", every = "soon" }, "soon"),
            (new { dose = "4.5mg", count = -3 }, "at least 1"),
            (new { dose = "4.5mg", count = int.MaxValue }, "one request may simulate"),
            (new { dose = "4.5mg", horizon = "10y" }, "366 days"),
            (new { dose = "4.5mg", horizon = "-2d" }, "positive"),
            (new { dose = "4.5mg", count = 400, every = "24h" }, "366 days"),
            (new { dose = "4.5mg", step = "1min" }, "10,000 points"),
            (new { dose = "4.5mg", step = "0h" }, "1 minute"),
            (new { dose = "4.5mg", scenario = "C" }, "not a scenario"),
            (new { dose = "4.5mg", formulation = "patch" }, "patch"),
            (new { dose = "4.5mg", condition = "unobtainium" }, "Unknown condition"),
            (new { dose = "4.5mg", condition = "/etc/conditions/x.yaml" }, "Unknown condition"),
            (new { dose = "4.5mg", @params = "/etc/passwd" }, "params"),
            (new { dose = "4.5mg", count = "many" }, "count"),
        })
        {
            var response = await PostAsync(patient.Client, "/api/simulate", body);
            var problem = await AssertProblemAsync(response, HttpStatusCode.BadRequest);
            var detail = problem["detail"]?.GetValue<string>() ?? "";
            Assert.True(detail.Contains(says, StringComparison.Ordinal), $"{JsonSerializer.Serialize(body)}: {detail}");
        }

        using var notJson = new StringContent("{ dose: 4.5mg", Encoding.UTF8, "application/json");
        await AssertProblemAsync(await patient.Client.PostAsync("/api/simulate", notJson), HttpStatusCode.BadRequest);
        using var text = new StringContent("dose=4.5mg", Encoding.UTF8, "text/plain");
        await AssertProblemAsync(await patient.Client.PostAsync("/api/simulate", text), HttpStatusCode.UnsupportedMediaType);
    }

    [Fact]
    public void The_limits_allow_an_hourly_year()
    {
        Assert.True(SimulateEndpoints.MaxPoints >= SimulateEndpoints.MaxHorizonDays * 24);
        Assert.True(SimulateEndpoints.MaxDoses >= SimulateEndpoints.MaxHorizonDays);
    }
}

public sealed class SqliteSimulateApiTests : SimulateApiBehaviour
{
    protected override bool Postgres => false;
}

[PostgresTests]
public sealed class PostgresSimulateApiTests : SimulateApiBehaviour
{
    protected override bool Postgres => true;
}
