using System.Net;
using System.Text;
using Xunit;

namespace Ldn.Web.Tests;

/// <summary>
/// A body or query value the framework cannot bind is one sentence naming the field in words and what it must
/// be, not System.Text.Json's message with its <c>$.doseMg</c> path, type name and byte position.
/// </summary>
public sealed class BindingProblemTests : WebBehaviour
{
    protected override bool Postgres => false;

    [Fact]
    public async Task A_value_of_the_wrong_kind_names_its_field_and_what_it_must_be()
    {
        using var host = NewHost();
        var patient = await host.SignUpAsync("binding@example.org");
        foreach (var (url, body, sentence) in new[]
        {
            ("/api/journal/doses", """{"doseMg":"4.5kg"}""", "The field 'doseMg' must be a number of ordinary size, e.g. 4.5."),
            ("/api/journal/doses", """{"doseMg":1e400}""", "The field 'doseMg' must be a number of ordinary size, e.g. 4.5."),
            ("/api/journal/doses", """{"confirm":"yes"}""", "The field 'confirm' must be true or false."),
            ("/api/journal/doses", """{"at":42}""", "The field 'at' must be text in quotes."),
            ("/api/journal/checkins", """{"scores":[4]}""", "The field 'scores' must be an object, e.g. {\"pain\": 4}."),
            ("/api/journal/checkins", """{"scores":{"pain":4.5}}""", "The field 'scores.pain' must be a whole number of ordinary size, e.g. 7."),
            ("/api/simulate", """{"dose":"4.5mg","count":"7 doses"}""", "The field 'count' must be a whole number of ordinary size, e.g. 7."),
            ("/api/plan", """{"protocol":"standard","medications":"levothyroxine"}""", "The field 'medications' must be an array of text, e.g. [\"levothyroxine\"]."),
            ("/api/journal/doses", """{"doseMg":1.5,"dose_mg":1.5}""", "The body has a field 'dose_mg' this route does not take."),
            ("/api/journal/doses", """[1]""", "The request body must be a JSON object of the route's fields."),
            ("/api/journal/doses", """{"doseMg":NaN}""", "The request body is not valid JSON (line 1, byte 11)."),
        })
        {
            using var content = new StringContent(body, Encoding.UTF8, "application/json");
            var problem = await AssertProblemAsync(await patient.Client.PostAsync(url, content), HttpStatusCode.BadRequest);
            Assert.Equal(sentence, problem["detail"]!.GetValue<string>());
        }

        var query = await AssertProblemAsync(await patient.Client.GetAsync("/api/journal/history?kind=dose&id=three"), HttpStatusCode.BadRequest);
        Assert.Equal("The query value 'id' must be a whole number of ordinary size, e.g. 7.", query["detail"]!.GetValue<string>());
    }
}
