using FsCheck;
using FsCheck.Fluent;
using Ldn.Core.Safety;
using Xunit;

namespace Ldn.Core.Tests.Safety;

/// <summary>
/// Item 8 of issue 10: a medication the safety catalogue does not recognise is "not checked", with the
/// closest catalogue names, and a misspelt opioid never passes silently.
/// </summary>
public sealed class MedicationRecognitionTests
{
    /// <summary>Letters, digits and the separators people type inside drug names.</summary>
    private const string Alphabet = "abcdefghijklmnopqrstuvwxyz0123456789 -";

    [Theory]
    [InlineData("co-codamol 30/500", "codeine")]
    [InlineData("OxyContin 20mg", "oxycodone")]
    [InlineData("Tramadol 50 mg", "tramadol")]
    [InlineData("Suboxone 8/2", "buprenorphine")]
    [InlineData("DF 118 Forte", "dihydrocodeine")]
    [InlineData("Duragesic 25 mcg/h patch", "fentanyl")]
    [InlineData("oxycontin 10mg twice daily", "oxycodone")]
    [InlineData("levothyroxine 50 µg", "thyroid replacement")]
    [InlineData("Synthroid 100 mcg", "thyroid replacement")]
    [InlineData("Mellaril", "thioridazine")]
    public void Catalogued_names_are_recognised_as_before_with_nothing_left_unchecked(string name, string expected)
    {
        var check = MedicationRecognition.Check(name);
        Assert.Equal([expected], check.RecognisedAs);
        Assert.Empty(check.Suggestions);
        Assert.False(check.NotChecked);
        Assert.Null(check.Message);
    }

    [Fact]
    public void Several_drugs_in_one_name_are_all_recognised_in_order() =>
        Assert.Equal(["tramadol", "codeine"], MedicationRecognition.Check("tramadol and co-codamol").RecognisedAs);

    [Theory]
    [InlineData("tramadl", "tramadol")]
    [InlineData("tramadl 50mg", "tramadol")]
    [InlineData("Oxycontn 20 mg", "OxyContin")]
    [InlineData("oxycodne", "oxycodone")]
    [InlineData("levothyroxin", "levothyroxine")]
    [InlineData("fentanil patch", "fentanyl")]
    [InlineData("Nurofen", "Nurofen Plus")]
    [InlineData("tramdaol", "tramadol")]
    public void A_misspelt_name_is_not_checked_and_the_catalogue_name_is_suggested_first(string name, string suggestion)
    {
        var check = MedicationRecognition.Check(name);
        Assert.Empty(check.RecognisedAs);
        Assert.True(check.NotChecked);
        Assert.Equal(suggestion, check.Suggestions[0]);
        Assert.InRange(check.Suggestions.Count, 1, 3);
        Assert.Equal($"'{name}' was not checked: it is not in the safety catalogue; did you mean {string.Join(" or ", check.Suggestions)}?", check.Message);
    }

    [Fact]
    public void The_message_for_tramadl_names_it_and_suggests_tramadol() =>
        Assert.Equal("'tramadl' was not checked: it is not in the safety catalogue; did you mean tramadol?", MedicationRecognition.Check("tramadl").Message);

    [Theory]
    [InlineData("apomorphine")]
    [InlineData("naltrexone")]
    [InlineData("Narcan (naloxone)")]
    [InlineData("dextromethorphan 15 mg")]
    [InlineData("ibuprofen 400 mg")]
    [InlineData("hydrocortisone")]
    [InlineData("tizanidine")]
    [InlineData("estradiol")]
    [InlineData("vitamin D 1000 IU")]
    [InlineData("mesalazine")]
    [InlineData("metformin 500 mg twice daily")]
    public void A_name_outside_the_catalogue_is_not_checked_and_gets_no_false_suggestion(string name)
    {
        var check = MedicationRecognition.Check(name);
        Assert.Empty(check.RecognisedAs);
        Assert.Empty(check.Suggestions);
        Assert.True(check.NotChecked);
        Assert.Equal(
            $"'{name}' was not checked: it is not in the safety catalogue (opioids, thyroid replacement and thioridazine), so ask the prescriber or a pharmacist whether it interacts with naltrexone.",
            check.Message);
    }

    [Fact]
    public void A_misspelt_opioid_next_to_a_recognised_one_is_still_reported()
    {
        var check = MedicationRecognition.Check("co-codamol 30/500 and oxycodne");
        Assert.Equal(["codeine"], check.RecognisedAs);
        Assert.Equal(["oxycodone"], check.Suggestions);
        Assert.True(check.NotChecked);
        Assert.Equal("'co-codamol 30/500 and oxycodne' was checked as codeine, but part of it was not checked: it is not in the safety catalogue; did you mean oxycodone?", check.Message);
    }

    [Fact]
    public void Names_are_checked_one_by_one_in_the_order_given()
    {
        var checks = MedicationRecognition.Check(["tramadl", "co-codamol", "tramadl"]);
        Assert.Equal(["tramadl", "co-codamol", "tramadl"], checks.Select(c => c.Name));
        Assert.Equal([true, false, true], checks.Select(c => c.NotChecked));
    }

    /// <summary>Every name of every catalogued opioid, with each single-character deletion: none passes silently.</summary>
    [Fact]
    public void Every_deletion_of_one_character_from_any_opioid_name_is_matched_or_suggests_that_opioid()
    {
        var cases = OpioidCatalog.All.SelectMany(o => o.AllNames.SelectMany(n => Enumerable.Range(0, n.Length).Select(i => (o, n.Remove(i, 1))))).ToList();
        Assert.True(cases.Count > 1000, $"only {cases.Count} cases");
        Assert.All(cases, c => AssertNeverSilent(c.o, c.Item2));
    }

    /// <summary>Any one edit (substitution, insertion or deletion, with dosage text after it or not) of any opioid name.</summary>
    [Fact]
    public void Any_single_edit_of_any_opioid_name_is_matched_or_suggests_that_opioid()
    {
        var edits =
            from entry in Gen.Elements(OpioidCatalog.All.ToArray())
            from name in Gen.Elements(entry.AllNames.ToArray())
            from kind in Gen.Choose(0, 2)
            from position in Gen.Choose(0, name.Length - 1)
            from c in Gen.Elements(Alphabet.ToCharArray())
            from dosage in Gen.Elements("", " 50 mg", " 10mg twice daily", " patch")
            select (entry, Edit(name, kind, position, c) + dosage);
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(1500), Prop.ForAll(edits.ToArbitrary(), x => AssertNeverSilent(x.entry, x.Item2)));
    }

    private static string Edit(string name, int kind, int position, char c) => kind switch
    {
        0 => name.Remove(position, 1).Insert(position, c.ToString()),
        1 => name.Insert(position, c.ToString()),
        _ => name.Remove(position, 1),
    };

    private static void AssertNeverSilent(OpioidEntry opioid, string typed)
    {
        var check = MedicationRecognition.Check(typed);
        var matchedAnOpioid = check.RecognisedAs.Any(r => OpioidCatalog.All.Any(o => o.Name == r));
        var suggestsIt = check.NotChecked && check.Suggestions.Any(s => opioid.AllNames.Contains(s));
        Assert.True(matchedAnOpioid || suggestsIt, $"'{typed}' (from {opioid.Name}) passed: recognised as [{string.Join(", ", check.RecognisedAs)}], suggestions [{string.Join(", ", check.Suggestions)}]");
    }
}
