using System.CommandLine;
using Ldn.Cli.Output;
using Ldn.Core.Advice;
using Ldn.Core.Journal;
using NodaTime;

namespace Ldn.Cli.Commands.Journal;

/// <summary>Reading the journal: <c>show</c> and <c>advise</c>.</summary>
internal static class JournalReadCommands
{
    /// <summary>Without --from, the table shows the last four weeks (JSON shows everything).</summary>
    public const int DefaultTableDays = 28;

    public static Command Show(TextWriter stdout)
    {
        var from = new Option<string?>("--from") { Description = "First day shown, yyyy-MM-dd (default: everything for --json, four weeks for the table)." };
        var to = new Option<string?>("--to") { Description = "Last day shown, yyyy-MM-dd (default: today)." };
        var json = new Option<bool>("--json") { Description = "Print one JSON document (doses, checkIns, sideEffects, events, and the profile, plan and medications)." };
        var command = new Command("show", "Show the journal's entries.") { from, to, json };
        command.SetAction(parse =>
        {
            var (store, journal) = JournalContext.OpenService(parse);
            using (store)
            {
                var (now, zone) = (journal.Now, journal.HomeZone);
                var asJson = parse.GetValue(json);
                LocalDate? first = parse.GetValue(from) is { } f ? JournalTime.ParseDate(f, zone, now) : asJson ? null : journal.Today.PlusDays(1 - DefaultTableDays);
                LocalDate? last = parse.GetValue(to) is { } t ? JournalTime.ParseDate(t, zone, now) : null;
                if (first > last)
                {
                    throw new Ldn.Core.InvalidInputException($"--from {first:uuuu-MM-dd} is after --to {last:uuuu-MM-dd}.");
                }

                var data = journal.LoadDays(first, last);
                if (asJson)
                {
                    JournalJson.Write(JournalDocument.From(data, journal.Today), stdout);
                }
                else
                {
                    JournalView.Write(data, journal, first, last, stdout);
                }
            }

            return LdnApp.Success;
        });
        return command;
    }

    public static Command Analyse(TextWriter stdout)
    {
        var today = new Option<string?>("--today") { Description = "The day to analyse up to, yyyy-MM-dd (default today)." };
        var json = new Option<bool>("--json") { Description = "Print one JSON document (the default for this command; the report shows the same as tables)." };
        var command = new Command("analyse", "The analysis behind the report as JSON: baseline against each dose and the latest four weeks, adherence, side-effect incidence, model hypotheses.") { today, json };
        command.Aliases.Add("analyze");
        command.SetAction(parse =>
        {
            var (store, journal) = JournalContext.OpenService(parse);
            using (store)
            {
                var day = parse.GetValue(today) is { } t ? JournalTime.ParseDate(t, journal.HomeZone, journal.Now) : journal.Today;
                Ldn.Core.Journal.Analysis.AnalysisDocument.Write(Ldn.Core.Journal.Analysis.JournalAnalyzer.Analyze(journal.LoadUpTo(day), day, null, journal.Now), stdout);
            }

            return LdnApp.Success;
        });
        return command;
    }

    public static Command Advise(TextWriter stdout)
    {
        var today = new Option<string?>("--today") { Description = "The day to advise for, yyyy-MM-dd (default today)." };
        var json = new Option<bool>("--json") { Description = "Print one JSON document: action, reason, source, ruleId, suggestedDoseMg, safety." };
        var command = new Command("advise", "Feed the journal's current state to the adjustment rules and print the action and why.") { today, json };
        command.SetAction(parse =>
        {
            var (store, journal) = JournalContext.OpenService(parse);
            using (store)
            {
                var day = parse.GetValue(today) is { } t ? JournalTime.ParseDate(t, journal.HomeZone, journal.Now) : journal.Today;
                var (advice, data) = journal.Advise(day);
                if (parse.GetValue(json))
                {
                    AdviceJson.Write(advice, stdout);
                }
                else
                {
                    AdviceView.Write(advice, stdout);
                    if (data.Plan is null)
                    {
                        ConsoleText.Line(stdout, "No plan is set, so the rules cannot advance the dose; set one with 'ldn journal plan set FILE'.");
                    }
                }
            }

            return LdnApp.Success;
        });
        return command;
    }
}
