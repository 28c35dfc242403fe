using System.Net;
using Ldn.Core.Evidence;
using Ldn.Storage.Tests;
using Xunit;

namespace Ldn.Web.Tests;

/// <summary>/evidence and /evidence/{condition} against Core's shipped catalogue (what <c>ldn evidence</c> prints).</summary>
public abstract class PageEvidenceBehaviour : WebBehaviour
{
    [StoreFact]
    public async Task The_overview_lists_every_condition_with_its_best_grade_strongest_first()
    {
        using var host = NewHost();
        using var browser = new PageSession(host);
        var html = await browser.PageAsync("/evidence");
        PageKnowledgeAssert.NoLeaks(html);
        var positions = new List<int>();
        foreach (var c in EvidenceCatalog.All)
        {
            var at = html.IndexOf($"data-condition=\"{c.Id}\"", StringComparison.Ordinal);
            Assert.True(at >= 0, $"{c.Id} is missing");
            positions.Add(at);
            var card = PageKnowledgeAssert.Text(html[at..html.IndexOf("</li>", at, StringComparison.Ordinal)]);
            Assert.Contains($"Best grade: {c.BestGrade.Label()}", card, StringComparison.Ordinal);
        }

        Assert.Equal(positions.Order(), positions);
        // Every side-effect number is shown with its source.
        var finding = EvidenceCatalog.SideEffects.SelectMany(s => s.Findings).First(f => f.Events is not null && f.Total is not null);
        var text = PageKnowledgeAssert.Text(html);
        Assert.Contains($"{finding.Events} of {finding.Total}", text, StringComparison.Ordinal);
        Assert.Contains("Source: " + PublishedSource.Of(finding.Source), text, StringComparison.Ordinal);
    }

    [StoreFact]
    public async Task A_condition_page_shows_its_studies_with_grades_and_the_claims_beside_the_studies()
    {
        using var host = NewHost();
        using var browser = new PageSession(host);
        var condition = EvidenceCatalog.Find("crohns-disease");
        var html = await browser.PageAsync("/evidence/crohns-disease");
        PageKnowledgeAssert.NoLeaks(html);
        var text = PageKnowledgeAssert.Text(html);
        Assert.Contains($"Best grade: {condition.BestGrade.Label()}", text, StringComparison.Ordinal);
        var cards = html.Split("<article class=\"card study\"")[1..];
        Assert.Equal(condition.Studies.Count + condition.RegisteredTrials.Count + condition.Reviews.Count, cards.Length);
        foreach (var (study, card) in condition.Studies.Zip(cards))
        {
            var shown = PageKnowledgeAssert.Text("<x" + card);
            Assert.Contains($"{study.Grade.Label()}{(study.Verified ? "" : " (unverified)")} {study.ShortName}", shown, StringComparison.Ordinal);
            if (study.Doi is { } doi)
            {
                Assert.Contains($"href=\"https://doi.org/{doi}\"", card, StringComparison.Ordinal);
            }
        }

        var claim = EvidenceCatalog.Shipped.ClaimsAbout(condition.Id)[0];
        Assert.Contains(claim.Claim, text, StringComparison.Ordinal);
        Assert.Contains(claim.Verdict, text, StringComparison.Ordinal);
    }

    [StoreFact]
    public async Task An_alias_leads_to_the_condition_and_an_unknown_name_is_404_with_the_nearest()
    {
        using var host = NewHost();
        using var browser = new PageSession(host);
        var alias = await browser.Client.GetAsync("/evidence/FM");
        Assert.Equal(HttpStatusCode.Redirect, alias.StatusCode);
        Assert.Equal("/evidence/fibromyalgia", alias.Headers.Location?.OriginalString);

        var unknown = await browser.Client.GetAsync("/evidence/fibromyalgiaa");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        var html = await unknown.Content.ReadAsStringAsync();
        Assert.Contains("fibromyalgia", PageKnowledgeAssert.Text(html), StringComparison.Ordinal);
        PageKnowledgeAssert.NoLeaks(html);
        var huge = await browser.Client.GetAsync("/evidence/" + new string('x', 5000));
        Assert.True(huge.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.BadRequest, $"{(int)huge.StatusCode}");
    }
}

public sealed class PageEvidenceOnSqlite : PageEvidenceBehaviour
{
    protected override bool Postgres => false;
}

[PostgresTests]
public sealed class PageEvidenceOnPostgres : PageEvidenceBehaviour
{
    protected override bool Postgres => true;
}
