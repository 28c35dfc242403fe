using Ldn.Core.Text;

namespace Ldn.Core.Evidence;

/// <summary>
/// Reads and checks the dose-evidence file (schema <c>ldn-dose-evidence/1</c>) with the shared
/// <see cref="YamlFile"/> rules: unknown keys, missing fields, non-positive n or doses are one sentence.
/// </summary>
public static class ClinicalDoseReader
{
    public const string Schema = "ldn-dose-evidence/1";

    public static ClinicalDoseEvidence Read(string yaml, string sourceName)
    {
        InvalidInputException Fail(string what) => new($"The dose-evidence file '{sourceName}' {what}.");
        var file = YamlFile.Read<DoseFile>(yaml, sourceName, "dose-evidence file");
        if (file.Schema != Schema)
        {
            throw Fail($"must declare 'schema: {Schema}' (found '{file.Schema ?? "nothing"}')");
        }

        if (file.Studies is not { Count: > 0 })
        {
            throw Fail("has no studies");
        }

        var studies = file.Studies.Select((s, i) => ReadStudy(s, $"study {i + 1}", Fail)).ToList();
        var duplicate = studies.GroupBy(s => s.Id).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw Fail($"lists study '{duplicate.Key}' twice");
        }

        var h = file.SynthesisHint ?? throw Fail("has no 'synthesisHint'");
        var hint = new SynthesisHint(
            Required(h.Citation, "synthesisHint 'citation'", Fail),
            Required(h.Design, "synthesisHint 'design'", Fail),
            Positive(h.N, "synthesisHint 'n'", Fail),
            Positive(h.Controls, "synthesisHint 'controls'", Fail),
            PositiveValue(h.DoseMg, "synthesisHint 'doseMg'", Fail),
            Required(h.DoseText, "synthesisHint 'doseText'", Fail),
            PositiveValue(h.TreatedPgPerMl, "synthesisHint 'treatedPgPerMl'", Fail),
            PositiveValue(h.ControlPgPerMl, "synthesisHint 'controlPgPerMl'", Fail));
        return new ClinicalDoseEvidence(studies, hint);
    }

    private static ClinicalDoseStudy ReadStudy(StudySection? s, string where, Func<string, InvalidInputException> fail)
    {
        if (s is null)
        {
            throw fail($"has an empty entry at {where}");
        }

        var id = Required(s.Id, where + " 'id'", fail);
        var doses = s.DoseMg ?? throw fail($"gives no 'doseMg' for '{id}'");
        if (doses.Count == 0 || doses.Any(d => !(d > 0)))
        {
            throw fail($"gives '{id}' a dose list that is empty or not all positive");
        }

        return new ClinicalDoseStudy
        {
            Id = id,
            Citation = Required(s.Citation, $"'{id}' 'citation'", fail),
            Design = Required(s.Design, $"'{id}' 'design'", fail),
            Condition = Required(s.Condition, $"'{id}' 'condition'", fail),
            N = Positive(s.N, $"'{id}' 'n'", fail),
            NText = s.NText,
            DosesMg = [.. doses.Order()],
            DoseText = Required(s.DoseText, $"'{id}' 'doseText'", fail),
            Result = Required(s.Result, $"'{id}' 'result'", fail),
            Numbers = [.. (s.Numbers ?? []).Select(n => new ClinicalDoseNumber(
                Required(n?.Name, $"'{id}' number 'name'", fail),
                n!.Value ?? throw fail($"gives a number of '{id}' without a 'value'"),
                Required(n.Unit, $"'{id}' number 'unit'", fail)))],
            Doi = s.Doi,
            Pmid = s.Pmid,
            Registry = s.Registry,
        };
    }

    private static string Required(string? value, string what, Func<string, InvalidInputException> fail) =>
        string.IsNullOrWhiteSpace(value) ? throw fail($"has no {what}") : value.Trim();

    private static int Positive(int? value, string what, Func<string, InvalidInputException> fail) =>
        value is > 0 ? value.Value : throw fail($"needs a positive whole {what}");

    private static double PositiveValue(double? value, string what, Func<string, InvalidInputException> fail) =>
        value is > 0 ? value.Value : throw fail($"needs a positive {what}");

    private sealed class DoseFile
    {
        public string? Schema { get; set; }

        public List<StudySection?>? Studies { get; set; }

        public HintSection? SynthesisHint { get; set; }
    }

    private sealed class StudySection
    {
        public string? Id { get; set; }

        public string? Citation { get; set; }

        public string? Doi { get; set; }

        public string? Pmid { get; set; }

        public string? Registry { get; set; }

        public string? Design { get; set; }

        public string? Condition { get; set; }

        public int? N { get; set; }

        public string? NText { get; set; }

        public List<double>? DoseMg { get; set; }

        public string? DoseText { get; set; }

        public string? Result { get; set; }

        public List<NumberSection?>? Numbers { get; set; }
    }

    private sealed class NumberSection
    {
        public string? Name { get; set; }

        public double? Value { get; set; }

        public string? Unit { get; set; }
    }

    private sealed class HintSection
    {
        public string? Citation { get; set; }

        public string? Design { get; set; }

        public int? N { get; set; }

        public int? Controls { get; set; }

        public double? DoseMg { get; set; }

        public string? DoseText { get; set; }

        public double? TreatedPgPerMl { get; set; }

        public double? ControlPgPerMl { get; set; }
    }
}
