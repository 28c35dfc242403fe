using System.Diagnostics;
using System.Text.Json;
using Xunit;

namespace Ldn.Cli.Tests;

/// <summary>
/// Item 9 of issue 10, "text is text": a value starting with '@' is stored as typed and never read as a
/// response file of further arguments, whether or not a file of that name exists.
/// </summary>
public sealed class ArgumentTextTests : IDisposable
{
    private const string Note = "@pharmacy: new batch";

    private readonly DirectoryInfo folder = Directory.CreateTempSubdirectory("ldn-at-text-");

    public ArgumentTextTests()
    {
        // Files a response-file reader would pick up for "@pharmacy: new batch" and "@args.rsp": their
        // lines are options that would change what is stored.
        foreach (var name in new[] { "pharmacy:", "pharmacy: new batch", "args.rsp" })
        {
            File.WriteAllText(Path.Combine(folder.FullName, name), "--skipped\n--note\ninjected\n");
        }
    }

    public void Dispose() => folder.Delete(recursive: true);

    private string Db => Path.Combine(folder.FullName, "j.db");

    [Fact]
    public void A_note_starting_with_at_is_stored_as_typed()
    {
        Assert.Equal(0, CliRunner.Run("journal", "init", "--tz", "UTC", "--db", Db).ExitCode);
        var (code, _, stderr) = CliRunner.Run("journal", "dose", "4.5mg", "--note", Note, "--db", Db);
        Assert.True(code == 0, stderr);
        var dose = Assert.Single(Show(CliRunner.Run("journal", "show", "--json", "--db", Db).Stdout, "doses"));
        Assert.Equal(Note, dose.GetProperty("note").GetString());
        Assert.False(dose.GetProperty("skipped").GetBoolean());
    }

    [Fact]
    public void A_value_naming_an_existing_file_after_the_at_is_not_expanded()
    {
        var file = "@" + Path.Combine(folder.FullName, "args.rsp");
        Assert.Equal(0, CliRunner.Run("journal", "init", "--tz", "UTC", "--db", Db).ExitCode);
        Assert.Equal(0, CliRunner.Run("journal", "dose", "4.5mg", "--note", file, "--db", Db).ExitCode);
        Assert.Equal(0, CliRunner.Run("journal", "medication", "add", file, "--db", Db).ExitCode);
        var json = CliRunner.Run("journal", "show", "--json", "--db", Db).Stdout;
        var dose = Assert.Single(Show(json, "doses"));
        Assert.Equal((file, false), (dose.GetProperty("note").GetString(), dose.GetProperty("skipped").GetBoolean()));
        Assert.Equal(file, Assert.Single(Show(json, "medications")).GetProperty("name").GetString());

        // Another command: the '@' value is its condition name, refused as one, not a missing response file.
        var (code, _, stderr) = CliRunner.Run("evidence", "@no-such-file");
        Assert.Equal(2, code);
        Assert.Contains("@no-such-file", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("Response file", stderr, StringComparison.Ordinal);
    }

    /// <summary>The built ldn run as its own process in the folder that holds files named "pharmacy:" and "args.rsp".</summary>
    [Fact]
    public void The_real_command_in_a_folder_with_files_of_those_names_stores_them_as_typed()
    {
        Assert.Equal(0, Ldn("journal", "init", "--tz", "UTC", "--db", "j.db").ExitCode);
        var dose = Ldn("journal", "dose", "4.5mg", "--note", Note, "--db", "j.db");
        Assert.True(dose.ExitCode == 0, dose.Stderr);
        var medication = Ldn("journal", "medication", "add", "@args.rsp", "--db", "j.db");
        Assert.True(medication.ExitCode == 0, medication.Stderr);

        var json = Ldn("journal", "show", "--json", "--db", "j.db").Stdout;
        var stored = Assert.Single(Show(json, "doses"));
        Assert.Equal((Note, false), (stored.GetProperty("note").GetString(), stored.GetProperty("skipped").GetBoolean()));
        Assert.Equal("@args.rsp", Assert.Single(Show(json, "medications")).GetProperty("name").GetString());
    }

    private static List<JsonElement> Show(string json, string list)
    {
        using var document = JsonDocument.Parse(json);
        return [.. document.RootElement.GetProperty(list).EnumerateArray().Select(e => e.Clone())];
    }

    private (int ExitCode, string Stdout, string Stderr) Ldn(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = folder.FullName };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "ldn.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        Assert.True(process.WaitForExit(60_000), "ldn did not finish within 60 s");
        return (process.ExitCode, stdout.Result, stderr.Result);
    }
}
