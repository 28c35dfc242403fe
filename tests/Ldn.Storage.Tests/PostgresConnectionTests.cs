using Ldn.Core;
using Xunit;

namespace Ldn.Storage.Tests;

/// <summary>
/// Issue 13: a malformed connection URI was printed with its password. Whatever the text and however it fails,
/// the message names it without the secret.
/// </summary>
public sealed class PostgresConnectionTests
{
    private const string Secret = "S3cr€t-pw";

    [Theory]
    [InlineData("postgresql://u:" + Secret + "@127.0.0.1:notaport/db")]
    [InlineData("postgres://u:" + Secret + "@[::1/db")]
    [InlineData("postgresql://u:" + Secret + "@@host:99999999/db")]
    [InlineData("postgresql://u:p%40" + Secret + "@host:x/db")]
    [InlineData("postgresql://host/db?password=" + Secret + "&sslmode=nonsense-mode&port=x")]
    [InlineData("Host=127.0.0.1;Password=" + Secret + ";Port=x")]
    [InlineData("Host=127.0.0.1; pwd = " + Secret + " ;Port=notaport")]
    [InlineData("Password=" + Secret + ";Host=")]
    [InlineData("Host=;Password=" + Secret)]
    [InlineData("password=" + Secret + ";Nonsense Key=1")]
    public void A_bad_connection_text_is_refused_in_one_sentence_without_its_password(string db)
    {
        var error = Assert.Throws<InvalidInputException>(() => PostgresConnection.ToConnectionString(db));
        Assert.DoesNotContain(Secret, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
        Assert.Contains("***", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("postgresql://ldn:" + Secret + "@db.example/ldn", "postgresql://ldn:***@db.example/ldn")]
    [InlineData("postgresql://ldn:a:b@c" + Secret + "@db.example:5433/ldn", "postgresql://ldn:***@db.example:5433/ldn")]
    [InlineData("Host=h;Username=u;Password=" + Secret + ";Database=d", "Host=h;Username=u;Password=***;Database=d")]
    [InlineData("postgresql://h/d?user=u&password=" + Secret, "postgresql://h/d?user=u&password=***")]
    [InlineData("postgresql://h/d", "postgresql://h/d")]
    public void Redaction_keeps_everything_but_the_password(string text, string expected) =>
        Assert.Equal(expected, PostgresConnection.Redacted(text));

    [Fact]
    public void A_valid_uri_becomes_a_connection_string_with_its_parts()
    {
        var built = PostgresConnection.ToConnectionString("postgresql://ldn:pw@localhost:5433/ldn_test?sslmode=disable");
        Assert.Contains("Host=localhost", built, StringComparison.Ordinal);
        Assert.Contains("Port=5433", built, StringComparison.Ordinal);
        Assert.Contains("Database=ldn_test", built, StringComparison.Ordinal);
    }
}
