using System.Globalization;
using Ldn.Core.Advice;
using Ldn.Core.Safety;
using Ldn.Core.Evidence;
using Spectre.Console;

namespace Ldn.Cli.Output;

/// <summary>The human view of <c>ldn advise</c>: the action in bold, why, from where, and the safety findings.</summary>
internal static class AdviceView
{
    public static void Write(Advice advice, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(advice);
        var console = ConsoleFactory.For(writer);
        var dose = advice.SuggestedDoseMg is { } mg ? string.Create(CultureInfo.InvariantCulture, $" ({mg:0.###} mg)") : string.Empty;
        var colour = advice.Action == AdviceActions.StopAndContactPrescriber ? "red" : "green";
        ConsoleText.Line(console, $"[bold {colour}]{Markup.Escape(advice.Action)}[/]{Markup.Escape(dose)}");
        ConsoleText.Line(console, Markup.Escape(advice.Reason));
        ConsoleText.Line(console, $"[dim]Source: {Markup.Escape(PublishedSource.Of(advice.Source))} (rule {Markup.Escape(advice.RuleId)})[/]");
        if (advice.Safety.Count > 0)
        {
            console.WriteLine();
            ConsoleText.Line(console, "[bold]Safety[/]");
            foreach (var f in advice.Safety)
            {
                var style = f.Severity == SafetySeverity.Warning ? "yellow" : "red";
                ConsoleText.Line(console, $"[{style}]{Markup.Escape(f.Severity.Name())}[/] {Markup.Escape(f.Message)}");
                ConsoleText.Line(console, $"  [dim]{Markup.Escape(f.Code)}: {Markup.Escape(PublishedSource.Of(f.Source))}[/]");
            }
        }

        console.WriteLine();
        ConsoleText.Line(console, $"[dim]{Markup.Escape(LdnApp.Notice)}[/]");
    }
}
