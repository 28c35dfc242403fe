using Ldn.Cli.Commands.Journal;

namespace Ldn.Cli.Tests.Corpus;

/// <summary>
/// Runs a corpus case in-process at the corpus's fixed "now", its placeholders filled with fresh files, and with
/// a watchdog: a case that blocks (a FIFO opened before it is checked) or spins fails instead of hanging the run.
/// </summary>
internal static class CorpusRunner
{
    private static readonly TimeSpan Watchdog = TimeSpan.FromSeconds(60);
    private static int _next;

    /// <summary>
    /// Where each case gets its folder (its journal copy and outputs): in memory (/dev/shm) where there is one, since a
    /// journal case's time is mostly the disk syncs of SQLite; each folder is removed when its case ends.
    /// </summary>
    private static readonly Lazy<string> CaseRoot = new(() =>
    {
        var root = Directory.Exists("/dev/shm")
            ? Directory.CreateDirectory(Path.Combine("/dev/shm", $"ldn-corpus-{Environment.ProcessId}")).FullName
            : Directory.CreateDirectory(Path.Combine(CorpusWorkspace.Path, "cases")).FullName;
        AppDomain.CurrentDomain.ProcessExit += (_, _) => CorpusWorkspace.RemoveTree(root);
        return root;
    });

    public static (int ExitCode, string Stdout, string Stderr) Run(CorpusCase corpusCase)
    {
        ArgumentNullException.ThrowIfNull(corpusCase);
        var ws = CorpusWorkspace.Path;
        var folder = Directory.CreateDirectory(Path.Combine(CaseRoot.Value, Interlocked.Increment(ref _next).ToString(System.Globalization.CultureInfo.InvariantCulture))).FullName;
        try
        {
            var journal = Path.Combine(folder, "journal.db");
            if (corpusCase.Args.Any(a => a.Contains("{journal}", StringComparison.Ordinal)))
            {
                File.Copy(CorpusWorkspace.TemplateJournal, journal);
            }

            var args = corpusCase.Args.Select(a => a
                .Replace("{journal}", journal, StringComparison.Ordinal)
                .Replace("{newjournal}", Path.Combine(folder, "new.db"), StringComparison.Ordinal)
                .Replace("{ws}", ws, StringComparison.Ordinal)
                .Replace("{out}", folder, StringComparison.Ordinal)).ToArray();
            foreach (var existing in args.Where(a => a.StartsWith(Path.Combine(folder, "big."), StringComparison.Ordinal)))
            {
                // An existing 50 MB output that the command replaces (sparse: no 50 MB written per case).
                using var big = File.Create(existing);
                big.SetLength(50L << 20);
            }

            var run = Task.Run(() =>
            {
                using var clock = JournalContext.UseClock(CorpusWorkspace.Now);
                return CliRunner.Run(args);
            });
            return run.Wait(Watchdog) ? run.Result : (-1, "", $"still running after {Watchdog.TotalSeconds} s");
        }
        finally
        {
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
                // A case that is still running holds its folder; the workspace goes with the temp folder.
            }
        }
    }
}
