using Ldn.Storage.Tests;
using Xunit;

namespace Ldn.Web.BrowserTests;

/// <summary>
/// The stores a browser test runs the app on: SQLite always, PostgreSQL when <c>LDN_TEST_POSTGRES</c> names a
/// server — and always under CI (<c>LDN_CI=1</c>), where a missing server fails the test instead of leaving it out.
/// </summary>
public static class BrowserStores
{
    public const string Sqlite = "SQLite";

    public const string PostgreSql = "PostgreSQL";

    public static TheoryData<string> Names
    {
        get
        {
            var names = new TheoryData<string> { Sqlite };
            if (PostgresFactAttribute.SkipReason is null)
            {
                names.Add(PostgreSql);
            }

            return names;
        }
    }
}

/// <summary>A <see cref="BrowserFactAttribute"/> with data: one run per store of <see cref="BrowserStores.Names"/>.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class BrowserTheoryAttribute : TheoryAttribute
{
    public BrowserTheoryAttribute()
    {
        if (new BrowserFactAttribute().Skip is { } reason)
        {
            Skip = reason;
        }
    }
}
