using Ldn.Core.Protocols;
using Xunit;

namespace Ldn.Core.Tests.Protocols;

/// <summary>A user's own protocol file: what is accepted, and the one sentence each mistake gets.</summary>
public sealed class ProtocolReaderTests
{
    private const string Header = "schema: ldn-protocol/1\nid: mine\nname: My protocol\nsource: my prescriber\nat: \"21:30\"\n";

    [Fact]
    public void Steps_given_as_day_spans_that_follow_each_other_are_read()
    {
        var protocol = ProtocolReader.Read(Header + "steps:\n  - { doseMg: 1, fromDay: 1, toDay: 10 }\n  - { doseMg: 2, fromDay: 11, toDay: 20 }\n  - { doseMg: 3, fromDay: 21 }\n", "mine.yaml");
        Assert.Equal([new ProtocolStep(StepDose.Fixed(1), 1, 10), new ProtocolStep(StepDose.Fixed(2), 11, 20), new ProtocolStep(StepDose.Fixed(3), 21, null)], protocol.Steps);
        Assert.Equal("21:30", protocol.DefaultTime.ToString());
    }

    [Theory]
    [InlineData("steps:\n  - { doseMG: 1.5, days: 14 }\n", "doseMG")]
    [InlineData("steps:\n  - { doseMg: 1, fromDay: 1, toDay: 14 }\n  - { doseMg: 2, fromDay: 10, toDay: 20 }\n", "overlapping steps: step 2 starts on day 10, but step 1 runs to day 14")]
    [InlineData("steps:\n  - { doseMg: 1, fromDay: 1, toDay: 14 }\n  - { doseMg: 2, fromDay: 17 }\n", "leaves days 15–16 without a dose")]
    [InlineData("steps:\n  - { doseMg: 1 }\n  - { doseMg: 2, days: 7 }\n", "only the last step")]
    [InlineData("steps:\n  - { doseMg: 1, dosePerKgMg: 0.1 }\n", "either 'doseMg' or 'dosePerKgMg'")]
    [InlineData("steps:\n  - { days: 14 }\n", "either 'doseMg' or 'dosePerKgMg'")]
    [InlineData("steps:\n  - { doseMg: -1.5 }\n", "must be positive")]
    [InlineData("steps:\n  - { doseMg: 1.5, days: 0 }\n", "at least one day")]
    [InlineData("steps:\n  - { doseMg: 1.5, days: 14, fromDay: 1 }\n", "both 'days' and 'fromDay'")]
    [InlineData("steps:\n  - { doseMg: 1.5, fromDay: 5, toDay: 3 }\n", "leaves days 1–4")]
    [InlineData("steps:\n  - { doseMg: 1.5, fromDay: 1, toDay: 0 }\n", "ending on day 0, before it starts")]
    [InlineData("steps: []\n", "has no 'steps'")]
    [InlineData("steps:\n  - { doseMg: 1, days: 3000 }\n  - { doseMg: 2, days: 3000 }\n  - { doseMg: 3 }\n", "runs step 2 past day 3653")]
    [InlineData("steps:\n  - { doseMg: abc }\n", "is not valid at line")]
    [InlineData("stepz:\n  - { doseMg: 1.5 }\n", "stepz")]
    public void Mistakes_in_the_steps_are_one_sentence_naming_the_file(string steps, string expected)
    {
        var error = Assert.Throws<InvalidInputException>(() => ProtocolReader.Read(Header + steps, "mine.yaml"));
        Assert.StartsWith("The protocol file 'mine.yaml'", error.Message, StringComparison.Ordinal);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Theory]
    [InlineData("", "is empty")]
    [InlineData("schema: ldn-protocol/2\n", "must declare 'schema: ldn-protocol/1'")]
    [InlineData("schema: ldn-protocol/1\nid: x\nname: y\nat: \"22:00\"\nsteps:\n  - { doseMg: 1 }\n", "needs a 'source'")]
    [InlineData("schema: ldn-protocol/1\nid: x\nname: y\nsource: z\nsteps:\n  - { doseMg: 1 }\n", "needs a default clock time")]
    [InlineData("schema: ldn-protocol/1\nid: x\nname: y\nsource: z\nat: \"25:00\"\nsteps:\n  - { doseMg: 1 }\n", "unusable 'at'")]
    [InlineData("schema: ldn-protocol/1\nid: x\nname: y\nsource: z\nat: \"22:00\"\nmaxDoseMg: 0\nsteps:\n  - { doseMg: 1 }\n", "'maxDoseMg' as 0")]
    public void Mistakes_in_the_header_are_one_sentence(string yaml, string expected)
    {
        var error = Assert.Throws<InvalidInputException>(() => ProtocolReader.Read(yaml, "p.yaml"));
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }
}
