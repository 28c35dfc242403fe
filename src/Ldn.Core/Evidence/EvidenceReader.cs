using System.Globalization;
using System.Text.RegularExpressions;
using Ldn.Core.Text;

namespace Ldn.Core.Evidence;

/// <summary>
/// Reads and validates one evidence file (<c>data/evidence/*.yaml</c>, schema <c>ldn-evidence/1</c>).
/// Unknown keys are errors, so a typo cannot drop a value silently. The format is described in
/// <c>docs/evidence.md</c>.
/// </summary>
public static partial class EvidenceReader
{
    public const string Schema = "ldn-evidence/1";

    public const int FirstYear = 1980;

    public const int LastYear = 2026;

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex KebabCase();


    public static EvidenceDocument Read(string yaml, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        InvalidInputException Fail(string what) => new($"The evidence file '{sourceName}' {what}.");
        var file = YamlFile.Read<EvidenceFile>(yaml, sourceName, "evidence file");

        if (file.Schema != Schema)
        {
            throw Fail($"must declare 'schema: {Schema}' (found '{file.Schema ?? "nothing"}')");
        }

        var definesCondition = file.Id is not null || file.Name is not null || file.Studies is not null || file.RegisteredTrials is not null || file.Reviews is not null;
        if (!definesCondition && file.SideEffects is null && file.Claims is null)
        {
            throw Fail("defines nothing (give a condition 'id', 'sideEffects' or 'claims')");
        }

        ConditionEvidence? condition = null;
        if (definesCondition)
        {
            var id = Required(file.Id, "id", Fail);
            if (!KebabCase().IsMatch(id))
            {
                throw Fail($"has condition id '{id}', which is not kebab-case (e.g. 'crohns-disease')");
            }

            condition = new ConditionEvidence
            {
                Id = id,
                Name = Required(file.Name, "name", Fail),
                Aliases = Names(file.Aliases, "alias", Fail),
                Summary = Required(file.Summary, "summary", Fail),
                Studies = [.. (file.Studies ?? throw Fail("has no 'studies' list (write 'studies: []' when none is known)"))
                    .Select((s, i) => ReadStudy(s, id, $"study {i + 1}", StudyList.Studies, Fail))],
                RegisteredTrials = [.. (file.RegisteredTrials ?? []).Select((s, i) => ReadStudy(s, id, $"registered trial {i + 1}", StudyList.RegisteredTrials, Fail))],
                Reviews = [.. (file.Reviews ?? []).Select((s, i) => ReadStudy(s, id, $"review {i + 1}", StudyList.Reviews, Fail))],
            };
        }

        return new EvidenceDocument
        {
            SourceName = sourceName,
            Condition = condition,
            SideEffects = [.. (file.SideEffects ?? []).Select((s, i) => ReadSideEffect(s, i, Fail))],
            Discontinuations = [.. (file.Discontinuations ?? []).Select((f, i) => ReadFinding(f, $"discontinuation {i + 1}", Fail))],
            Claims = [.. (file.Claims ?? []).Select((c, i) => ReadClaim(c, i, Fail))],
        };
    }

    private enum StudyList
    {
        Studies,
        RegisteredTrials,
        Reviews,
    }

    private static Study ReadStudy(StudySection? s, string conditionId, string where, StudyList list, Func<string, InvalidInputException> fail)
    {
        if (s is null)
        {
            throw fail($"has an empty entry ({where})");
        }

        var label = s.Authors is { Length: > 0 } a ? $"{where} ({a.Split(',')[0].Trim()}{(s.Year is { } y ? " " + y.ToString(CultureInfo.InvariantCulture) : "")})" : where;
        InvalidInputException Fail(string what) => fail($"{label} {what}");

        var doi = Trim(s.Doi);
        var pmid = Trim(s.Pmid);
        var registry = Trim(s.Registry);
        var source = Trim(s.Source);
        if (doi is null && pmid is null && registry is null && source is null)
        {
            throw Fail("has no citation (give a doi, pmid, registry or source)");
        }

        if (doi is not null && !doi.StartsWith("10.", StringComparison.Ordinal))
        {
            throw Fail($"has DOI '{doi}', which does not start with '10.'");
        }

        if (pmid is not null && !pmid.All(char.IsAsciiDigit))
        {
            throw Fail($"has PMID '{pmid}', which is not a number");
        }

        if (Trim(s.Journal) is { } journal && journal.Contains("not captured", StringComparison.OrdinalIgnoreCase))
        {
            throw Fail("gives the journal as 'not captured' (use null and say why in 'notes')");
        }

        if (!EvidenceGrades.TryParse(s.Grade, out var grade))
        {
            throw Fail($"has grade '{s.Grade ?? "nothing"}', which is not on the scale ({string.Join(", ", EvidenceGrades.Ids)})");
        }

        EvidenceGrade? pooled = null;
        if (s.PooledGrade is not null)
        {
            if (grade != EvidenceGrade.SystematicReview)
            {
                throw Fail("gives a 'pooledGrade' but is not a systematic review");
            }

            pooled = EvidenceGrades.TryParse(s.PooledGrade, out var p) && p is not (EvidenceGrade.SystematicReview or EvidenceGrade.None)
                ? p
                : throw Fail($"has pooledGrade '{s.PooledGrade}', which is not a primary-study grade ({string.Join(", ", EvidenceGrades.Ids.Skip(1).SkipLast(1))})");
        }
        else if (grade == EvidenceGrade.SystematicReview && list == StudyList.Studies)
        {
            throw Fail("is a systematic review without a 'pooledGrade' (the strongest design it pools)");
        }

        var status = StudyStatus.Published;
        if (s.Status is not null && !StudyStatuses.TryParse(s.Status, out status))
        {
            throw Fail($"has status '{s.Status}', which is not one of {string.Join(", ", StudyStatuses.Ids)}");
        }

        if (list == StudyList.Studies && !status.HasResults())
        {
            throw Fail($"is listed under 'studies' with status '{status.ToId()}' (trials without results go under 'registeredTrials')");
        }

        if (list == StudyList.RegisteredTrials && (status.HasResults() || registry is null))
        {
            throw Fail("is a registered trial, so it needs a 'registry' id and a status of no-results, withdrawn or suspended");
        }

        if (list == StudyList.Reviews && grade != EvidenceGrade.None)
        {
            throw Fail("is a narrative review, so its grade must be 'none' (systematic reviews go under 'studies')");
        }

        if (s.Year is { } year && (year < FirstYear || year > LastYear))
        {
            throw Fail($"has year {year}, outside {FirstYear}..{LastYear}");
        }

        if (s.Year is null && list != StudyList.RegisteredTrials)
        {
            throw Fail("has no year");
        }

        if (s.N is < 0)
        {
            throw Fail($"has a negative n ({s.N})");
        }

        if (s.DoseMg is { } dose && !(double.IsFinite(dose) && dose >= 0))
        {
            throw Fail("has a doseMg that is not a non-negative number");
        }

        if (s.DurationWeeks is { } weeks && !(double.IsFinite(weeks) && weeks > 0))
        {
            throw Fail("has a durationWeeks that is not a positive number");
        }

        var design = Trim(s.Design) ?? throw Fail("has no 'design'");
        var result = Trim(s.Result);
        if (result is null && list != StudyList.Reviews)
        {
            throw Fail("has no 'result' (say 'No results found' when there are none)");
        }

        var alsoFor = Names(s.AlsoFor, "alsoFor entry", Fail);
        if (alsoFor.Contains(conditionId, StringComparer.Ordinal))
        {
            throw Fail("lists its own condition under 'alsoFor'");
        }

        return new Study
        {
            ConditionId = conditionId,
            AlsoFor = alsoFor,
            Authors = Trim(s.Authors),
            Year = s.Year,
            Journal = Trim(s.Journal),
            Doi = doi,
            Pmid = pmid,
            Registry = registry,
            Source = source,
            Design = design,
            Grade = grade,
            PooledGrade = pooled,
            Indirect = s.Indirect ?? false,
            Status = status,
            N = s.N,
            NText = Trim(s.NText),
            Population = Trim(s.Population),
            DoseMg = s.DoseMg,
            DoseText = Trim(s.DoseText),
            DurationWeeks = s.DurationWeeks,
            DurationText = Trim(s.DurationText),
            Outcome = Trim(s.Outcome),
            Result = result,
            Verified = s.Verified ?? true,
            Notes = Trim(s.Notes),
        };
    }

    private static SideEffectEvidence ReadSideEffect(SideEffectSection? s, int index, Func<string, InvalidInputException> fail)
    {
        var where = $"side effect {index + 1}";
        if (s is null)
        {
            throw fail($"has an empty entry ({where})");
        }

        var id = Required(s.Id, where + " 'id'", fail);
        if (!KebabCase().IsMatch(id))
        {
            throw fail($"has side-effect id '{id}', which is not kebab-case (e.g. 'vivid-dreams')");
        }

        return new SideEffectEvidence
        {
            Id = id,
            Name = Required(s.Name, $"side effect '{id}' 'name'", fail),
            Aliases = Names(s.Aliases, "alias", fail),
            Summary = Required(s.Summary, $"side effect '{id}' 'summary'", fail),
            Findings = [.. (s.Findings ?? []).Select((f, i) => ReadFinding(f, $"side effect '{id}' finding {i + 1}", fail))],
        };
    }

    private static SideEffectFinding ReadFinding(FindingSection? f, string where, Func<string, InvalidInputException> fail)
    {
        if (f is null)
        {
            throw fail($"has an empty entry ({where})");
        }

        InvalidInputException Fail(string what) => fail($"{where} {what}");
        var comparison = (f.Comparison?.Trim().ToUpperInvariant()) switch
        {
            null or "NONE" => FindingComparison.None,
            "PLACEBO" => FindingComparison.Placebo,
            "ACTIVE" => FindingComparison.Active,
            _ => throw Fail($"has comparison '{f.Comparison}', which is not none, placebo or active"),
        };
        if (f.Events is < 0 || f.Total is < 0 || (f.Events is { } e && f.Total is { } t && e > t))
        {
            throw Fail("has events or a total that is negative, or more events than the total");
        }

        if (f.RiskRatio is <= 0 || f.RiskRatioLow is <= 0 || f.RiskRatioHigh is <= 0
            || (f.RiskRatioLow is { } low && f.RiskRatioHigh is { } high && (low > high || f.RiskRatio is { } rr && (rr < low || rr > high))))
        {
            throw Fail("has a risk ratio that is not positive or lies outside its interval");
        }

        return new SideEffectFinding
        {
            Source = Required(f.Source, where + " 'source'", fail),
            ConditionId = Trim(f.Condition),
            Comparison = comparison,
            Events = f.Events,
            Total = f.Total,
            RiskRatio = f.RiskRatio,
            RiskRatioLow = f.RiskRatioLow,
            RiskRatioHigh = f.RiskRatioHigh,
            Text = Required(f.Text, where + " 'text'", fail),
        };
    }

    private static ClaimVerdict ReadClaim(ClaimSection? c, int index, Func<string, InvalidInputException> fail)
    {
        var where = $"claim {index + 1}";
        if (c is null)
        {
            throw fail($"has an empty entry ({where})");
        }

        var rating = Required(c.Rating, where + " 'rating'", fail);
        if (!ClaimVerdict.Ratings.Contains(rating, StringComparer.Ordinal))
        {
            throw fail($"{where} has rating '{rating}', which is not one of {string.Join(", ", ClaimVerdict.Ratings)}");
        }

        return new ClaimVerdict
        {
            Id = Required(c.Id, where + " 'id'", fail),
            Claim = Required(c.Claim, where + " 'claim'", fail),
            Verdict = Required(c.Verdict, where + " 'verdict'", fail),
            Rating = rating,
            Basis = Required(c.Basis, where + " 'basis'", fail),
            Conditions = Names(c.Conditions, "condition", fail),
        };
    }

    private static string Required(string? value, string key, Func<string, InvalidInputException> fail) =>
        Trim(value) ?? throw fail($"needs {key}");

    private static string[] Names(List<string>? values, string what, Func<string, InvalidInputException> fail) =>
        [.. (values ?? []).Select(v => Trim(v) ?? throw fail($"has an empty {what}"))];

    private static string? Trim(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    // Shapes of the YAML document; public setters because YamlDotNet fills them.
    private sealed class EvidenceFile
    {
        public string? Schema { get; set; }

        public string? Id { get; set; }

        public string? Name { get; set; }

        public List<string>? Aliases { get; set; }

        public string? Summary { get; set; }

        public List<StudySection?>? Studies { get; set; }

        public List<StudySection?>? RegisteredTrials { get; set; }

        public List<StudySection?>? Reviews { get; set; }

        public List<SideEffectSection?>? SideEffects { get; set; }

        public List<FindingSection?>? Discontinuations { get; set; }

        public List<ClaimSection?>? Claims { get; set; }
    }

    private sealed class StudySection
    {
        public string? Authors { get; set; }

        public int? Year { get; set; }

        public string? Journal { get; set; }

        public string? Doi { get; set; }

        public string? Pmid { get; set; }

        public string? Registry { get; set; }

        public string? Source { get; set; }

        public string? Design { get; set; }

        public string? Grade { get; set; }

        public string? PooledGrade { get; set; }

        public bool? Indirect { get; set; }

        public string? Status { get; set; }

        public int? N { get; set; }

        public string? NText { get; set; }

        public string? Population { get; set; }

        public double? DoseMg { get; set; }

        public string? DoseText { get; set; }

        public double? DurationWeeks { get; set; }

        public string? DurationText { get; set; }

        public string? Outcome { get; set; }

        public string? Result { get; set; }

        public bool? Verified { get; set; }

        public string? Notes { get; set; }

        public List<string>? AlsoFor { get; set; }
    }

    private sealed class SideEffectSection
    {
        public string? Id { get; set; }

        public string? Name { get; set; }

        public List<string>? Aliases { get; set; }

        public string? Summary { get; set; }

        public List<FindingSection?>? Findings { get; set; }
    }

    private sealed class FindingSection
    {
        public string? Source { get; set; }

        public string? Condition { get; set; }

        public string? Comparison { get; set; }

        public int? Events { get; set; }

        public int? Total { get; set; }

        public double? RiskRatio { get; set; }

        public double? RiskRatioLow { get; set; }

        public double? RiskRatioHigh { get; set; }

        public string? Text { get; set; }
    }

    private sealed class ClaimSection
    {
        public string? Id { get; set; }

        public string? Claim { get; set; }

        public string? Verdict { get; set; }

        public string? Rating { get; set; }

        public string? Basis { get; set; }

        public List<string>? Conditions { get; set; }
    }
}
