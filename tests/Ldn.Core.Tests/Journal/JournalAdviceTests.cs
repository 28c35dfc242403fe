using Ldn.Core.Advice;
using Ldn.Core.Dosing;
using Ldn.Core.Journal;
using NodaTime;
using Xunit;

namespace Ldn.Core.Tests.Journal;

/// <summary>The journal's state as the adjustment rules see it, on the demo patient and on small hand-made journals.</summary>
public sealed class JournalAdviceTests
{
    private static readonly DateTimeZone Oslo = DateTimeZoneProviders.Tzdb["Europe/Oslo"];

    [Fact]
    public void The_demo_patient_after_twelve_weeks_is_at_the_target_dose_of_the_standard_plan()
    {
        var data = JournalDocumentTests.Demo();
        var state = JournalAdvice.StateOn(data, new LocalDate(2027, 4, 30));
        Assert.Equal(4.5m, state.CurrentDoseMg);
        Assert.Null(state.NextDoseMg);
        Assert.Equal(3m, state.PreviousDoseMg);
        Assert.True(state.DaysOnStep > 30);
        Assert.True(state.IsEveningDose);
        Assert.Equal("at-target", AdjustmentRules.Decide(state).RuleId);
    }

    [Fact]
    public void An_opioid_added_to_the_record_makes_advice_stop_and_contact_the_prescriber()
    {
        var data = JournalDocumentTests.Demo();
        var withOpioid = data with { Medications = [.. data.Medications, new MedicationEntry(0, "Tramadol 50 mg", Instant.FromUtc(2027, 4, 29, 12, 0), null)] };
        var advice = AdjustmentRules.Decide(JournalAdvice.StateOn(withOpioid, new LocalDate(2027, 4, 30)));
        Assert.Equal(AdviceActions.StopAndContactPrescriber, advice.Action);

        // Stopped three weeks before: the washout is over and the rules go back to the titration.
        var stopped = data with { Medications = [.. data.Medications, new MedicationEntry(0, "Tramadol 50 mg", Instant.FromUtc(2027, 3, 1, 12, 0), Instant.FromUtc(2027, 4, 8, 12, 0))] };
        Assert.NotEqual(AdviceActions.StopAndContactPrescriber, AdjustmentRules.Decide(JournalAdvice.StateOn(stopped, new LocalDate(2027, 4, 30))).Action);
    }

    [Fact]
    public void Days_on_the_step_count_the_days_taken_since_the_dose_last_changed_and_ongoing_side_effects_count_their_days()
    {
        var profile = new JournalProfile { TimeZoneId = Oslo.Id };
        Instant Evening(int day) => new LocalDate(2027, 1, day).At(new LocalTime(22, 0)).InZoneLeniently(Oslo).ToInstant();
        var doses = Enumerable.Range(1, 5).Select(d => new DoseEntry(0, Evening(d), Oslo.Id, 1.5m, Formulation.Capsule, false))
            .Concat(Enumerable.Range(6, 4).Select(d => new DoseEntry(0, Evening(d), Oslo.Id, 3m, Formulation.Capsule, d == 8)))
            .ToList();
        var data = new JournalData
        {
            Profile = profile,
            Doses = doses,
            SideEffects = [new SideEffectEntry(0, SideEffectKinds.Insomnia, SideEffectSeverity.Moderate, Evening(7), null, Oslo.Id)],
        };
        var state = JournalAdvice.StateOn(data, new LocalDate(2027, 1, 9));
        Assert.Equal(3m, state.CurrentDoseMg);
        Assert.Equal(3, state.DaysOnStep); // days 6, 7 and 9; day 8 was skipped
        Assert.Equal(new SideEffectReport(SideEffectKinds.Insomnia, SideEffectSeverity.Moderate, 3), Assert.Single(state.SideEffects));
        Assert.Equal("sleep-evening-dose", AdjustmentRules.Decide(state).RuleId);
    }

    [Fact]
    public void A_journal_with_no_dose_and_no_plan_is_one_sentence()
    {
        var data = new JournalData { Profile = new JournalProfile { TimeZoneId = "UTC" } };
        Assert.Contains("no dose taken and no plan", Assert.Throws<InvalidInputException>(() => JournalAdvice.StateOn(data, new LocalDate(2027, 1, 1))).Message, StringComparison.Ordinal);
    }
}
