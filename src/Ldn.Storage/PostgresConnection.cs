using System.Globalization;
using Ldn.Core;
using Npgsql;

namespace Ldn.Storage;

/// <summary>Reads the two ways of naming a PostgreSQL database: an Npgsql connection string, or a libpq-style URI.</summary>
internal static class PostgresConnection
{
    public static string ToConnectionString(string db)
    {
        var text = db.Trim();
        try
        {
            if (!text.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase)
                && !text.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase))
            {
                return new NpgsqlConnectionStringBuilder(text).ConnectionString;
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

            return builder.ConnectionString;
        }
        catch (Exception e) when (e is ArgumentException or UriFormatException or FormatException or KeyNotFoundException)
        {
            throw new InvalidInputException($"'{Redacted(text)}' is not a PostgreSQL connection string or URI ({e.Message.TrimEnd('.')}).", e);
        }
    }

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

    /// <summary>The text without a password, for messages.</summary>
    private static string Redacted(string text)
    {
        if (text.Contains("://", StringComparison.Ordinal) && Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.UserInfo.Contains(':', StringComparison.Ordinal))
        {
            return text.Replace(uri.UserInfo, uri.UserInfo[..uri.UserInfo.IndexOf(':', StringComparison.Ordinal)] + ":***", StringComparison.Ordinal);
        }

        return System.Text.RegularExpressions.Regex.Replace(text, @"(?i)(password|pwd)\s*=[^;]*", "$1=***");
    }
}
