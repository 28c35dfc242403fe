using System.CommandLine;

namespace Ldn.Cli.Commands.Journal;

/// <summary>
/// <c>ldn journal</c>: the treatment journal — doses, check-ins, side effects, events and medications,
/// stored in SQLite by default or PostgreSQL (<c>--db</c>), with show, advise, export/import and backup.
/// Every subcommand is one transaction in the store.
/// </summary>
internal static class JournalCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var command = new Command("journal", "Keep a treatment journal: doses, check-ins, side effects, events and medications (SQLite by default, or PostgreSQL).")
        {
            JournalSetupCommands.Init(stdout, stderr),
            JournalSetupCommands.Demo(stdout),
            JournalSetupCommands.Plan(stdout),
            JournalSetupCommands.Medication(stdout, stderr),
            JournalSetupCommands.Scale(stdout),
            JournalEntryCommands.Dose(stdout, stderr),
            JournalEntryCommands.CheckIn(stdout),
            JournalEntryCommands.SideEffect(stdout, stderr),
            JournalEntryCommands.Event(stdout),
            JournalCorrectionCommands.Edit(stdout, stderr),
            JournalCorrectionCommands.Delete(stdout),
            JournalCorrectionCommands.Restore(stdout),
            JournalCorrectionCommands.Undo(stdout),
            JournalCorrectionCommands.History(stdout),
            JournalReadCommands.Show(stdout),
            JournalReadCommands.Advise(stdout),
            JournalReadCommands.Analyse(stdout),
            JournalTransferCommands.Export(stdout),
            JournalTransferCommands.Import(stdout),
            JournalTransferCommands.Backup(stdout),
        };
        command.Options.Add(JournalContext.Db);
        return command;
    }
}
