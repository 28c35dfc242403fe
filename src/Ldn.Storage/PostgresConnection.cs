using System.Globalization;
using System.Text.RegularExpressions;
using Ldn.Core;
using Npgsql;

namespace Ldn.Storage;

/// <summary>Reads the two ways of naming a PostgreSQL database: an Npgsql connection string, or a libpq-style URI.</summary>
internal static partial class PostgresConnection
{
    public static string ToConnectionString(string db)
    {
        var text = db.Trim();
        try
        {
            if (!text.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase)
                && !text.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase))
            {
                return WithHost(new NpgsqlConnectionStringBuilder(text), text).ConnectionString;
            }

            var uri = new Uri(text);
            var builder = new NpgsqlConnectionStringBuilder { Host = uri.Host };
            if (!uri.IsDefaultPort && uri.Port > 0)
            {
                builder.Port = uri.Port;
            }

            if (uri.UserInfo.Length > 0)
            {
                var colon = uri.UserInfo.IndexOf(':', StringComparison.Ordinal);
                builder.Username = Uri.UnescapeDataString(colon < 0 ? uri.UserInfo : uri.UserInfo[..colon]);
                if (colon >= 0)
                {
                    builder.Password = Uri.UnescapeDataString(uri.UserInfo[(colon + 1)..]);
                }
            }

            var database = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/'));
            if (database.Length > 0)
            {
                builder.Database = database;
            }

            foreach (var pair in uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
            {
                var equals = pair.IndexOf('=', StringComparison.Ordinal);
                var key = Uri.UnescapeDataString(equals < 0 ? pair : pair[..equals]);
                var value = equals < 0 ? string.Empty : Uri.UnescapeDataString(pair[(equals + 1)..]);
                builder[key switch
                {
                    "sslmode" => "SSL Mode",
                    "application_name" => "Application Name",
                    "connect_timeout" => "Timeout",
                    "options" => "Options",
                    _ => key,
                }] = key == "sslmode" ? ToSslMode(value) : value;
            }

            return WithHost(builder, text).ConnectionString;
        }
        catch (Exception e) when (e is ArgumentException or UriFormatException or FormatException or KeyNotFoundException)
        {
            throw new InvalidInputException($"'{Redacted(text)}' is not a PostgreSQL connection string or URI ({e.Message.TrimEnd('.')}).", e);
        }
    }

    // Npgsql accepts "Host=" and fails only when opening, with an exception about an uninitialised property.
    private static NpgsqlConnectionStringBuilder WithHost(NpgsqlConnectionStringBuilder builder, string text) =>
        string.IsNullOrWhiteSpace(builder.Host)
            ? throw new InvalidInputException($"'{Redacted(text)}' names no PostgreSQL host (write Host=… or postgresql://host/database).")
            : builder;

    /// <summary>"PostgreSQL host/db", or "PostgreSQL host:port/db" on another port; never the password.</summary>
    public static string Describe(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        var port = builder.Port == NpgsqlConnection.DefaultPort ? string.Empty : ":" + builder.Port.ToString(CultureInfo.InvariantCulture);
        var schema = string.IsNullOrEmpty(builder.SearchPath) ? string.Empty : $" (schema {builder.SearchPath})";
        return $"PostgreSQL {builder.Host}{port}/{builder.Database ?? builder.Username}{schema}";
    }

    private static string ToSslMode(string libpq) => libpq switch
    {
        "disable" => "Disable",
        "allow" => "Allow",
        "prefer" => "Prefer",
        "require" => "Require",
        "verify-ca" => "VerifyCA",
        "verify-full" => "VerifyFull",
        _ => libpq,
    };

    /// <summary>
    /// The text without a password, for messages. Works on text that does not parse (a URI with a bad port, a
    /// half-written key list), because that is exactly when it is echoed: the user-info password of a URI, a
    /// <c>password=</c> query parameter, and a <c>Password=</c>/<c>Pwd=</c> key all become <c>***</c>.
    /// </summary>
    internal static string Redacted(string text)
    {
        var withoutUserInfo = UriPassword().Replace(text, "$1:***@");
        return KeyPassword().Replace(withoutUserInfo, "$1=***");
    }

    // scheme://user:password@ — the password runs to the last '@' before the host (a password may hold '@' and ':').
    [GeneratedRegex(@"^(\s*[A-Za-z][A-Za-z0-9+.-]*://[^:/@?#]*):.*@", RegexOptions.Singleline)]
    private static partial Regex UriPassword();

    // Password=…; or Pwd=… in a key list, and password=…& in a URI query.
    [GeneratedRegex(@"(?i)\b(password|pwd)\s*=[^;&]*")]
    private static partial Regex KeyPassword();
}
