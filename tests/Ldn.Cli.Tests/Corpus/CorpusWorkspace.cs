using System.Diagnostics;
using System.Text;
using Ldn.Cli.Commands.Journal;
using NodaTime;

namespace Ldn.Cli.Tests.Corpus;

/// <summary>
/// The corpus's files, made once per test run: the template journal (a dose, a check-in, a side effect, two events
/// of which one deleted, a medication and a plan), samples of valid input for every file option, and the nonsense
/// files (empty, folder, device links, FIFO, 50 MB, binary, invalid UTF-8, BOM, 10,000-deep JSON, symlink loop).
/// </summary>
internal static class CorpusWorkspace
{
    /// <summary>The corpus's "now": every journal case runs at this instant.</summary>
    public static readonly Instant Now = Instant.FromUtc(2026, 12, 2, 12, 0);

    private static readonly Lazy<string> Folder = new(Create);

    public static string Path => Folder.Value;

    /// <summary>The template journal that <c>{journal}</c> copies.</summary>
    public static string TemplateJournal => System.IO.Path.Combine(Path, "template.db");

    private static string Create()
    {
        var ws = Directory.CreateTempSubdirectory("ldn-corpus-").FullName;
        // 50 MB and a journal per run: removed when the test process ends, so CI machines do not fill up.
        AppDomain.CurrentDomain.ProcessExit += (_, _) => RemoveTree(ws);
        var data = RepositoryData();
        File.Copy(System.IO.Path.Combine(data, "parameters", "naltrexone.yaml"), System.IO.Path.Combine(ws, "params.yaml"));
        File.Copy(System.IO.Path.Combine(data, "conditions", "generic.yaml"), System.IO.Path.Combine(ws, "condition.yaml"));
        File.Copy(System.IO.Path.Combine(data, "observations", "pk-50mg.yaml"), System.IO.Path.Combine(ws, "observations.yaml"));
        File.Copy(System.IO.Path.Combine(data, "protocols", "standard.yaml"), System.IO.Path.Combine(ws, "protocol.yaml"));
        File.Copy(System.IO.Path.Combine(data, "trials", "younger-2013.yaml"), System.IO.Path.Combine(ws, "trial.yaml"));
        File.WriteAllText(System.IO.Path.Combine(ws, "state.json"), """{"currentDoseMg": "1.5mg", "daysOnStep": 20, "nextDoseMg": 3, "today": "2026-12-05"}""");
        var plan = Run("plan", "--protocol", "standard", "--start", "2026-12-01", "--tz", "Europe/Oslo", "--json");
        File.WriteAllText(System.IO.Path.Combine(ws, "plan.json"), plan);
        MakeJournals(ws);
        MakeNonsense(ws);
        return ws;
    }

    private static void MakeJournals(string ws)
    {
        using var clock = JournalContext.UseClock(Now);
        var build = System.IO.Path.Combine(ws, "build.db");
        // With a name: the FHIR export of a nameless journal has an empty Patient, which its own import refuses (reported, not fixed here).
        Run("journal", "init", "--name", "Corpus", "--tz", "Europe/Oslo", "--plan", System.IO.Path.Combine(ws, "plan.json"), "--db", build);
        Run("journal", "dose", "1.5mg", "--at", "2026-12-01 22:00", "--yes", "--db", build);
        Run("journal", "check-in", "--pain", "5", "--fatigue", "4", "--at", "2026-12-02 08:00", "--db", build);
        // FHIR import takes doses and observations; the sample is exported before the other kinds are added.
        var fhir = System.IO.Path.Combine(ws, "journal.fhir.json");
        Run("journal", "export", "--fhir", fhir, "--db", build);
        // Import takes the medication history and observations; the export's Medication and Condition resources are left out, as in JournalCommandTests.
        var bundle = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(fhir))!;
        var entries = bundle["entry"]!.AsArray();
        foreach (var entry in entries.Where(e => (string?)e!["resource"]!["resourceType"] is "AdverseEvent" or "Condition" or "Medication").ToList())
        {
            entries.Remove(entry);
        }

        File.WriteAllText(fhir, bundle.ToJsonString());
        Run("journal", "side-effect", "insomnia", "--from", "2026-12-01 23:00", "--yes", "--db", build);
        Run("journal", "event", "infection", "--at", "2026-12-02 09:00", "--db", build);
        Run("journal", "event", "other", "--at", "2026-12-02 09:30", "--note", "to restore", "--db", build);
        Run("journal", "delete", "event", "2", "--db", build);
        Run("journal", "medication", "add", "levothyroxine", "--since", "2026-11-01 08:00", "--db", build);
        Run("journal", "export", "--json", System.IO.Path.Combine(ws, "journal.json"), "--csv", System.IO.Path.Combine(ws, "journal.csv"), "--db", build);
        // A backup is one consistent file (no -wal beside it), so a plain copy of it is a whole journal.
        Run("journal", "backup", TemplateJournalIn(ws), "--db", build);
    }

    private static string TemplateJournalIn(string ws) => System.IO.Path.Combine(ws, "template.db");

    private static void MakeNonsense(string ws)
    {
        var samples = new[] { "plan.json", "params.yaml", "condition.yaml", "observations.yaml", "protocol.yaml", "trial.yaml", "state.json", "journal.json", "journal.csv", "journal.fhir.json" };
        var unicode = Directory.CreateDirectory(System.IO.Path.Combine(ws, "ünï\ncode 漢字")).FullName;
        foreach (var sample in samples)
        {
            var content = File.ReadAllBytes(System.IO.Path.Combine(ws, sample));
            File.WriteAllBytes(System.IO.Path.Combine(ws, "bom-" + sample), [0xEF, 0xBB, 0xBF, .. content]);
            File.WriteAllBytes(System.IO.Path.Combine(unicode, sample), content);
            var middle = content.Length / 2;
            File.WriteAllBytes(System.IO.Path.Combine(ws, "invalid-utf8-" + sample), [.. content[..middle], 0xC3, 0x28, 0xFF, .. content[middle..]]);
        }

        // 50 MiB of text, more than any input limit (the largest, imports, is 50,000,000 bytes): written once, hard-linked per extension.
        var big = System.IO.Path.Combine(ws, "big.json");
        using (var stream = File.Create(big))
        {
            var line = Encoding.ASCII.GetBytes(new string('a', 1023) + "\n");
            for (var i = 0; i < (50 * 1024) + 1; i++)
            {
                stream.Write(line);
            }
        }

        foreach (var ext in new[] { ".json", ".yaml", ".csv", ".html", ".ics", ".db", ".pdf" })
        {
            if (ext != ".json")
            {
                Tool("ln", big, System.IO.Path.Combine(ws, "big" + ext));
            }

            File.WriteAllBytes(System.IO.Path.Combine(ws, "empty" + ext), []);
            Directory.CreateDirectory(System.IO.Path.Combine(ws, "folder" + ext));
            File.CreateSymbolicLink(System.IO.Path.Combine(ws, "dev-zero" + ext), "/dev/zero");
            File.CreateSymbolicLink(System.IO.Path.Combine(ws, "dev-null" + ext), "/dev/null");
            Tool("mkfifo", System.IO.Path.Combine(ws, "fifo" + ext));
            var garbage = new byte[4096];
            new Random(13).NextBytes(garbage);
            File.WriteAllBytes(System.IO.Path.Combine(ws, "binary" + ext), garbage);
            File.WriteAllText(System.IO.Path.Combine(ws, "deep" + ext), new string('[', 10_000) + new string(']', 10_000));
            File.CreateSymbolicLink(System.IO.Path.Combine(ws, "loop" + ext), System.IO.Path.Combine(ws, "loop-back" + ext));
            File.CreateSymbolicLink(System.IO.Path.Combine(ws, "loop-back" + ext), System.IO.Path.Combine(ws, "loop" + ext));
        }
    }

    /// <summary>Removes <paramref name="folder"/> and what is in it (links and FIFOs as themselves, never their targets); a failure leaves it to the temp folder's cleaning.</summary>
    internal static void RemoveTree(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Left for the system's temp cleaning.
        }
    }

    private static void Tool(string name, params string[] args)
    {
        using var tool = Process.Start(name, args) ?? throw new InvalidOperationException($"{name} did not start.");
        tool.WaitForExit();
        if (tool.ExitCode != 0)
        {
            throw new InvalidOperationException($"{name} {string.Join(' ', args)} failed.");
        }
    }

    private static string Run(params string[] args)
    {
        var (code, stdout, stderr) = CliRunner.Run(args);
        return code == 0 ? stdout : throw new InvalidOperationException($"Setting up the corpus: 'ldn {string.Join(' ', args)}' exited {code}: {stderr}");
    }

    /// <summary>The repository's data/ folder, found upwards from the test binaries.</summary>
    private static string RepositoryData()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var data = System.IO.Path.Combine(dir.FullName, "data", "parameters", "naltrexone.yaml");
            if (File.Exists(data))
            {
                return System.IO.Path.Combine(dir.FullName, "data");
            }
        }

        throw new InvalidOperationException("The repository's data/ folder was not found above " + AppContext.BaseDirectory);
    }
}
