using System.Net;
using System.Text.Json;
using Ldn.Core.Protocols;
using Ldn.Storage.Tests;
using Ldn.Web.Journal;
using NodaTime;
using Xunit;

namespace Ldn.Web.Tests;

/// <summary><c>POST /api/plan</c>: the document of <c>ldn plan --json</c> from <see cref="PlanBuilder"/>, and bad options as one sentence.</summary>
public abstract class PlanApiBehaviour : WebBehaviour
{
    private static readonly JsonSerializerOptions WebJson = new(JsonSerializerDefaults.Web);

    [StoreFact]
    public async Task A_plan_is_the_plan_builders_document_with_liquid_volumes()
    {
        using var host = NewHost();
        var pharmacist = await host.SignUpAsync("pharmacist@example.org", role: "pharmacist");
        var body = new { protocol = "standard", start = "2026-12-01", at = "21:30", tz = "Europe/Oslo", formulation = "liquid", concentration = "1mg/mL", medications = new[] { "sertraline" } };
        var response = await PostAsync(pharmacist.Client, "/api/plan", body);
        var plan = await JsonAsync(response, HttpStatusCode.OK);

        var expected = PlanDocument.From(PlanBuilder.Build(new PlanRequest
        {
            Protocol = ProtocolCatalog.Find("standard"),
            Start = new DateOnly(2026, 12, 1),
            At = Ldn.Core.Units.ClockTime.Parse("21:30"),
            Formulation = Ldn.Core.Dosing.Formulation.Liquid,
            ConcentrationMgPerMl = 1m,
            TimeZone = DateTimeZoneProviders.Tzdb["Europe/Oslo"],
            Patient = new Ldn.Core.Safety.PatientProfile { Medications = [new Ldn.Core.Safety.MedicationUse("sertraline")] },
        }), Ldn.Core.Disclaimer.NotMedicalAdvice);
        var expectedJson = JsonSerializer.SerializeToNode(expected, WebJson)!;
        Assert.Equal(expectedJson["steps"]!.ToJsonString(), plan["steps"]!.ToJsonString());
        Assert.NotNull(plan["steps"]![0]!["volumeMl"]);
        Assert.Equal(expectedJson["protocol"]!.ToJsonString(), plan["protocol"]!.ToJsonString());
    }

    [StoreFact]
    public async Task Bad_plan_options_are_a_400_in_one_sentence()
    {
        using var host = NewHost();
        var patient = await host.SignUpAsync("plan-bad@example.org");
        foreach (var body in new object[]
        {
            new { start = "2026-12-01" },
            new { protocol = "standrad", start = "2026-12-01" },
            new { protocol = "/etc/passwd", start = "2026-12-01" },
            new { protocol = "standard" },
            new { protocol = "standard", start = "01/12/2026" },
            new { protocol = "standard", start = "2026-12-01", at = "25:00" },
            new { protocol = "standard", start = "2026-12-01", tz = "Mars/Base" },
            new { protocol = "standard", start = "2026-12-01", formulation = "liquid", concentration = "1kg" },
            new { protocol = "standard", start = "2026-12-01", formulation = "liquid", concentration = "1mg/mL", syringe = "7mL" },
            new { protocol = "standard", start = "2026-12-01", medications = new[] { "@2026-11-01" } },
            new { protocol = "standard", start = "2026-12-01", surgery = "soon" },
        })
        {
            var problem = await AssertProblemAsync(await PostAsync(patient.Client, "/api/plan", body), HttpStatusCode.BadRequest);
            Assert.False(string.IsNullOrWhiteSpace(problem["detail"]?.GetValue<string>()), JsonSerializer.Serialize(body));
        }
    }
}

public sealed class SqlitePlanApiTests : PlanApiBehaviour
{
    protected override bool Postgres => false;
}

[PostgresTests]
public sealed class PostgresPlanApiTests : PlanApiBehaviour
{
    protected override bool Postgres => true;
}
