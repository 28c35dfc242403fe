using System.Globalization;

namespace Ldn.Core.Safety;

/// <summary>
/// The safety rules of clinical-evidence.md §4 and §3.3. The drug lists are data
/// (<c>data/safety/*.yaml</c>); the conditions, messages and sources are this one table of code, so a
/// reader finds every rule in one place. Findings come in a stable order: hard stops, refusals, warnings.
/// </summary>
public static class SafetyChecks
{
    /// <summary>Codes of the findings, stable for callers and for the adjustment rules.</summary>
    public static class Codes
    {
        public const string OpioidCurrent = "opioid-current";
        public const string OpioidWashout = "opioid-washout";
        public const string DoseAboveLdnRange = "dose-above-ldn-range";
        public const string DoseAboveTrialRange = "dose-above-trial-range";
        public const string PlannedSurgery = "planned-surgery";
        public const string HepaticImpairment = "hepatic-impairment";
        public const string RenalImpairment = "renal-impairment";
        public const string Pregnancy = "pregnancy";
        public const string Breastfeeding = "breastfeeding";
        public const string ThyroidReplacement = InteractionCatalog.ThyroidReplacement;
        public const string TransplantImmunosuppression = "transplant-immunosuppression";
        public const string Thioridazine = InteractionCatalog.Thioridazine;

        /// <summary>A medication the catalogue does not recognise, so nothing was checked for it (see <see cref="MedicationRecognition"/>).</summary>
        public const string UnrecognisedMedication = "unrecognised-medication";

        public static IReadOnlyList<string> All { get; } =
        [
            OpioidCurrent, OpioidWashout, DoseAboveLdnRange, DoseAboveTrialRange, PlannedSurgery, HepaticImpairment, RenalImpairment,
            Pregnancy, Breastfeeding, ThyroidReplacement, TransplantImmunosuppression, Thioridazine, UnrecognisedMedication,
        ];
    }

    /// <summary>4.5 mg: the dose of most LDN trials; above it there are few data (§3.3, §6).</summary>
    public const decimal TrialRangeMg = 4.5m;

    /// <summary>10 mg: the LDN Research Trust's definition of "low dose" (§3.2, §3.3) — not a toxicity limit.</summary>
    public const decimal LdnRangeMg = 10m;

    public static IReadOnlyList<SafetyFinding> Evaluate(SafetyContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var findings = new List<SafetyFinding>();
        Opioids(context, findings);
        Doses(context, findings);
        Conditions(context, findings);
        Interactions(context, findings);
        Unrecognised(context, findings);
        return [.. findings.OrderByDescending(f => f.Severity)];
    }

    private static void Opioids(SafetyContext context, List<SafetyFinding> findings)
    {
        var today = context.StartDate;
        foreach (var medication in context.Patient.Medications)
        {
            foreach (var opioid in OpioidCatalog.MatchAll(medication.Name))
            {
                var drug = Display(opioid, medication.Name);
                var rule = $"{opioid.RecommendedWashoutDays} days after {opioid.KindDescription}";
                var source = opioid.Source;
                if (medication.LastTaken is not { } last)
                {
                    findings.Add(new SafetyFinding(Codes.OpioidCurrent, SafetySeverity.HardStop,
                        $"{drug} is being taken now; naltrexone blocks it and can precipitate withdrawal, so it must not be taken until {rule}.", source));
                    continue;
                }

                var ends = opioid.WashoutEnds(last);
                if (today is { } day && day >= ends)
                {
                    continue;
                }

                findings.Add(new SafetyFinding(Codes.OpioidWashout, SafetySeverity.HardStop,
                    $"{drug} was last taken {Iso(last)}; naltrexone must wait until {Iso(ends)} ({rule}).", source));
            }
        }
    }

    private static void Doses(SafetyContext context, List<SafetyFinding> findings)
    {
        if (context.DosesMg.Count == 0)
        {
            return;
        }

        var highest = context.DosesMg.Max();
        if (highest > LdnRangeMg)
        {
            findings.Add(new SafetyFinding(Codes.DoseAboveLdnRange, SafetySeverity.Refusal,
                $"A dose of {Mg(highest)} is above {Mg(LdnRangeMg)}, outside the definition of low-dose naltrexone, so the tool will not plan or adjust it.",
                "clinical-evidence.md §3.3 and §3.2: LDN Research Trust defines low dose as ≤10 mg/day (a definition, not a toxicity ceiling)"));
        }
        else if (highest > TrialRangeMg)
        {
            findings.Add(new SafetyFinding(Codes.DoseAboveTrialRange, SafetySeverity.Warning,
                $"A dose of {Mg(highest)} is above {Mg(TrialRangeMg)}, beyond most LDN trial data, so it needs a clinician's decision.",
                "clinical-evidence.md §3.3 and §6: most trials used 4.5 mg; FINAL 2024 used 6 mg; Bruun-Plesner 2020 ED95 5.4 mg"));
        }
    }

    private static void Conditions(SafetyContext context, List<SafetyFinding> findings)
    {
        if (context.Patient.PlannedSurgery is { } surgery && (context.StartDate is not { } today || surgery >= today))
        {
            findings.Add(new SafetyFinding(Codes.PlannedSurgery, SafetySeverity.Warning,
                $"Surgery is planned for {Iso(surgery)}: agree with the prescriber when to pause LDN and tell the anaesthetist, because naltrexone blocks opioid pain relief and no LDN-specific hold interval has been validated.",
                "clinical-evidence.md §4.1 (half-lives ~4 h naltrexone, ~13 h 6β-naltrexol; no validated LDN hold interval); pharmacology.md §8: SPAQI 2021 consensus, stop standard-dose oral naltrexone ~72 h before"));
        }

        if (context.Patient.HepaticImpairment)
        {
            findings.Add(new SafetyFinding(Codes.HepaticImpairment, SafetySeverity.Warning,
                "Hepatic impairment raises naltrexone exposure about 5-fold (compensated) to 10-fold (decompensated cirrhosis), so a clinician must review the plan; acute hepatitis or liver failure is a contraindication.",
                "clinical-evidence.md §4.3; pharmacology.md §8: naltrexone label, Bertolotti 1997"));
        }

        if (context.Patient.RenalImpairment)
        {
            findings.Add(new SafetyFinding(Codes.RenalImpairment, SafetySeverity.Warning,
                "Severe renal impairment calls for caution because the metabolites are excreted by the kidney and naltrexone has not been studied there, so a clinician should review the plan.",
                "clinical-evidence.md §4.4: naltrexone label (caution in severe renal impairment); pharmacology.md §8"));
        }

        if (context.Patient.Pregnant)
        {
            findings.Add(new SafetyFinding(Codes.Pregnancy, SafetySeverity.Warning,
                "There are no LDN pregnancy studies and every LDN trial excluded pregnancy, so a clinician must confirm the plan.",
                "clinical-evidence.md §4.5: older US category C; Wachman 2019 (6 standard-dose pregnancies)"));
        }

        if (context.Patient.Breastfeeding)
        {
            findings.Add(new SafetyFinding(Codes.Breastfeeding, SafetySeverity.Warning,
                "Transfer into breast milk is minimal at standard doses but there are no LDN-specific data, so a clinician must confirm the plan.",
                "clinical-evidence.md §4.5: Chan 2004 (relative infant dose ~1%), LactMed"));
        }

        if (context.Patient.TransplantImmunosuppression)
        {
            findings.Add(new SafetyFinding(Codes.TransplantImmunosuppression, SafetySeverity.Warning,
                "Practitioner guidance cautions organ-transplant recipients on permanent immunosuppression against LDN (a theoretical concern, no documented interaction), so the transplant team should decide.",
                "clinical-evidence.md §4.6: Bihari-derived guidance (theoretical)"));
        }
    }

    private static void Interactions(SafetyContext context, List<SafetyFinding> findings)
    {
        var matched = context.Patient.Medications.SelectMany(m => InteractionCatalog.MatchAll(m.Name).Select(e => (e.Code, Text: m.Name))).ToList();
        var thyroidMedication = matched.FirstOrDefault(m => m.Code == Codes.ThyroidReplacement).Text;
        if (context.Patient.ThyroidReplacement || thyroidMedication is not null)
        {
            var what = thyroidMedication is null ? "Thyroid replacement" : $"Thyroid replacement ({thyroidMedication.Trim()})";
            findings.Add(new SafetyFinding(Codes.ThyroidReplacement, SafetySeverity.Warning,
                $"{what} with LDN: start low, check TSH and free T4 after starting or changing the dose, and watch for palpitations, tremor, heat intolerance or insomnia, which may mean the thyroid dose needs lowering.",
                InteractionCatalog.Get(Codes.ThyroidReplacement).Source));
        }

        var thioridazine = matched.FirstOrDefault(m => m.Code == Codes.Thioridazine).Text;
        if (thioridazine is not null)
        {
            findings.Add(new SafetyFinding(Codes.Thioridazine, SafetySeverity.Warning,
                $"Naltrexone with thioridazine ({thioridazine.Trim()}) has caused somnolence and lethargy, so the prescriber should review the combination.",
                InteractionCatalog.Get(Codes.Thioridazine).Source));
        }
    }

    private static void Unrecognised(SafetyContext context, List<SafetyFinding> findings)
    {
        foreach (var check in MedicationRecognition.Check(context.Patient.Medications.Select(m => m.Name)))
        {
            if (check.Message is { } message)
            {
                findings.Add(new SafetyFinding(Codes.UnrecognisedMedication, SafetySeverity.Warning, message,
                    "data/safety/opioids.yaml and interactions.yaml: only the medications listed there are checked"));
            }
        }
    }

    private static string Display(OpioidEntry opioid, string written)
    {
        var name = char.ToUpperInvariant(opioid.Name[0]) + opioid.Name[1..];
        return DrugNameIndex<OpioidEntry>.Squash(written).StartsWith(DrugNameIndex<OpioidEntry>.Squash(opioid.Name), StringComparison.Ordinal)
            ? name
            : $"{name} (as '{written.Trim()}')";
    }

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Mg(decimal dose) => dose.ToString("0.###", CultureInfo.InvariantCulture) + " mg";
}
