using System.CommandLine;
using System.CommandLine.Help;
using Ldn.Cli.Commands;
using Ldn.Core;

namespace Ldn.Cli;

/// <summary>
/// The <c>ldn</c> command. Exit codes are part of the contract: 0 success, 2 bad input (one sentence on
/// stderr), 1 internal failure. Taking the writers as parameters lets tests run it in-process. Every
/// argument is taken as typed: a value starting with '@' is never read as a response file.
/// </summary>
public static class LdnApp
{
    public const int Success = 0;
    public const int InternalError = 1;
    public const int BadInput = 2;

    public const string Notice = Disclaimer.NotMedicalAdvice;

    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        var root = Root(stdout, stderr);

        // Help piped or captured has no terminal width: without this System.CommandLine writes each description on
        // one unbounded line. It wraps at spaces, so at COLUMNS no word is split (issue 13, item 7).
        if (stdout != Console.Out || Console.IsOutputRedirected)
        {
            foreach (var help in root.Options.OfType<HelpOption>())
            {
                if (help.Action is HelpAction action)
                {
                    action.MaxWidth = Output.ConsoleFactory.PipedWidth(Environment.GetEnvironmentVariable("COLUMNS"));
                }
            }
        }

        // Text is text: System.CommandLine would otherwise read any token starting with '@' as a response
        // file of further arguments, so a note "@pharmacy: new batch" would fail ("Response file not
        // found") or, with such a file present, splice its lines in as options. Nothing in ldn uses them.
        var parse = root.Parse(args, new ParserConfiguration { ResponseFileTokenReplacer = null });
        if (parse.Errors.Count > 0)
        {
            // The most specific error first: "Unrecognized command 'x'" says more than "command required".
            var error = parse.Errors.FirstOrDefault(e => e.Message.StartsWith("Unrecognized", StringComparison.Ordinal)) ?? parse.Errors[0];
            stderr.WriteLine(ErrorTranslator.Translate(error));
            return BadInput;
        }

        try
        {
            return parse.Invoke(new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false });
        }
#pragma warning disable CA1031 // The top level must turn any failure into one line and an exit code, never a stack trace.
        catch (Exception e)
#pragma warning restore CA1031
        {
            var (sentence, code) = ErrorTranslator.Translate(e);
            stderr.WriteLine(sentence);
            return code;
        }
    }

    /// <summary>The whole command tree, writing to <paramref name="stdout"/> and <paramref name="stderr"/> (the bad-input corpus walks it to reach every option).</summary>
    internal static RootCommand Root(TextWriter stdout, TextWriter stderr)
    {
        return new RootCommand("LDN Workbench: simulate, plan and track low-dose naltrexone (research tool, not medical advice).")
        {
            SimulateCommand.Create(stdout, stderr),
            DoseResponseCommand.Create(stdout, stderr),
            TrialCommand.Create(stdout, stderr),
            PopulationCommand.Create(stdout, stderr),
            ValidateCommand.Create(stdout, stderr),
            FitCommand.Create(stdout, stderr),
            PlanCommand.Create(stdout, stderr),
            AdviseCommand.Create(stdout, stderr),
            CompoundCommand.Create(stdout, stderr),
            EvidenceCommand.Create(stdout, stderr),
            Commands.Journal.JournalCommand.Create(stdout, stderr),
            ReportCommand.Create(stdout, stderr),
        };
    }
}
