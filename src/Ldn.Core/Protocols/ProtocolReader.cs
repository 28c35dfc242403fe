using System.Globalization;
using Ldn.Core.Text;
using Ldn.Core.Units;

namespace Ldn.Core.Protocols;

/// <summary>
/// Reads and checks a protocol file (schema <c>ldn-protocol/1</c>). A step gives its length in
/// <c>days</c>, or its span as <c>fromDay</c>/<c>toDay</c>; spans must follow each other without overlap
/// or gap, because a day with two doses or none is a mistake in the plan, not a choice. Unknown keys are
/// errors: a typo such as <c>doseMG</c> must not silently drop a step's dose.
/// </summary>
public static class ProtocolReader
{
    public const string Schema = "ldn-protocol/1";

    /// <summary>Ten years of days: a titration longer than that is a typo.</summary>
    private const int LongestPlanDays = 3653;

    public static TitrationProtocol Read(string yaml, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        InvalidInputException Fail(string what) => new($"The protocol file '{sourceName}' {what}.");
        var file = YamlFile.Read<ProtocolFile>(yaml, sourceName, "protocol file");

        if (file.Schema != Schema)
        {
            throw Fail($"must declare 'schema: {Schema}' (found '{file.Schema ?? "nothing"}')");
        }

        if (string.IsNullOrWhiteSpace(file.Id) || string.IsNullOrWhiteSpace(file.Name))
        {
            throw Fail("needs an 'id' and a 'name'");
        }

        if (string.IsNullOrWhiteSpace(file.Source))
        {
            throw Fail("needs a 'source' (where the doses and intervals come from)");
        }

        if (file.Steps is not { Count: > 0 } steps)
        {
            throw Fail("has no 'steps'");
        }

        ClockTime at;
        try
        {
            at = ClockTime.Parse(file.At ?? throw Fail("needs a default clock time 'at', e.g. \"22:00\""));
        }
        catch (InvalidInputException e) when (!e.Message.StartsWith("The protocol file", StringComparison.Ordinal))
        {
            throw Fail($"has an unusable 'at': {e.Message.TrimEnd('.')}");
        }

        var maxDose = OptionalPositive(file.MaxDoseMg, "maxDoseMg", Fail);
        var lowestTarget = OptionalPositive(file.LowestTargetMg, "lowestTargetMg", Fail);
        return new TitrationProtocol
        {
            Id = file.Id.Trim(),
            Name = file.Name.Trim(),
            Aliases = [.. (file.Aliases ?? []).Select(a => a.Trim())],
            Description = file.Description?.Trim() ?? "",
            Source = file.Source.Trim(),
            DefaultTime = at,
            Steps = ReadSteps(steps, Fail),
            MaxDoseMg = maxDose,
            LowestTargetMg = lowestTarget,
        };
    }

    private static List<ProtocolStep> ReadSteps(List<StepSection?> sections, Func<string, InvalidInputException> fail)
    {
        var steps = new List<ProtocolStep>();
        var nextDay = 1;
        for (var i = 0; i < sections.Count; i++)
        {
            var number = i + 1;
            var section = sections[i] ?? throw fail($"has an empty step {number}");
            var isLast = i == sections.Count - 1;
            var dose = (section.DoseMg, section.DosePerKgMg) switch
            {
                ({ } mg, null) => StepDose.Fixed(mg),
                (null, { } perKg) => StepDose.PerKilogram(perKg),
                _ => throw fail($"must give step {number} either 'doseMg' or 'dosePerKgMg' (exactly one)"),
            };
            if (dose.Milligrams <= 0)
            {
                throw fail($"gives step {number} a dose of {dose}; a dose must be positive");
            }

            int first;
            int? last;
            if (section.FromDay is { } from)
            {
                if (section.Days is not null)
                {
                    throw fail($"gives step {number} both 'days' and 'fromDay'; use one");
                }

                if (from < nextDay)
                {
                    throw fail($"has overlapping steps: step {number} starts on day {from}, but step {number - 1} runs to day {nextDay - 1}");
                }

                if (from > nextDay)
                {
                    throw fail($"leaves days {nextDay}–{from - 1} without a dose before step {number}");
                }

                first = from;
                last = section.ToDay;
                if (last is { } to && to < from)
                {
                    throw fail($"has step {number} ending on day {to}, before it starts on day {from}");
                }
            }
            else
            {
                if (section.ToDay is not null)
                {
                    throw fail($"gives step {number} a 'toDay' without a 'fromDay'");
                }

                if (section.Days is { } days && days < 1)
                {
                    throw fail($"gives step {number} {days} days; a step lasts at least one day");
                }

                first = nextDay;
                last = section.Days is { } length ? nextDay + length - 1 : null;
            }

            if (last is null && !isLast)
            {
                throw fail($"leaves step {number} open-ended; only the last step (the maintenance dose) may have no length");
            }

            if ((last ?? first) > LongestPlanDays)
            {
                throw fail($"runs step {number} past day {LongestPlanDays.ToString(CultureInfo.InvariantCulture)}; a protocol's steps must fit in ten years");
            }

            steps.Add(new ProtocolStep(dose, first, last));
            nextDay = (last ?? first) + 1;
        }

        return steps;
    }

    private static decimal? OptionalPositive(decimal? value, string key, Func<string, InvalidInputException> fail) =>
        value is { } v && v <= 0 ? throw fail($"gives '{key}' as {v}; it must be positive") : value;

    // Shapes of the YAML document; public setters because YamlDotNet fills them.
    private sealed class ProtocolFile
    {
        public string? Schema { get; set; }

        public string? Id { get; set; }

        public string? Name { get; set; }

        public List<string>? Aliases { get; set; }

        public string? Description { get; set; }

        public string? Source { get; set; }

        public string? At { get; set; }

        public decimal? MaxDoseMg { get; set; }

        public decimal? LowestTargetMg { get; set; }

        public List<StepSection?>? Steps { get; set; }
    }

    private sealed class StepSection
    {
        public decimal? DoseMg { get; set; }

        public decimal? DosePerKgMg { get; set; }

        public int? Days { get; set; }

        public int? FromDay { get; set; }

        public int? ToDay { get; set; }
    }
}
