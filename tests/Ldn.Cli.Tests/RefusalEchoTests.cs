using Xunit;

namespace Ldn.Cli.Tests;

/// <summary>
/// A refusal repeats nothing private (found by a new user's trial, issue 13): a file of the wrong format given to
/// an import once put the whole file — every dose, note and medication — into the one-line error, and a
/// connection string without <c>Host=</c> became a SQLite file named after it, password and all.
/// </summary>
public sealed class RefusalEchoTests : IDisposable
{
    private const string Secret = "SECRET-NOTE-7f3a";

    private readonly DirectoryInfo folder = Directory.CreateTempSubdirectory("ldn-echo-");

    [Theory]
    [InlineData("--json", "export.csv")]
    [InlineData("--json", "page.html")]
    [InlineData("--csv", "export.json")]
    [InlineData("--fhir", "export.csv")]
    public void An_import_of_the_wrong_format_says_so_without_repeating_the_file(string option, string file)
    {
        var db = Path.Combine(folder.FullName, "j.db");
        Run("journal", "init", "--db", db, "--tz", "Europe/Oslo");
        for (var i = 0; i < 20; i++)
        {
            Run("journal", "dose", "4.5mg", "--at", $"2026-11-{i + 1:00} 22:00", "--db", db, "--yes");
        }

        Run("journal", "side-effect", "insomnia", "--from", "2026-11-02 23:00", "--note", $"{Secret}, it's the patient's note", "--db", db);
        Run("journal", "export", "--csv", Path.Combine(folder.FullName, "export.csv"), "--db", db);
        Run("journal", "export", "--json", Path.Combine(folder.FullName, "export.json"), "--db", db);
        File.WriteAllText(Path.Combine(folder.FullName, "page.html"), $"<!doctype html><html><body><p>{Secret} '{new string('x', 2_000)}' it's</p></body></html>");

        var (code, _, stderr) = CliRunner.Run("journal", "import", option, Path.Combine(folder.FullName, file), "--db", Path.Combine(folder.FullName, "new.db"));

        Assert.Equal(2, code);
        Assert.DoesNotContain(Secret, stderr, StringComparison.Ordinal);
        Assert.Single(stderr.Trim().Split('\n'));
        Assert.InRange(stderr.Trim().Length, 20, 300);
        Assert.False(File.Exists(Path.Combine(folder.FullName, "new.db")), "a refused import leaves no journal");
    }

    [Theory]
    [InlineData("Password=SECRET")]
    [InlineData("Username=u;Password=SECRET;Database=db")]
    [InlineData("database=ldn; pwd=SECRET")]
    public void A_connection_string_without_a_host_is_refused_without_its_password_and_creates_no_file(string db)
    {
        var before = Directory.GetFileSystemEntries(Directory.GetCurrentDirectory()).ToHashSet();

        var (code, _, stderr) = CliRunner.Run("journal", "show", "--db", db);

        Assert.Equal(2, code);
        Assert.DoesNotContain("SECRET", stderr, StringComparison.Ordinal);
        Assert.Contains("no Host=", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain(Directory.GetFileSystemEntries(Directory.GetCurrentDirectory()), e => !before.Contains(e) && e.Contains("SECRET", StringComparison.Ordinal));
    }

    public void Dispose() => folder.Delete(recursive: true);

    private static void Run(params string[] args)
    {
        var (code, stdout, stderr) = CliRunner.Run(args);
        Assert.True(code == 0, $"ldn {string.Join(' ', args)} failed ({code}): {stderr}{stdout}");
    }
}
