using Ldn.Cli.Output;
using Xunit;

namespace Ldn.Cli.Tests;

/// <summary>
/// Issue 13, item 1: five commands overwrote the journal when an output option named it, a device became a plain
/// file, a replaced export lost its 600 mode, a symbolic link became a plain file, and temp files of killed
/// commands stayed. Each kind is tried on every command that writes; the journal must survive every refusal.
/// </summary>
public sealed class OutputSafetyTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("ldn-out-").FullName;

    private string Journal => Path.Combine(_folder, "journal.db");

    public OutputSafetyTests()
    {
        var (code, _, stderr) = CliRunner.Run("journal", "demo", "--db", Journal);
        Assert.True(code == 0, stderr);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    public static TheoryData<string[]> CommandsAimedAtTheJournal => new()
    {
        { ["report", "--out", "{journal}", "--db", "{journal}"] },
        { ["report", "--out", "{folder}/r.html", "--pdf", "{journal}", "--db", "{journal}"] },
        { ["report", "--out", "{folder}/same.html", "--pdf", "{folder}/same.html", "--db", "{journal}"] },
        { ["journal", "export", "--json", "{journal}", "--db", "{journal}"] },
        { ["journal", "export", "--csv", "{journal}-wal", "--db", "{journal}"] },
        { ["journal", "export", "--fhir", "{link}", "--db", "{journal}"] },
        { ["journal", "export", "--json", "{folder}/x.json", "--csv", "{folder}/x.json", "--db", "{journal}"] },
        { ["journal", "plan", "--ics", "{journal}", "--db", "{journal}"] },
        { ["journal", "backup", "{link}", "--db", "{journal}"] },
    };

    [Theory]
    [MemberData(nameof(CommandsAimedAtTheJournal))]
    public void An_output_that_is_the_journal_or_another_file_of_the_command_is_refused_and_the_journal_survives(string[] template)
    {
        File.CreateSymbolicLink(Path.Combine(_folder, "link"), Journal);
        var before = File.ReadAllBytes(Journal);
        var (code, _, stderr) = CliRunner.Run([.. template.Select(Expand)]);
        Assert.Equal(2, code);
        Assert.Single(stderr.TrimEnd().Split('\n'));
        Assert.True(stderr.Contains("same file as", StringComparison.Ordinal) || stderr.Contains("already exists", StringComparison.Ordinal), stderr);
        Assert.Equal(before, File.ReadAllBytes(Journal));
        Assert.Equal(0, CliRunner.Run("journal", "show", "--db", Journal).ExitCode);
    }

    [Theory]
    [InlineData("/dev/null", "a device")]
    [InlineData("/dev/zero", "a device")]
    [InlineData("{folder}", "a folder")]
    [InlineData("{fifo}", "a pipe or socket")]
    public void An_output_that_is_not_a_regular_file_is_refused(string target, string kind)
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        MakeFifo();
        foreach (var args in new[]
        {
            new[] { "journal", "export", "--json", Expand(target), "--db", Journal },
            ["simulate", "--dose", "4.5mg", "--count", "3", "--csv", Expand(target)],
            ["plan", "--protocol", "standard", "--start", "2026-12-01", "--ics", Expand(target)],
        })
        {
            var (code, _, stderr) = CliRunner.Run(args);
            Assert.Equal(2, code);
            Assert.Contains(kind, stderr, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("/dev/zero", "a device")]
    [InlineData("/dev/urandom", "a device")]
    [InlineData("{folder}", "a folder")]
    [InlineData("{fifo}", "a pipe or socket")]
    [InlineData("{folder}/missing.json", "does not exist")]
    public void An_input_that_is_not_a_regular_file_is_refused_before_it_is_read(string source, string expected)
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        MakeFifo();

        foreach (var args in new[]
        {
            new[] { "journal", "import", "--json", Expand(source), "--db", Path.Combine(_folder, "new.db") },
            ["simulate", "--plan", Expand(source)],
            ["fit", "--structure", "A", "--data", Expand(source)],
            ["trial", "--design", Expand(source)],
            ["simulate", "--dose", "1mg", "--params", Expand(source)],
        })
        {
            var (code, _, stderr) = CliRunner.Run(args);
            Assert.True(code == 2, string.Join(' ', args) + ": " + stderr);
            Assert.Contains(expected, stderr, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_replaced_output_keeps_its_mode_and_a_link_stays_a_link()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        var export = Path.Combine(_folder, "export.json");
        Assert.Equal(0, CliRunner.Run("journal", "export", "--json", export, "--db", Journal).ExitCode);
        File.SetUnixFileMode(export, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        var link = Path.Combine(_folder, "latest.json");
        File.CreateSymbolicLink(link, export);
        File.WriteAllText(export, "old");

        Assert.Equal(0, CliRunner.Run("journal", "export", "--json", link, "--db", Journal).ExitCode);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(export));
        Assert.NotNull(new FileInfo(link).LinkTarget);
        Assert.StartsWith("{", File.ReadAllText(export), StringComparison.Ordinal);
    }

    [Fact]
    public void Temporary_files_of_a_process_that_is_gone_are_removed_and_a_live_ones_kept()
    {
        var stale = Path.Combine(_folder, ".report.html.ldn-2147483646.tmp");
        var live = Path.Combine(_folder, $".report.html.ldn-{Environment.ProcessId}.tmp");
        var unrelated = Path.Combine(_folder, ".notes.tmp");
        foreach (var f in new[] { stale, live, unrelated })
        {
            File.WriteAllText(f, "x");
        }

        SafeFile.Write(Path.Combine(_folder, "out.txt"), w => w.Write("ok"));
        Assert.False(File.Exists(stale));
        Assert.True(File.Exists(unrelated));
        Assert.Equal("ok", File.ReadAllText(Path.Combine(_folder, "out.txt")));
    }

    [Fact]
    public void A_full_disk_says_so_in_one_sentence()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        // /dev/full fails every write with ENOSPC, as a full disk does.
        var error = Assert.Throws<IOException>(() =>
        {
            using var full = new FileStream("/dev/full", FileMode.Open, FileAccess.Write);
            full.Write(new byte[4096]);
            full.Flush();
        });
        Assert.Equal("Cannot write 'x': the disk is full: nothing was written.", IoErrors.Describe(error, "Cannot write 'x'"));
    }

    private void MakeFifo()
    {
        using var mkfifo = System.Diagnostics.Process.Start("mkfifo", Path.Combine(_folder, "fifo"))!;
        mkfifo.WaitForExit();
        Assert.Equal(0, mkfifo.ExitCode);
    }

    private string Expand(string text) => text
        .Replace("{journal}", Journal, StringComparison.Ordinal)
        .Replace("{link}", Path.Combine(_folder, "link"), StringComparison.Ordinal)
        .Replace("{fifo}", Path.Combine(_folder, "fifo"), StringComparison.Ordinal)
        .Replace("{folder}", _folder, StringComparison.Ordinal);
}
