using Microsoft.Data.Sqlite;
using Xunit;

namespace Ldn.Cli.Tests;

/// <summary>
/// Issue 13, item 4: whatever an older version or a hand edit put in the journal, `show`, exports, `analyse` and
/// `report` either work or name the entry to fix, and `ldn journal delete` fixes it. Each bad value is written
/// straight into the SQLite file, as an older version would have left it.
/// </summary>
public sealed class JournalRepairTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("ldn-repair-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Theory]
    [InlineData("UPDATE doses SET at_utc_ms = 253402300799000 WHERE id = 2", "dose 2")]
    [InlineData("UPDATE doses SET at_utc_ms = -9223372036854775808 WHERE id = 2", "dose 2")]
    [InlineData("UPDATE doses SET dose_mg = 'abc' WHERE id = 3", "dose 3")]
    [InlineData("UPDATE doses SET formulation = 'gummy' WHERE id = 4", "dose 4")]
    [InlineData("UPDATE check_ins SET time_zone = 'Mars/Base' WHERE id = 5", "check-in 5")]
    [InlineData("UPDATE check_ins SET other_scores = '{not json' WHERE id = 6", "check-in 6")]
    [InlineData("UPDATE side_effects SET severity = 'apocalyptic' WHERE id = 1", "side-effect 1")]
    [InlineData("UPDATE events SET kind = 'alien' WHERE id = 1", "event 1")]
    public void A_value_this_version_cannot_read_is_named_and_deleting_it_repairs_the_journal(string sql, string entry)
    {
        var journal = Path.Combine(_folder, "j.db");
        Assert.Equal(0, CliRunner.Run("journal", "demo", "--db", journal).ExitCode);
        using (var connection = new SqliteConnection($"Data Source={journal};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = sql;
            Assert.Equal(1, command.ExecuteNonQuery());
        }

        foreach (var args in new[]
        {
            new[] { "journal", "show" },
            ["journal", "export", "--json", Path.Combine(_folder, "e.json")],
            ["report", "--out", Path.Combine(_folder, "r.html")],
        })
        {
            // Either it still works (a year-9999 time is a valid, if odd, instant) or it names the entry: never a bug.
            var (code, _, stderr) = CliRunner.Run([.. args, "--db", journal]);
            Assert.True(code is 0 or 2, $"{string.Join(' ', args)}: exit {code}: {stderr}");
            if (code == 2)
            {
                Assert.Contains($"journal's {entry} holds a value this version cannot read", stderr, StringComparison.Ordinal);
                Assert.Single(stderr.TrimEnd().Split('\n'));
            }
        }

        var parts = entry.Split(' ');
        var (deleted, _, why) = CliRunner.Run("journal", "delete", parts[0], parts[1], "--db", journal);
        Assert.True(deleted == 0, why);
        foreach (var args in new[]
        {
            new[] { "journal", "show" },
            ["journal", "export", "--json", Path.Combine(_folder, "e.json")],
            ["journal", "export", "--fhir", Path.Combine(_folder, "e.fhir.json")],
            ["report", "--out", Path.Combine(_folder, "r.html")],
        })
        {
            var (code, _, stderr) = CliRunner.Run([.. args, "--db", journal]);
            Assert.True(code == 0, $"{string.Join(' ', args)} after the delete: {stderr}");
        }
    }
}
