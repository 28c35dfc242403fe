using System.Globalization;
using Ldn.Core.Compounding;
using Ldn.Core.Dosing;
using Ldn.Core.Safety;

namespace Ldn.Core.Protocols;

/// <summary>
/// Lays a protocol onto the calendar and runs the safety checks. A hard stop (an opioid) or a refusal
/// (a dose above 10 mg) ends in an <see cref="InvalidInputException"/> that says why: such a plan is
/// never produced, so nothing unsafe reaches a calendar silently. Warnings travel with the plan.
/// </summary>
public static class PlanBuilder
{
    /// <summary>Weight-based doses are rounded to 0.1 mg, the precision a compounding pharmacy fills.</summary>
    public const decimal WeightDoseStepMg = 0.1m;

    /// <summary>Plans start between these dates; anything else is a typo in the year (and keeps every date arithmetic in range).</summary>
    public static readonly DateOnly EarliestStart = new(1970, 1, 1);

    public static readonly DateOnly LatestStart = new(2200, 12, 31);

    public static TitrationPlan Build(PlanRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Start < EarliestStart || request.Start > LatestStart)
        {
            throw new InvalidInputException(
                $"A plan cannot start on {request.Start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}: give a start between {EarliestStart.Year} and {LatestStart.Year} (check the year).");
        }

        var protocol = request.Protocol;
        var warnings = new List<SafetyFinding>();
        if (protocol.NeedsWeight && request.Weight is null)
        {
            throw new InvalidInputException($"The protocol '{protocol.Id}' doses by body weight; give the weight with --weight, e.g. --weight 30kg.");
        }

        if (!protocol.NeedsWeight && request.Weight is { } unused)
        {
            warnings.Add(new("weight-not-used", SafetySeverity.Warning,
                $"The protocol '{protocol.Id}' does not dose by weight, so the weight of {unused} was not used.", "ldn plan"));
        }

        if (request.Formulation == Formulation.Liquid && request.ConcentrationMgPerMl is null)
        {
            throw new InvalidInputException("A liquid plan needs the liquid's strength, e.g. --concentration 1mg/mL.");
        }

        if (request.Formulation != Formulation.Liquid && request.ConcentrationMgPerMl is not null)
        {
            throw new InvalidInputException($"--concentration applies to a liquid only, but the formulation is {request.Formulation.Name()}.");
        }

        var at = request.At ?? protocol.DefaultTime;
        var steps = new List<PlanStep>();
        foreach (var step in protocol.Steps)
        {
            var dose = DoseFor(step.Dose, request.Weight?.Kilograms, protocol.MaxDoseMg);
            var from = request.Start.AddDays(step.FirstDay - 1);
            DateOnly? to = step.LastDay is { } last ? request.Start.AddDays(last - 1) : null;
            Syringe? syringe = null;
            MeasuredLiquidDose? liquid = null;
            if (request.Formulation == Formulation.Liquid)
            {
                var concentration = request.ConcentrationMgPerMl!.Value;
                (syringe, liquid) = request.Syringe is { } chosen
                    ? (chosen, LiquidDosing.Measure(concentration, dose, chosen))
                    : SyringeChoice.Best(candidate => LiquidDosing.Measure(concentration, dose, candidate));
            }

            steps.Add(new PlanStep(steps.Count + 1, from, to, dose, at, request.Formulation, liquid, syringe));
        }

        var findings = SafetyChecks.Evaluate(new SafetyContext
        {
            DosesMg = [.. steps.Select(s => s.DoseMg)],
            Patient = request.Patient,
            StartDate = request.Start,
        });
        var blocking = findings.FirstOrDefault(f => f.Severity == SafetySeverity.HardStop) ?? findings.FirstOrDefault(f => f.Severity == SafetySeverity.Refusal);
        if (blocking is not null)
        {
            throw new InvalidInputException($"No plan was made: {blocking.Message.TrimEnd('.')}. ({blocking.Source})");
        }

        warnings.AddRange(findings);
        warnings.AddRange(ClockChanges.Check(request.TimeZone, at, request.Start, steps[^1].To ?? steps[^1].From.AddDays(ClockChanges.OpenEndedDaysChecked)));
        return new TitrationPlan
        {
            Protocol = protocol,
            Start = request.Start,
            At = at,
            TimeZone = request.TimeZone,
            Formulation = request.Formulation,
            ConcentrationMgPerMl = request.ConcentrationMgPerMl,
            Syringe = request.Formulation == Formulation.Liquid ? request.Syringe : null,
            Weight = request.Weight,
            Steps = steps,
            Warnings = warnings,
        };
    }

    private static decimal DoseFor(StepDose dose, decimal? weightKg, decimal? maxDoseMg)
    {
        var mg = dose.IsPerKilogram
            ? decimal.Round(dose.Milligrams * weightKg!.Value / WeightDoseStepMg, 0, MidpointRounding.AwayFromZero) * WeightDoseStepMg
            : dose.Milligrams;
        mg = Math.Max(mg, dose.IsPerKilogram ? WeightDoseStepMg : mg);
        return maxDoseMg is { } max && mg > max ? max : mg;
    }
}
