using System.Globalization;
using Ldn.Core.Conditions;
using Ldn.Core.Pharmacology;
using Ldn.Core.Text;

namespace Ldn.Core.Trials;

/// <summary>
/// Reads and checks a trial design file (schema <c>ldn-trial/1</c>). Every mistake becomes one
/// sentence naming the file; unknown keys are refused so that a typo cannot be silently ignored.
/// </summary>
public static class TrialDesignReader
{
    public const string Schema = "ldn-trial/1";

    public const int MaxSubjectsPerArm = 100_000;

    public static TrialDesign Read(string yaml, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        InvalidInputException Fail(string what) => new($"The trial file '{sourceName}' {what}.");
        var file = YamlFile.Read<TrialFile>(yaml, sourceName, "trial file");

        if (file.Schema != Schema)
        {
            throw Fail($"must declare 'schema: {Schema}' (found '{file.Schema ?? "nothing"}')");
        }

        if (string.IsNullOrWhiteSpace(file.Id) || string.IsNullOrWhiteSpace(file.Name))
        {
            throw Fail("needs an 'id' and a 'name'");
        }

        if (string.IsNullOrWhiteSpace(file.Condition))
        {
            throw Fail("needs a 'condition'");
        }

        ConditionDefinition condition;
        try
        {
            condition = ConditionCatalog.Find(file.Condition);
        }
        catch (InvalidInputException)
        {
            throw Fail($"names an unknown condition '{file.Condition}' (known: {string.Join(", ", ConditionCatalog.All.Select(c => c.Id))})");
        }

        var type = (file.Design ?? "parallel").Trim().ToUpperInvariant() switch
        {
            "PARALLEL" => TrialDesignType.Parallel,
            "CROSSOVER" => TrialDesignType.Crossover,
            _ => throw Fail($"gives design '{file.Design}', which is neither 'parallel' nor 'crossover'"),
        };

        var scenario = file.Scenario is null ? OccupancyScenario.B : file.Scenario.Trim().ToUpperInvariant() switch
        {
            "A" => OccupancyScenario.A,
            "B" => OccupancyScenario.B,
            _ => throw Fail($"gives scenario '{file.Scenario}', which is neither A nor B"),
        };

        var weeks = file.Weeks ?? throw Fail("needs 'weeks', the treatment length");
        CheckWeeks(weeks, "the trial", Fail);
        ResponderDefinition responder;
        try
        {
            responder = file.Responder is null ? condition.Parameters.Responder : ResponderDefinition.Parse(file.Responder);
        }
        catch (InvalidInputException e)
        {
            throw Fail($"has a bad responder rule ({e.Message.TrimEnd('.')})");
        }

        if (file.Arms is not { Count: > 0 } armSections)
        {
            throw Fail("needs at least one arm under 'arms'");
        }

        var arms = new List<TrialArm>();
        foreach (var a in armSections)
        {
            arms.Add(ReadArm(a, arms.Count + 1, condition.Parameters.Instrument, Fail));
        }

        if (arms.Select(a => a.Name).Distinct(StringComparer.OrdinalIgnoreCase).Count() != arms.Count)
        {
            throw Fail("gives two arms the same name");
        }

        if (type == TrialDesignType.Crossover && arms.Select(a => a.N).Distinct().Count() != 1)
        {
            throw Fail("is a crossover, so every arm must have the same n (the same subjects take each arm)");
        }

        PublishedDifference? difference = null;
        if (file.PublishedDifference is { } d)
        {
            difference = new PublishedDifference(
                d.Value ?? throw Fail("gives a 'publishedDifference' without a 'value'"), d.Low, d.High);
            if (d.Low is { } low && d.High is { } high && !(low <= difference.Value && difference.Value <= high))
            {
                throw Fail("gives a 'publishedDifference' whose value lies outside its interval");
            }
        }

        return new TrialDesign
        {
            Id = file.Id.Trim(),
            Name = file.Name.Trim(),
            Citation = file.Citation?.Trim() ?? throw Fail("needs a 'citation'"),
            Condition = condition,
            Type = type,
            DefaultScenario = scenario,
            Weeks = weeks,
            Responder = responder,
            Arms = arms,
            PublishedDifference = difference,
            Notes = file.Notes?.Trim() ?? string.Empty,
        };
    }

    private static TrialArm ReadArm(ArmSection a, int number, ClinicalInstrument instrument, Func<string, InvalidInputException> fail)
    {
        var name = string.IsNullOrWhiteSpace(a.Name) ? throw fail($"gives arm {number} no 'name'") : a.Name.Trim();
        var n = a.N ?? throw fail($"gives arm '{name}' no 'n'");
        if (n < 1)
        {
            throw fail($"gives arm '{name}' n = {n}; an arm needs at least one subject");
        }

        if (n > MaxSubjectsPerArm)
        {
            throw fail($"gives arm '{name}' n = {n.ToString("N0", CultureInfo.InvariantCulture)}, more than the {MaxSubjectsPerArm.ToString("N0", CultureInfo.InvariantCulture)} subjects an arm may have");
        }

        var dose = a.DoseMg ?? throw fail($"gives arm '{name}' no 'doseMg' (0 for placebo)");
        if (!double.IsFinite(dose) || dose < 0 || dose > 50)
        {
            throw fail($"gives arm '{name}' a dose of {dose.ToString(CultureInfo.InvariantCulture)} mg; use 0 (placebo) to 50 mg");
        }

        if (a.Weeks is { } armWeeks)
        {
            CheckWeeks(armWeeks, $"arm '{name}'", fail);
        }

        var steps = new List<TitrationStep>();
        foreach (var s in a.Titration ?? [])
        {
            if (s.DoseMg is not { } stepDose || !double.IsFinite(stepDose) || stepDose <= 0 || stepDose > 50 || s.Weeks is not { } stepWeeks || !double.IsFinite(stepWeeks) || stepWeeks <= 0)
            {
                throw fail($"gives arm '{name}' a titration step without a positive 'doseMg' (at most 50) and positive 'weeks'");
            }

            steps.Add(new TitrationStep(stepDose, stepWeeks));
        }

        if (dose == 0 && steps.Count > 0)
        {
            throw fail($"gives the placebo arm '{name}' titration steps");
        }

        var rate = a.PublishedResponderRate;
        if (rate is { } r && !(r >= 0 && r <= 1))
        {
            throw fail($"gives arm '{name}' a published responder rate outside 0–1");
        }

        if (a.PublishedMeanChange is not null && a.PublishedMeanChangePercent is not null)
        {
            throw fail($"gives arm '{name}' both 'publishedMeanChange' and 'publishedMeanChangePercent'");
        }

        var change = a.PublishedMeanChange ?? (a.PublishedMeanChangePercent is { } percent ? percent / 100 * instrument.Baseline : null);
        return new TrialArm
        {
            Name = name,
            N = n,
            DoseMg = dose,
            Titration = steps,
            Weeks = a.Weeks,
            PublishedResponderRate = rate,
            PublishedMeanChange = change,
        };
    }

    private static void CheckWeeks(double weeks, string what, Func<string, InvalidInputException> fail)
    {
        if (!double.IsFinite(weeks) || weeks <= 0 || weeks > 520)
        {
            throw fail($"gives {what} {weeks.ToString(CultureInfo.InvariantCulture)} weeks; use more than 0 and at most 520");
        }
    }

    // Shapes of the YAML document; public setters because YamlDotNet fills them.
    private sealed class TrialFile
    {
        public string? Schema { get; set; }

        public string? Id { get; set; }

        public string? Name { get; set; }

        public string? Citation { get; set; }

        public string? Condition { get; set; }

        public string? Design { get; set; }

        public string? Scenario { get; set; }

        public double? Weeks { get; set; }

        public string? Responder { get; set; }

        public DifferenceSection? PublishedDifference { get; set; }

        public string? Notes { get; set; }

        public List<ArmSection>? Arms { get; set; }
    }

    private sealed class DifferenceSection
    {
        public double? Value { get; set; }

        public double? Low { get; set; }

        public double? High { get; set; }
    }

    private sealed class ArmSection
    {
        public string? Name { get; set; }

        public int? N { get; set; }

        public double? DoseMg { get; set; }

        public double? Weeks { get; set; }

        public List<StepSection>? Titration { get; set; }

        public double? PublishedResponderRate { get; set; }

        public double? PublishedMeanChange { get; set; }

        public double? PublishedMeanChangePercent { get; set; }
    }

    private sealed class StepSection
    {
        public double? DoseMg { get; set; }

        public double? Weeks { get; set; }
    }
}
