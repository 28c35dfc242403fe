using System.Text.Json;
using Ldn.Core;
using Ldn.Core.Dosing;
using Ldn.Core.Protocols;
using Ldn.Core.Units;

namespace Ldn.Web.Journal;

/// <summary>
/// The titration plan of <c>POST /api/simulate</c>, as <c>ldn simulate --plan FILE</c> takes it: either
/// <c>"plan": {…}</c>, the document of <c>POST /api/plan</c> (<c>ldn plan --json</c>) inline, read by the same
/// <see cref="PlanDocument.ReadSteps(string, string, string)"/>; or <c>"protocol"</c> with the <c>POST /api/plan</c>
/// options (<c>start</c>, <c>at</c>, <c>tz</c>, <c>formulation</c>, <c>concentration</c>, <c>syringe</c>,
/// <c>weight</c>), built by the same <see cref="PlanEndpoints.Document"/>. Either becomes the regimen of
/// <see cref="PlanRegimen.Create"/> (by default twelve weeks, or the titration and four weeks of maintenance).
/// As with the CLI, <c>dose</c>, <c>every</c> and <c>count</c> do not apply (nor <c>at</c> and <c>formulation</c>
/// beside an inline plan: the plan sets them). Bounded as the rest: the span at most
/// <see cref="SimulateEndpoints.MaxHorizonDays"/> days, the inline plan at most 1 MB (as the CLI's plan file).
/// </summary>
internal static class SimulatePlan
{
    private const int MaxPlanChars = 1_000_000;

    private const string Subject = "the request's \"plan\"";

    private const string Hint = "send the document of POST /api/plan as \"plan\", or \"protocol\" with \"start\"";

    /// <summary>The plan's regimen, or null when the body names no plan (a repeated dose is simulated then).</summary>
    /// <exception cref="InvalidInputException">Both a plan and a protocol, an option that does not apply, a bad plan, or too long a span.</exception>
    public static Regimen? Of(SimulateBody body, Duration? horizon)
    {
        ArgumentNullException.ThrowIfNull(body);
        var inline = body.Plan is { ValueKind: not JsonValueKind.Null and not JsonValueKind.Undefined } plan ? plan : (JsonElement?)null;
        if (inline is null && body.Protocol is null)
        {
            return null;
        }

        if (inline is not null && body.Protocol is not null)
        {
            throw new InvalidInputException("Give either \"plan\" (a plan document) or \"protocol\", not both.");
        }

        List<(string Name, object? Value)> repeatedDose = [("dose", body.Dose), ("every", body.Every), ("count", body.Count)];
        if (inline is not null)
        {
            repeatedDose.AddRange([("at", body.At), ("formulation", body.Formulation)]);
        }

        var clash = repeatedDose.FirstOrDefault(option => option.Value is not null);
        if (clash.Name is not null)
        {
            throw new InvalidInputException($"\"{clash.Name}\" does not apply with a plan: the plan sets the doses, times and formulation.");
        }

        var steps = inline is { } document ? Read(document) : Build(body);
        var span = horizon ?? DefaultSpan(steps);
        if (span <= Duration.Zero)
        {
            throw new InvalidInputException($"\"horizon\" must be a positive span such as 28d (got {span}).");
        }

        if (span > Duration.FromDays(SimulateEndpoints.MaxHorizonDays))
        {
            throw new InvalidInputException(
                $"The plan's simulated span of {span.Days:0.#} days is longer than the {SimulateEndpoints.MaxHorizonDays} days one request may simulate; give a shorter \"horizon\".");
        }

        // A step may last for years ("to" far ahead) and the regimen lists each of its doses: what lies beyond the
        // simulated span changes nothing, so each step ends with it.
        var last = steps[0].From.AddDays(SimulateEndpoints.MaxHorizonDays + 1);
        return PlanRegimen.Create([.. steps.Where(s => s.From <= last).Select(s => s.To is { } to && to > last ? s with { To = last } : s)], span);
    }

    /// <summary>The span <see cref="PlanRegimen.Create"/> takes without a horizon: twelve weeks, or the titration and four weeks on maintenance.</summary>
    private static Duration DefaultSpan(IReadOnlyList<PlanStep> steps)
    {
        var maintenance = Duration.FromDays(steps[^1].From.DayNumber - steps[0].From.DayNumber) + PlanRegimen.MaintenanceShown;
        return maintenance > PlanRegimen.ShortestDefaultHorizon ? maintenance : PlanRegimen.ShortestDefaultHorizon;
    }

    private static IReadOnlyList<PlanStep> Read(JsonElement plan)
    {
        if (plan.ValueKind != JsonValueKind.Object)
        {
            throw new InvalidInputException("\"plan\" is the document of POST /api/plan (a JSON object).");
        }

        var json = plan.GetRawText();
        return json.Length > MaxPlanChars
            ? throw new InvalidInputException("The request's \"plan\" is larger than 1 MB; it is not a plan from POST /api/plan.")
            : PlanDocument.ReadSteps(json, Subject, Hint);
    }

    private static IReadOnlyList<PlanStep> Build(SimulateBody body)
    {
        var options = new PlanBody(body.Protocol, body.Start, body.At, body.Tz, body.Formulation, body.Concentration, body.Syringe, body.Weight,
            null, null, null, null, null, null, null, null);
        return PlanEndpoints.Document(options).ToSteps("the protocol's plan", "check \"start\" and the protocol");
    }
}
