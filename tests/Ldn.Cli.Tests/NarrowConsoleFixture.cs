namespace Ldn.Cli.Tests;

/// <summary>
/// A folder for <see cref="NarrowConsoleTests"/>: a small demo journal (60 days, seeded, Europe/Oslo) made by
/// <c>ldn journal demo</c>, and an advise state file, so every journal command and <c>advise</c> have something to print.
/// </summary>
public sealed class NarrowConsoleFixture : IDisposable
{
    public NarrowConsoleFixture()
    {
        Folder = Directory.CreateTempSubdirectory("ldn-narrow-").FullName;
        Journal = Path.Combine(Folder, "j.db");
        var (code, _, stderr) = CliRunner.Run("journal", "demo", "--db", Journal, "--days", "60", "--tz", "Europe/Oslo");
        if (code != 0)
        {
            throw new InvalidOperationException(stderr);
        }

        State = Path.Combine(Folder, "state.yaml");
        File.WriteAllText(State, AdviseCommandTests.Sleepless);
    }

    /// <summary>The folder holding the journal, the state file and any report written.</summary>
    public string Folder { get; }

    /// <summary>The demo journal (SQLite file).</summary>
    public string Journal { get; }

    /// <summary>An advise state file: 3 mg, vivid dreams, thyroid replacement.</summary>
    public string State { get; }

    /// <summary>The arguments with {db}, {state} and {dir} replaced by this fixture's paths.</summary>
    public string[] Resolve(string invocation) =>
        invocation.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(a => a.Replace("{db}", Journal, StringComparison.Ordinal).Replace("{state}", State, StringComparison.Ordinal).Replace("{dir}", Folder, StringComparison.Ordinal))
            .ToArray();

    public void Dispose() => Directory.Delete(Folder, recursive: true);
}
