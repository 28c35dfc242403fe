using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Ldn.Core.Journal;
using Microsoft.Data.Sqlite;
using Xunit;

namespace Ldn.Storage.Tests;

/// <summary>SQLite under stress: writers at the same moment, and a writer killed mid-write.</summary>
public sealed class ReliabilityTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "ldn-storage-tests", Guid.NewGuid().ToString("N"));

    public ReliabilityTests() => Directory.CreateDirectory(_folder);

    private string DatabasePath => Path.Combine(_folder, "journal.db");

    [Fact]
    public void Writers_at_the_same_moment_all_land()
    {
        const int writers = 4;
        const int dosesEach = 40;
        using var start = new Barrier(writers);
        var errors = new ConcurrentBag<Exception>();
        var ids = new ConcurrentBag<long>();
        var threads = Enumerable.Range(0, writers).Select(w => new Thread(() =>
        {
            try
            {
                start.SignalAndWait();
                // Separate stores, opened at the same moment on a file that does not exist yet.
                using var store = JournalStores.Open(DatabasePath);
                for (var i = 0; i < dosesEach; i++)
                {
                    ids.Add(store.AddDose(Sample.Dose(w * 1000 + i, note: $"writer {w}")));
                    if (i % 10 == 0)
                    {
                        Assert.False(store.IsInitialized);   // a read between the writes
                    }
                }
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                errors.Add(e);
            }
        })).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());

        Assert.Empty(errors);
        using var check = JournalStores.Open(DatabasePath);
        check.Initialize(Sample.Profile);
        var doses = check.Load().Doses;
        Assert.Equal(writers * dosesEach, doses.Count);
        Assert.Equal(ids.Order(), doses.Select(d => d.Id).Order());
        Assert.Equal(Migrations.Latest, check.SchemaVersion);
    }

    [Fact]
    public void A_writer_killed_mid_write_leaves_every_committed_entry_and_a_sound_file()
    {
        using (var store = JournalStores.Open(DatabasePath))
        {
            store.Initialize(Sample.Profile);
        }

        var writer = Path.Combine(AppContext.BaseDirectory, "Ldn.Storage.Writer.dll");
        Assert.True(File.Exists(writer), $"{writer} is missing: the test project references tests/Ldn.Storage.Writer to build it.");
        var seed = Environment.TickCount;
        var random = new Random(seed);
        var committed = new ConcurrentDictionary<string, byte>();
        for (var round = 0; round < 12; round++)
        {
            var reported = KillWhileWriting(writer, TimeSpan.FromMilliseconds(random.Next(5, 300)));
            foreach (var line in reported)
            {
                committed.TryAdd(line, 0);
            }

            AssertSound();
        }

        using var after = JournalStores.Open(DatabasePath);
        var journal = after.Load();
        var present = journal.Doses.Select(d => $"dose {d.Id}").Concat(journal.CheckIns.Select(c => $"check-in {c.Id}")).ToHashSet();
        var missing = committed.Keys.Where(line => !present.Contains(line)).ToList();
        Assert.True(committed.Count > 12, $"the writer reported only {committed.Count} commits (seed {seed})");
        Assert.True(missing.Count == 0, $"reported as committed but missing (seed {seed}): {string.Join(", ", missing.Take(10))}");
        // And the journal still takes writes.
        after.AddDose(Sample.Dose(0));
    }

    [Fact]
    public void A_writer_killed_mid_edit_or_undo_leaves_the_journal_and_its_history_intact()
    {
        using (var store = JournalStores.Open(DatabasePath))
        {
            store.Initialize(Sample.Profile);
        }

        var writer = Path.Combine(AppContext.BaseDirectory, "Ldn.Storage.Writer.dll");
        var seed = Environment.TickCount;
        var random = new Random(seed);
        var reported = new List<string>();
        for (var round = 0; round < 8; round++)
        {
            reported.AddRange(KillWhileWriting(writer, TimeSpan.FromMilliseconds(random.Next(5, 300)), "corrections"));
            AssertSound();
            AssertHistoryConsistent(seed);
        }

        Assert.True(reported.Count > 8, $"the writer reported only {reported.Count} changes (seed {seed})");
        using var after = JournalStores.Open(DatabasePath);
        foreach (var line in reported)
        {
            // Every change reported as committed is there: the entry has reached at least that revision.
            var parts = line.Split(' ');
            var stored = after.Find(JournalEntryKinds.Parse(parts[0]), long.Parse(parts[1], CultureInfo.InvariantCulture));
            Assert.True(stored is not null && stored.Entry.Revision >= int.Parse(parts[2], CultureInfo.InvariantCulture), $"{line} is missing (seed {seed})");
        }
    }

    /// <summary>
    /// Each entry's revision is the number of its changes, its changes are revisions 1, 2, … in order, the last
    /// one's value is the entry as stored, and each undo reverses one earlier change that nothing else undid.
    /// </summary>
    private void AssertHistoryConsistent(int seed)
    {
        using var store = JournalStores.Open(DatabasePath);
        var history = store.History();
        var undone = history.Where(c => c.Undoes is not null).Select(c => c.Undoes!.Value).ToList();
        Assert.True(undone.Distinct().Count() == undone.Count, $"a change was undone twice (seed {seed})");
        Assert.All(undone, u => Assert.Contains(history, c => c.Sequence == u && c.Undoes is null));
        foreach (var changes in history.GroupBy(c => (c.Kind, c.EntryId)))
        {
            var stored = store.Find(changes.Key.Kind, changes.Key.EntryId);
            Assert.True(stored is not null, $"{changes.Key} has a history but no entry (seed {seed})");
            Assert.Equal(Enumerable.Range(1, changes.Count()), changes.Select(c => c.Revision));
            Assert.Equal(changes.Count(), stored.Entry.Revision);
            Assert.Equal(JournalEntryJson.Write(stored.Entry), changes.Last().After);
            Assert.Equal(stored.Deleted, changes.Last().Change == JournalChangeType.Delete);
        }
    }

    /// <summary>Starts the writer, lets it write for <paramref name="writing"/> after its first commit, SIGKILLs it, and returns the commits it reported.</summary>
    private List<string> KillWhileWriting(string writer, TimeSpan writing, string mode = "adds")
    {
        var lines = new ConcurrentQueue<string>();
        using var firstCommit = new ManualResetEventSlim();
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(writer);
        start.ArgumentList.Add(DatabasePath);
        start.ArgumentList.Add(mode);
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is { } line && line != "ready")
            {
                lines.Enqueue(line);
                firstCommit.Set();
            }
        };
        var errors = new ConcurrentQueue<string>();
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is { } line)
            {
                errors.Enqueue(line);
            }
        };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var started = firstCommit.Wait(TimeSpan.FromSeconds(60));
        if (started)
        {
            Thread.Sleep(writing);
        }

        process.Kill(entireProcessTree: false);   // SIGKILL: no finally blocks, no disposal
        process.WaitForExit();
        Assert.True(started, $"the writer committed nothing within 60 s: {string.Join(" | ", errors)}");
        return [.. lines];
    }

    private void AssertSound()
    {
        using var connection = new SqliteConnection($"Data Source={DatabasePath};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA integrity_check";
        Assert.Equal("ok", Convert.ToString(command.ExecuteScalar(), CultureInfo.InvariantCulture));
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A scratch folder left in /tmp is harmless.
        }
    }
}
