using System.Text.Json;
using Ldn.Tests.Shared;
using Xunit;

namespace Ldn.Cli.Tests;

/// <summary>
/// Issue 13: a full disk ended in "Internal error … please report it". On a real full file system (a 400 KB tmpfs,
/// which needs root: CI runs as root, so this runs there) every writing command must refuse in one sentence with
/// exit 2, and the journal must be intact once space is back.
/// </summary>
public sealed class FullDiskTests
{
    [Fact]
    public void A_full_disk_is_exit_2_in_one_sentence_and_the_journal_survives()
    {
        var mountPoint = Directory.CreateTempSubdirectory("ldn-full-").FullName;
        if (!SmallDisk.Mount(mountPoint, "400k"))
        {
            Directory.Delete(mountPoint);
            return; // Not root: mounting a small file system is the only honest way to fill one.
        }

        try
        {
            var journal = Path.Combine(mountPoint, "journal.db");
            Assert.Equal(0, CliRunner.Run("journal", "demo", "--db", journal).ExitCode);
            var before = Doses(journal);
            SmallDisk.Fill(mountPoint);

            foreach (var args in new[]
            {
                new[] { "journal", "dose", "1.5mg", "--yes", "--db", journal },
                ["journal", "export", "--json", Path.Combine(mountPoint, "export.json"), "--db", journal],
                ["plan", "--protocol", "standard", "--start", "2026-12-01", "--ics", Path.Combine(mountPoint, "plan.ics")],
                ["simulate", "--dose", "4.5mg", "--count", "3", "--csv", Path.Combine(mountPoint, "series.csv")],
            })
            {
                var (code, _, stderr) = CliRunner.Run(args);
                Assert.True(code == 2, $"{string.Join(' ', args)}: exit {code}: {stderr}");
                Assert.Single(stderr.TrimEnd().Split('\n'));
                Assert.Contains("full", stderr, StringComparison.Ordinal);
                Assert.DoesNotContain("Internal error", stderr, StringComparison.Ordinal);
            }

            File.Delete(Path.Combine(mountPoint, "filler"));
            Assert.Equal(before, Doses(journal));
            Assert.False(File.Exists(Path.Combine(mountPoint, "plan.ics")));
            Assert.Empty(Directory.EnumerateFiles(mountPoint, "*.tmp"));
        }
        finally
        {
            SmallDisk.Unmount(mountPoint);
            Directory.Delete(mountPoint, recursive: true);
        }
    }

    private static int Doses(string journal)
    {
        var (code, stdout, stderr) = CliRunner.Run("journal", "show", "--json", "--db", journal);
        Assert.True(code == 0, stderr);
        using var doc = JsonDocument.Parse(stdout);
        return doc.RootElement.GetProperty("doses").GetArrayLength();
    }
}
