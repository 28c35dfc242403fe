using Npgsql;
using Xunit;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace Ldn.Storage.Tests;

/// <summary>
/// A test that needs the PostgreSQL server named by <c>LDN_TEST_POSTGRES</c>. Without it the test is
/// skipped, saying why, except under CI (<c>LDN_CI=1</c>), where it runs and fails, so CI cannot pass by
/// skipping.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class PostgresFactAttribute : FactAttribute
{
    public const string Variable = "LDN_TEST_POSTGRES";

    public PostgresFactAttribute()
    {
        if (SkipReason is { } reason)
        {
            Skip = reason;
        }
    }

    public static string? ConnectionString =>
        Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value ? value : null;

    public static string? SkipReason =>
        ConnectionString is null && Environment.GetEnvironmentVariable("LDN_CI") != "1"
            ? "PostgreSQL tests skipped: set LDN_TEST_POSTGRES to a connection string (CI does)."
            : null;
}

/// <summary>Marks a test class whose tests run against PostgreSQL, so <see cref="StoreFactAttribute"/> tests in it skip like <see cref="PostgresFactAttribute"/>.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class PostgresTestsAttribute : Attribute;

/// <summary>
/// A behaviour test written once in <see cref="JournalStoreBehaviour"/> and run for each store: a plain
/// fact in the SQLite class, a <see cref="PostgresFactAttribute"/>-style fact in the PostgreSQL class.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
[XunitTestCaseDiscoverer("Ldn.Storage.Tests.StoreFactDiscoverer", "Ldn.Storage.Tests")]
public sealed class StoreFactAttribute : FactAttribute;

public sealed class StoreFactDiscoverer(IMessageSink diagnosticMessageSink) : IXunitTestCaseDiscoverer
{
    public IEnumerable<IXunitTestCase> Discover(ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo factAttribute)
    {
        ArgumentNullException.ThrowIfNull(discoveryOptions);
        ArgumentNullException.ThrowIfNull(testMethod);
        var postgres = testMethod.TestClass.Class.GetCustomAttributes(typeof(PostgresTestsAttribute)).Any();
        var skip = postgres ? PostgresFactAttribute.SkipReason : null;
        var display = discoveryOptions.MethodDisplayOrDefault();
        var options = discoveryOptions.MethodDisplayOptionsOrDefault();
        return
        [
            skip is null
                ? new XunitTestCase(diagnosticMessageSink, display, options, testMethod)
                : new XunitSkippedDataRowTestCase(diagnosticMessageSink, display, options, testMethod, skip),
        ];
    }
}

/// <summary>Statements the PostgreSQL tests run as themselves (making and dropping their schemas).</summary>
public static class PostgresAdmin
{
    public static void Execute(string server, string sql)
    {
        using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(server) { Pooling = false }.ConnectionString);
        connection.Open();
        using var command = connection.CreateCommand();
#pragma warning disable CA2100 // Test schemas are named here from GUIDs, not from input.
        command.CommandText = sql;
#pragma warning restore CA2100
        command.ExecuteNonQuery();
    }
}
