using Ldn.Web.Sharing;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Operations;
using Microsoft.EntityFrameworkCore.Storage;

namespace Ldn.Web.Accounts;

/// <summary>
/// The accounts database: Identity's tables (users, roles, claims, logins, tokens, passkeys), in SQLite or
/// PostgreSQL, and the data-protection keys (<see cref="DataProtectionKeys"/>) that protect cookies and bearer
/// tokens, so that every instance of the workbench on one database accepts the others' sessions.
/// </summary>
internal sealed class AccountsDb(DbContextOptions<AccountsDb> options) : IdentityDbContext<WebUser>(options), IDataProtectionKeyContext
{
    /// <summary>The patients' calendar feed addresses (hashes only).</summary>
    public DbSet<Calendar.CalendarToken> CalendarTokens => Set<Calendar.CalendarToken>();

    /// <summary>ASP.NET Core's data-protection key ring (XML of each key, not encrypted at rest: protect the database).</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    /// <summary>Sharing: invitations (code hashes), shares, the audit log of reads and notes (see <see cref="SharedJournals"/>).</summary>
    public DbSet<ShareInvitation> ShareInvitations => Set<ShareInvitation>();

    public DbSet<Share> Shares => Set<Share>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    public DbSet<PatientNote> PatientNotes => Set<PatientNote>();

    /// <summary>
    /// Creates the tables on first start (and any table of the model added since) and the three roles. EnsureCreated is not used: on PostgreSQL
    /// it skips creating when any schema of the database has tables, and journals live in the same database.
    /// </summary>
    public static async Task PrepareAsync(IServiceProvider services)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AccountsDb>();
        var creator = db.GetService<IRelationalDatabaseCreator>();
        if (!await creator.ExistsAsync().ConfigureAwait(false))
        {
            await creator.CreateAsync().ConfigureAwait(false);
        }

        await CreateMissingTablesAsync(db).ConfigureAwait(false);

        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var role in AccountRoles.All)
        {
            if (!await roles.RoleExistsAsync(role).ConfigureAwait(false))
            {
                await roles.CreateAsync(new IdentityRole(role)).ConfigureAwait(false);
            }
        }
    }

    /// <summary>
    /// Creates each table of the model that the database lacks, with its indexes (all of them in a new
    /// database): a database made before a table was added to the model gets it on the next start.
    /// Tables already there are left as they are (a change to an existing table still needs a migration).
    /// </summary>
    private static async Task CreateMissingTablesAsync(AccountsDb db)
    {
        var sql = db.Database.IsNpgsql()
            ? "SELECT table_name AS \"Value\" FROM information_schema.tables WHERE table_schema = current_schema()"
            : "SELECT name AS \"Value\" FROM sqlite_master WHERE type = 'table'";
        var existing = (await db.Database.SqlQueryRaw<string>(sql).ToListAsync().ConfigureAwait(false)).ToHashSet(StringComparer.Ordinal);
        var model = db.GetService<IDesignTimeModel>().Model;
        var missing = db.GetService<IMigrationsModelDiffer>().GetDifferences(null, model.GetRelationalModel())
            .Where(operation => operation switch
            {
                CreateTableOperation table => !existing.Contains(table.Name),
                CreateIndexOperation index => !existing.Contains(index.Table),
                _ => false,
            })
            .ToList();
        if (missing.Count > 0)
        {
            var commands = db.GetService<IMigrationsSqlGenerator>().Generate(missing, model);
            await db.GetService<IMigrationCommandExecutor>().ExecuteNonQueryAsync(commands, db.GetService<IRelationalConnection>()).ConfigureAwait(false);
        }
    }
}
