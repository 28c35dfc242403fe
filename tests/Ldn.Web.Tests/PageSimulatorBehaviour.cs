using System.Net;
using Ldn.Core;
using Ldn.Core.Pharmacology;
using Ldn.Core.Units;
using Ldn.Storage.Tests;
using Ldn.Tests.Shared;
using Xunit;

namespace Ldn.Web.Tests;

/// <summary>/simulator against Core's simulation for the same options (what <c>ldn simulate</c> prints).</summary>
public abstract class PageSimulatorBehaviour : WebBehaviour
{
    [StoreFact]
    public async Task The_summary_equals_Cores_for_the_same_options_with_the_caveats_and_the_charts_data()
    {
        using var host = NewHost();
        using var browser = new PageSession(host);
        var html = await browser.PageAsync("/simulator?Dose=3mg&At=21%3A30&Every=24h&Count=28&Formulation=liquid&Scenario=both&Condition=fibromyalgia");
        PageKnowledgeAssert.NoLeaks(html);
        var expected = new SimulationOptions
        {
            Dose = "3mg", At = "21:30", Every = "24h", Count = 28, Formulation = "liquid", Scenario = "both", Condition = "fibromyalgia", OutputStep = "1h",
        }.Run();
        var rows = PageKnowledgeAssert.Rows(html, "simulation-summary");
        var want = SimulationSummaryTable.Rows(expected);
        Assert.Equal(want.Count, rows.Count);
        foreach (var (row, shown) in want.Zip(rows))
        {
            Assert.Equal([row.Quantity, .. row.Values], shown);
        }

        Assert.Contains("MOR blockade peak", rows[4][0], StringComparison.Ordinal);
        Assert.Equal(2, expected.Scenarios.Count);
        var text = PageKnowledgeAssert.Text(html);
        Assert.Contains(ModelCaveats.Scenarios, text, StringComparison.Ordinal);
        Assert.Contains(Disclaimer.NotMedicalAdvice, text, StringComparison.Ordinal);
        Assert.Contains(SimulationSummaryTable.Regimen(expected), text, StringComparison.Ordinal);
        foreach (var chart in new[] { "chart-blockade", "chart-plasma", "chart-mechanism", "chart-outcome" })
        {
            Assert.Contains($"<script type=\"application/json\" data-chart-for=\"{chart}\">", html, StringComparison.Ordinal);
        }

        Assert.Contains("<script src=\"/assets/chart.umd.min.js\"></script>", html, StringComparison.Ordinal);
    }

    [StoreFact]
    public async Task The_clinical_dose_evidence_comes_first_and_the_inflammation_output_is_a_what_if()
    {
        using var host = NewHost();
        using var browser = new PageSession(host);
        var html = await browser.PageAsync("/simulator?Dose=4.5mg&Count=84");
        PageKnowledgeAssert.NoLeaks(html);
        var text = PageKnowledgeAssert.Text(html);

        // Bruun-Plesner 2020 (ED50 3.88 mg, ED95 5.40 mg) and FINAL 2024 (6 mg) before the model's summary.
        var summary = text.IndexOf("MOR blockade peak", StringComparison.Ordinal);
        Assert.InRange(text.IndexOf("3.88 mg", StringComparison.Ordinal), 0, summary);
        Assert.InRange(text.IndexOf("5.40 mg", StringComparison.Ordinal), 0, summary);
        Assert.InRange(text.IndexOf("not superior to placebo", StringComparison.Ordinal), 0, summary);
        Assert.Contains(WhatIf.Note, text, StringComparison.Ordinal);
        Assert.Contains("Inflammation change at week 12 (what-if)", text, StringComparison.Ordinal);
        Assert.Empty(FindingPhrases.Findings(text));
    }

    [StoreFact]
    public async Task The_page_opens_with_the_default_result_and_bounds_the_work()
    {
        using var host = NewHost();
        using var browser = new PageSession(host);
        var html = await browser.PageAsync("/simulator");

        // By default the model average comes first, with its band (issue 12 item 4).
        var expected = Ldn.Core.Pharmacology.ModelAverage.ModelAverager.WithDefaultAverage(new SimulationOptions { Dose = "4.5mg" }.Run(), structuresChosen: false, userParameters: false);
        Assert.Equal(SimulationSummaryTable.Rows(expected)[4].Values, PageKnowledgeAssert.Rows(html, "simulation-summary")[4].Skip(1));
        Assert.Equal(2, SimulationSummaryTable.Rows(expected)[4].Values.Count);
        var text = PageKnowledgeAssert.Text(html);
        Assert.All(SimulationSummaryTable.Band(expected), line => Assert.Contains(line, text, StringComparison.Ordinal));
        Assert.Contains("\"band\":true", html, StringComparison.Ordinal);

        var year = await browser.Client.GetAsync("/simulator?Count=366");
        Assert.Equal(HttpStatusCode.OK, year.StatusCode);
        var sentence = await PageKnowledgeAssert.OneSentenceAsync(await browser.Client.GetAsync("/simulator?Count=367"), "simulator-error");
        Assert.Contains("at most 366 days", sentence, StringComparison.Ordinal);
    }

    [StoreFact]
    public async Task The_structure_selector_shows_the_chosen_structure_and_refuses_a_scenario_beside_it()
    {
        using var host = NewHost();
        using var browser = new PageSession(host);
        var html = await browser.PageAsync("/simulator?Dose=4.5mg&Count=7&Structure=two-site");
        var header = PageKnowledgeAssert.Rows(html, "simulation-summary")[4];
        var expected = new SimulationOptions { Dose = "4.5mg", Count = 7 }.ToRegimen();
        var twoSite = Simulator.Run(expected, Ldn.Core.Pharmacology.Parameters.ParameterSets.Default, Duration.FromHours(1), [OccupancyScenario.TwoSite]);
        Assert.Equal(SimulationSummaryTable.Rows(twoSite)[4].Values, header.Skip(1));

        var sentence = await PageKnowledgeAssert.OneSentenceAsync(await browser.Client.GetAsync("/simulator?Dose=4.5mg&Scenario=B&Structure=two-site"), "simulator-error");
        Assert.Contains("not both", sentence, StringComparison.Ordinal);
    }

    [StoreFact]
    public async Task Nonsense_is_one_sentence_on_the_page_never_a_500()
    {
        using var host = NewHost();
        using var browser = new PageSession(host);
        var megabyte = new string('9', 1_000_000);
        foreach (var query in new[]
        {
            "Dose=4.5kg", "Dose=-3mg", "Dose=1e9mg", "Dose=", "At=25%3A00", "Every=0h", "Every=-1d", "Count=-2", "Count=abc", "Count=99999999999",
            "Every=30d&Count=300", "Formulation=suppository", "Scenario=C", "Condition=mars", "Dose=%EF%BC%94.%EF%BC%95mg", "Dose=" + megabyte[..100_000],
        })
        {
            await PageKnowledgeAssert.OneSentenceAsync(await browser.Client.GetAsync("/simulator?" + query), "simulator-error");
        }
    }
}

public sealed class PageSimulatorOnSqlite : PageSimulatorBehaviour
{
    protected override bool Postgres => false;
}

[PostgresTests]
public sealed class PageSimulatorOnPostgres : PageSimulatorBehaviour
{
    protected override bool Postgres => true;
}
