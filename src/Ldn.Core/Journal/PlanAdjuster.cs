using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using NodaTime;

namespace Ldn.Core.Journal;

/// <summary>
/// Makes the plan document of a new plan version from the version in force, for
/// <see cref="PlanAdjustment"/>s. A plan is read as a ladder of steps (dose, days, clock time, liquid
/// volumes); the first version's ladder is its steps, and each adjusted version keeps the ladder in
/// <c>ladder</c> with <c>ladderStart</c>, the ladder index of its own first step, so that a hold or a
/// step-down can later be resumed by an advance. The rest of the document (protocol, source, warnings,
/// notice) is kept, so every version stays a document of <c>ldn plan --json</c>.
/// </summary>
public static class PlanAdjuster
{
    /// <summary>The morning clock time of <see cref="PlanAdjustment.MoveToMorning"/> unless one is given.</summary>
    public static readonly LocalTime Morning = new(8, 0);

    /// <summary>The evening clock time of <see cref="PlanAdjustment.MoveToEvening"/> unless one is given (the protocols' bedtime).</summary>
    public static readonly LocalTime Evening = new(22, 0);

    /// <summary>
    /// The plan JSON of the version that <paramref name="adjustment"/> makes from <paramref name="from"/> on.
    /// </summary>
    /// <param name="current">The version in force on <paramref name="from"/>.</param>
    /// <param name="adjustment">What to change.</param>
    /// <param name="from">The first day of the new version (local date).</param>
    /// <param name="at">A clock time for the doses from <paramref name="from"/> on; null keeps the plan's (or the morning/evening default).</param>
    /// <exception cref="InvalidInputException">There is no step to advance or step down to.</exception>
    public static string Adjust(PlanVersion current, PlanAdjustment adjustment, LocalDate from, LocalTime? at)
    {
        ArgumentNullException.ThrowIfNull(current);
        var document = JsonNode.Parse(current.PlanJson)?.AsObject()
            ?? throw new InvalidInputException("The journal's plan is not a JSON object.");
        var ladder = Ladder(document, current);
        var start = document["ladderStart"]?.GetValue<int>() ?? 0;
        var position = Math.Clamp(start + IndexOn(current, from), 0, ladder.Count - 1);
        var dose = Dose(ladder[position]);

        var (first, hold) = adjustment switch
        {
            PlanAdjustment.Hold => (position, true),
            PlanAdjustment.StepDown => position > 0
                ? (position - 1, true)
                : throw new InvalidInputException($"The plan is at its first step ({dose} mg) on {Date(from)}; there is no lower step to go back to."),
            PlanAdjustment.Advance => position + 1 < ladder.Count
                ? (position + 1, false)
                : throw new InvalidInputException($"The plan is at its last step ({dose} mg) on {Date(from)}; there is no step to advance to."),
            _ => (position, false),
        };

        var clock = at ?? adjustment switch
        {
            PlanAdjustment.MoveToMorning => Morning,
            PlanAdjustment.MoveToEvening => Evening,
            _ => (LocalTime?)null,
        };
        if (clock is { } time)
        {
            var text = time.ToString("HH:mm", CultureInfo.InvariantCulture);
            foreach (var step in ladder)
            {
                step["at"] = text;
            }

            document["at"] = text;
        }

        var steps = new JsonArray();
        var day = from;
        var last = hold ? first : ladder.Count - 1;
        if (adjustment is PlanAdjustment.MoveToMorning or PlanAdjustment.MoveToEvening)
        {
            // A move keeps the dates of the version in force: only the clock changes.
            foreach (var (step, index) in current.Steps.Select((s, i) => (s, i)).Where(x => x.s.To is null || LocalDate.FromDateOnly(x.s.To.Value) >= from))
            {
                var copy = ladder[Math.Clamp(start + index, 0, ladder.Count - 1)].DeepClone().AsObject();
                var stepFrom = LocalDate.FromDateOnly(step.From);
                copy["from"] = Date(stepFrom < from ? from : stepFrom);
                copy["to"] = step.To is { } to ? Date(LocalDate.FromDateOnly(to)) : null;
                copy["days"] = step.To is { } end ? Period.Between(stepFrom < from ? from : stepFrom, LocalDate.FromDateOnly(end), PeriodUnits.Days).Days + 1 : null;
                steps.Add(copy);
            }

            first = Math.Clamp(start + IndexOn(current, from), 0, ladder.Count - 1);
        }
        else
        {
            for (var i = first; i <= last; i++)
            {
                var copy = ladder[i].DeepClone().AsObject();
                var days = i == last ? null : copy["days"]?.GetValue<int?>();
                copy["from"] = Date(day);
                copy["to"] = days is { } n ? Date(day.PlusDays(n - 1)) : null;
                copy["days"] = days;
                steps.Add(copy);
                day = days is { } length ? day.PlusDays(length) : day;
            }
        }

        for (var i = 0; i < steps.Count; i++)
        {
            steps[i]!["step"] = i + 1;
        }

        document["start"] = Date(from);
        document["steps"] = steps;
        document["ladder"] = new JsonArray([.. ladder.Select(s => (JsonNode)s.DeepClone())]);
        document["ladderStart"] = first;
        return document.ToJsonString(new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
    }

    /// <summary>
    /// The plan's whole ladder as (dose, days) pairs — the version's own steps, or the ladder kept by an
    /// adjustment (so a held version still knows the steps it waits for) — and the ladder index of the
    /// version's first step.
    /// </summary>
    public static (IReadOnlyList<(decimal DoseMg, int? Days)> Steps, int Start) LadderOf(PlanVersion version)
    {
        ArgumentNullException.ThrowIfNull(version);
        var document = JsonNode.Parse(version.PlanJson)?.AsObject()
            ?? throw new InvalidInputException("The journal's plan is not a JSON object.");
        var ladder = Ladder(document, version);
        return ([.. ladder.Select(s => (Dose(s), s["days"]?.GetValue<int?>()))], document["ladderStart"]?.GetValue<int>() ?? 0);
    }

    /// <summary>The plan's ladder: the kept one, or the first version's steps with their lengths.</summary>
    private static List<JsonObject> Ladder(JsonObject document, PlanVersion current)
    {
        if (document["ladder"] is JsonArray kept && kept.Count > 0)
        {
            return [.. kept.Select(s => s!.DeepClone().AsObject())];
        }

        var steps = document["steps"]?.AsArray() ?? throw new InvalidInputException("The journal's plan has no steps.");
        return [.. steps.Select((s, i) =>
        {
            var copy = s!.DeepClone().AsObject();
            copy["days"] = current.Steps[i].Days;
            return copy;
        })];
    }

    /// <summary>The index of the version's step on <paramref name="day"/>: 0 before the first, the last after a closed end.</summary>
    private static int IndexOn(PlanVersion version, LocalDate day)
    {
        var date = day.ToDateOnly();
        for (var i = version.Steps.Count - 1; i >= 0; i--)
        {
            if (version.Steps[i].From <= date)
            {
                return i;
            }
        }

        return 0;
    }

    private static decimal Dose(JsonObject step) => step["doseMg"]?.GetValue<decimal>() ?? 0m;

    private static string Date(LocalDate date) => date.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture);
}
