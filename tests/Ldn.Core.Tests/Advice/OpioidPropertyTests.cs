using FsCheck;
using FsCheck.Fluent;
using Ldn.Core.Advice;
using Ldn.Core.Dosing;
using Ldn.Core.Safety;
using Ldn.Core.Units;
using Xunit;

namespace Ldn.Core.Tests.Advice;

/// <summary>Whatever else a state holds, an opioid in it must always yield stop-and-contact-prescriber.</summary>
public sealed class OpioidPropertyTests
{
    private static readonly DateOnly Today = new(2026, 12, 15);

    private static Gen<string> Casing(string name) =>
        Gen.Elements(name, name.ToUpperInvariant(), name.ToLowerInvariant(), char.ToUpperInvariant(name[0]) + name[1..].ToLowerInvariant());

    private static readonly Gen<MedicationUse> AnyOpioid =
        from entry in Gen.Elements(OpioidCatalog.All.ToArray())
        from name in Gen.Elements(entry.AllNames.ToArray())
        from cased in Casing(name)
        from dosage in Gen.Elements("", " 10 mg", " 5/325", "  50mg twice daily", " (as needed)", " 25 mcg/h patch", " 30/500")
        from daysAgo in Gen.Choose(-1, entry.RecommendedWashoutDays - 1)
        select new MedicationUse(cased + dosage, daysAgo < 0 ? null : Today.AddDays(-daysAgo));

    private static readonly Gen<SideEffectReport> AnySideEffect =
        from kind in Gen.Elements(SideEffectKinds.All.ToArray())
        from severity in Gen.Elements(Enum.GetValues<SideEffectSeverity>())
        from days in Gen.Choose(0, 40)
        select new SideEffectReport(kind, severity, days);

    private static readonly Gen<AdviceState> AnyStateWithAnOpioid =
        from current in Gen.Choose(1, 240)
        from atTarget in Gen.Elements(true, false)
        from daysOnStep in Gen.Choose(0, 60)
        from stepDays in Gen.Choose(1, 28)
        from minute in Gen.Choose(0, (24 * 60) - 1)
        from formulation in Gen.Elements(Formulations.All.ToArray())
        from count in Gen.Choose(0, 4)
        from sideEffects in Gen.ListOf(AnySideEffect, count)
        from flare in Gen.Elements(true, false)
        from opioid in AnyOpioid
        from others in Gen.SubListOf("levothyroxine", "mesalazine", "naltrexone", "ibuprofen", "thioridazine")
        from position in Gen.Choose(0, 5)
        from flags in Gen.ArrayOf(Gen.Elements(true, false), 6)
        select new AdviceState
        {
            CurrentDoseMg = current / 20m,
            NextDoseMg = atTarget ? null : (current / 20m) + 1.5m,
            DaysOnStep = daysOnStep,
            StepDays = stepDays,
            DoseTime = ClockTime.FromHoursAndMinutes(minute / 60, minute % 60),
            Formulation = formulation,
            SideEffects = sideEffects,
            Flare = flare,
            Patient = new PatientProfile
            {
                Medications = [.. others.Select(o => new MedicationUse(o)).Take(position), opioid, .. others.Select(o => new MedicationUse(o)).Skip(position)],
                HepaticImpairment = flags[0],
                RenalImpairment = flags[1],
                Pregnant = flags[2],
                Breastfeeding = flags[3],
                ThyroidReplacement = flags[4],
                TransplantImmunosuppression = flags[5],
                PlannedSurgery = flags[0] ? Today.AddDays(5) : null,
            },
            Today = Today,
        };

    [Fact]
    public void Any_state_with_any_opioid_in_its_washout_yields_stop_and_contact_prescriber() =>
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(500), Prop.ForAll(AnyStateWithAnOpioid.ToArbitrary(), state =>
        {
            var advice = AdjustmentRules.Decide(state);
            Assert.Equal(AdviceActions.StopAndContactPrescriber, advice.Action);
            Assert.Equal("opioid-hard-stop", advice.RuleId);
            Assert.Null(advice.SuggestedDoseMg);
            Assert.Equal(SafetySeverity.HardStop, advice.Safety[0].Severity);
        }));

    [Fact]
    public void An_opioid_whose_washout_is_over_no_longer_stops()
    {
        var state = AdjustmentRuleTests.Quiet with { Patient = AdjustmentRuleTests.Quiet.Patient with { Medications = [new MedicationUse("tramadol", Today.AddDays(-10))] } };
        Assert.Equal("stay-on-step", AdjustmentRules.Decide(state).RuleId);
    }
}
