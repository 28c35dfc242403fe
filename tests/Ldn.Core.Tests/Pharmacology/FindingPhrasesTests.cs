using Ldn.Core.Pharmacology;
using Ldn.Tests.Shared;
using Xunit;

namespace Ldn.Core.Tests.Pharmacology;

/// <summary>The banned-phrase check catches findings and lets what-if framing through; the Core texts pass it.</summary>
public sealed class FindingPhrasesTests
{
    [Theory]
    [InlineData("The best dose is 1 mg.")]
    [InlineData("Scenario B: no benefit at 4.5 mg.")]
    [InlineData("An optimal dose of 3 mg.")]
    [InlineData("Scenario A: inverted U: the benefit peaks at 6 mg.")]
    [InlineData("Under this what-if the reduction is largest at 1 mg. The curve is an inverted U.")]
    public void A_finding_is_caught(string text) => Assert.NotEmpty(FindingPhrases.Findings(text));

    [Theory]
    [InlineData("What-if shape test: the curve counts as an inverted U when it peaks inside the range.")]
    [InlineData("Under this what-if the modelled reduction is largest at 1 mg (the what-if shape called an inverted-U).")]
    [InlineData("{\"invertedU\":false,\"bestDoseMg\":0.5,\"shape\":\"NoBenefit\"}")]
    public void What_if_framing_and_field_names_pass(string text) => Assert.Empty(FindingPhrases.Findings(text));

    [Fact]
    public void The_definition_and_the_what_if_note_pass()
    {
        Assert.Empty(FindingPhrases.Findings(DoseResponse.Definition));
        Assert.Empty(FindingPhrases.Findings(WhatIf.Note));
        Assert.Empty(FindingPhrases.Findings(WhatIf.ModelHeading));
    }
}
