using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
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

    /// <summary>
    /// Creates Identity's tables on first start and the three roles. EnsureCreated is not used: on PostgreSQL
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

        var sql = db.Database.IsNpgsql()
            ? "SELECT count(*)::int AS \"Value\" FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = 'AspNetUsers'"
            : "SELECT count(*) AS \"Value\" FROM sqlite_master WHERE type = 'table' AND name = 'AspNetUsers'";
        if (await db.Database.SqlQueryRaw<int>(sql).SingleAsync().ConfigureAwait(false) == 0)
        {
            await creator.CreateTablesAsync().ConfigureAwait(false);
        }

        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var role in AccountRoles.All)
        {
            if (!await roles.RoleExistsAsync(role).ConfigureAwait(false))
            {
                await roles.CreateAsync(new IdentityRole(role)).ConfigureAwait(false);
            }
        }
    }
}
