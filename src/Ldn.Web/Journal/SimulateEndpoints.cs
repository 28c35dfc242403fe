using System.Threading.RateLimiting;
using Ldn.Core;
using Ldn.Core.Conditions;
using Ldn.Core.Pharmacology;
using Ldn.Core.Pharmacology.ModelAverage;
using Ldn.Core.Pharmacology.Parameters;
using Ldn.Core.Units;
using Ldn.Web.Hosting;
using Microsoft.AspNetCore.RateLimiting;

namespace Ldn.Web.Journal;

/// <summary>
/// <c>POST /api/simulate</c>: the <c>ldn simulate</c> options as JSON, values written as on the command line
/// (<see cref="SimulateBody"/>), parsed by the same Core <see cref="SimulationOptions"/> and run through the same
/// <see cref="Simulator"/>, answered with the document of <c>ldn simulate --json</c> written by the same
/// <see cref="SimulationDocument"/>. Any signed-in account may call it; it reads and stores nothing. The server
/// opens no file named in a request: the built-in parameter set only, and a condition from the catalogue only.
/// One request's work is bounded: at most <see cref="MaxHorizonDays"/> days simulated, <see cref="MaxDoses"/>
/// doses and <see cref="MaxPoints"/> points per series; beyond that 400 with one sentence. One address may
/// simulate <see cref="DefaultPerMinute"/> times a minute (<see cref="Limit"/>, shared with <c>/simulator</c>).
/// </summary>
internal static class SimulateEndpoints
{
    /// <summary>
    /// A year and a day: any titration and a year on the dose, about 0.3 s of CPU, about three times that with the default
    /// model average (two more full runs; the band's 200 closed-form replicates are cheap); ten years would be seconds per request.
    /// </summary>
    public const int MaxHorizonDays = 366;

    /// <summary>Doses are enumerated one by one (even those past the horizon), so their number is bounded too: hourly for a year.</summary>
    public const int MaxDoses = MaxHorizonDays * 24;

    /// <summary>Points per series: an hourly year (8,785) fits; the answer stays under ~3 MB per scenario.</summary>
    public const int MaxPoints = 10_000;

    /// <summary>The rate-limiter policy of <c>POST /api/simulate</c> and the anonymous <c>/simulator</c> page: a fixed window per client address.</summary>
    public const string Limit = "simulate";

    /// <summary>Configuration key: simulations per minute from one address (API and page together); 30 unless set.</summary>
    public const string PerMinuteKey = "Ldn:SimulatePerMinute";

    public const int DefaultPerMinute = 30;

    /// <summary>
    /// Adds <see cref="Limit"/>: each simulation costs up to ~0.3 s of CPU and <c>/simulator</c> needs no account,
    /// so one address may run <see cref="DefaultPerMinute"/> a minute (one every two seconds, more than a person
    /// trying doses needs); beyond that 429 with one sentence (<see cref="Problems.TooManyAsync"/>).
    /// </summary>
    public static void AddLimit(RateLimiterOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.AddPolicy(Limit, context =>
        {
            var perMinute = context.RequestServices.GetRequiredService<IConfiguration>().GetValue(PerMinuteKey, DefaultPerMinute);
            return RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 });
        });
    }

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapPost("/api/simulate", Simulate).RequireAuthorization().RequireRateLimiting(Limit).WithTags("Model")
            .Produces(StatusCodes.Status200OK, contentType: "application/json");
    }

    private static IResult Simulate(SimulateBody body)
    {
        var defaults = new SimulationOptions();
        var count = body.Count ?? defaults.Count;
        if (count > MaxDoses)
        {
            throw new InvalidInputException($"{count} doses are more than the {MaxDoses:N0} one request may simulate.");
        }

        var planned = SimulatePlan.Of(body, new SimulationOptions { Horizon = body.Horizon }.HorizonDuration());
        var options = new SimulationOptions
        {
            Dose = planned is not null ? null : body.Dose ?? throw new InvalidInputException("Give the dose, e.g. \"dose\": \"4.5mg\", or a titration plan (\"plan\" or \"protocol\")."),
            At = body.At ?? defaults.At,
            Every = body.Every ?? defaults.Every,
            Count = count,
            Horizon = body.Horizon,
            Formulation = body.Formulation ?? defaults.Formulation,
            Scenario = body.Scenario ?? defaults.Scenario,
            OutputStep = body.Step ?? defaults.OutputStep,
        };
        var regimen = planned ?? options.ToRegimen();
        if (regimen.Horizon > Duration.FromDays(MaxHorizonDays))
        {
            throw new InvalidInputException(
                $"The simulated span of {regimen.Horizon.Days:0.#} days is longer than the {MaxHorizonDays} days one request may simulate; give a shorter \"horizon\" or fewer doses.");
        }

        if (body.Scenario is not null && body.Structure is not null)
        {
            throw new InvalidInputException("Give either \"scenario\" or \"structure\", not both (\"structure\": \"A,B\" is \"scenario\": \"both\").");
        }

        // Neither given: the model average of the adequate structures first, then scenario B as before (issue 12 item 4).
        var chosen = body.Scenario is not null || body.Structure is not null;
        var scenarios = body.Structure is { } structure ? OccupancyScenarios.ParseStructures(structure) : options.Scenarios();
        var step = options.Step();
        // A step below the simulator's shortest (or not a number) gets the simulator's own sentence below.
        if (step >= Simulator.ShortestOutputStep && regimen.Horizon / step > MaxPoints)
        {
            throw new InvalidInputException(
                $"An output step of {step} over {regimen.Horizon.Days:0.#} days gives more than the {MaxPoints:N0} points one request may return; use a larger \"step\".");
        }

        var condition = string.IsNullOrWhiteSpace(body.Condition) ? ConditionCatalog.Generic : ConditionCatalog.Find(body.Condition);
        var result = ModelAverager.WithDefaultAverage(
            Simulator.Run(regimen, ParameterSets.Default, condition.Parameters, step, scenarios, body.Tlr4 ?? false), chosen, userParameters: false);
        return Results.Text(SimulationDocument.Json(result), "application/json; charset=utf-8");
    }
}

/// <summary>
/// The options of <c>ldn simulate</c> as JSON, values written as on the command line: <c>dose</c> ("4.5mg",
/// required), <c>at</c> (HH:mm, default 22:00), <c>every</c> ("24h"), <c>count</c> (a number, default 84),
/// <c>horizon</c> ("28d", default count × every), <c>formulation</c> (capsule, tablet, liquid, sublingual),
/// <c>scenario</c> (A, B or both) or <c>structure</c> (a structure name, a comma list or all; not with <c>scenario</c>) —
/// with neither, the model average comes first —, <c>step</c> (the CLI's <c>--output-step</c>, "1h"), <c>condition</c> (a
/// catalogue id, default generic) and <c>tlr4</c>; or, in place of <c>dose</c>, a titration plan as the CLI's
/// <c>--plan</c>: <c>plan</c> (the document of <c>POST /api/plan</c>) or <c>protocol</c> with <c>start</c>,
/// <c>at</c>, <c>tz</c>, <c>formulation</c>, <c>concentration</c>, <c>syringe</c>, <c>weight</c> (see <see cref="SimulatePlan"/>).
/// </summary>
internal sealed record SimulateBody(
    string? Dose, string? At, string? Every, int? Count, string? Horizon, string? Formulation, string? Scenario, string? Step, string? Condition, bool? Tlr4,
    System.Text.Json.JsonElement? Plan = null, string? Protocol = null, string? Start = null, string? Tz = null, string? Concentration = null, string? Syringe = null, string? Weight = null,
    string? Structure = null);
