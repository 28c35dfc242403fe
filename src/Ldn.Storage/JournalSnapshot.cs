using System.Text.Json;
using System.Text.Json.Serialization;
using Ldn.Core;
using Ldn.Core.Journal;
using NodaTime;
using NodaTime.Text;

namespace Ldn.Storage;

/// <summary>
/// A journal as one portable JSON document: what <see cref="IJournalStore.Backup"/> writes for PostgreSQL,
/// and what <see cref="IJournalStore.Import"/> reads back into any store. Instants are ISO-8601 UTC,
/// decimals are JSON numbers written exactly, enums are camelCase names.
/// </summary>
public static class JournalSnapshot
{
    public const string Format = "ldn-workbench-journal";
    public const int Version = 1;

    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        Converters = { new InstantConverter(), new LocalDateConverter(), new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public static string ToJson(JournalData data) => JsonSerializer.Serialize(new Document(Format, Version, data), Options);

    public static JournalData FromJson(string json)
    {
        try
        {
            var document = JsonSerializer.Deserialize<Document>(json, Options);
            if (document is null || document.Format != Format || document.Journal is null)
            {
                throw new InvalidInputException($"The document is not an LDN Workbench journal snapshot (its format must be '{Format}').");
            }

            if (document.Version > Version)
            {
                throw new InvalidInputException($"The journal snapshot is version {document.Version}, made by a newer LDN Workbench; this one reads up to {Version}.");
            }

            return document.Journal;
        }
        catch (JsonException e)
        {
            throw new InvalidInputException($"The document is not a valid journal snapshot ({e.Message.TrimEnd('.')}).", e);
        }
    }

    /// <summary>Writes the snapshot beside <paramref name="path"/> and moves it over, so a reader never sees half a file.</summary>
    public static void Write(string path, JournalData data)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var target = Path.GetFullPath(path);
        var folder = Path.GetDirectoryName(target);
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }

        var temporary = $"{target}.{Guid.NewGuid():N}.tmp";
        try
        {
            File.WriteAllText(temporary, ToJson(data));
            File.Move(temporary, target, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    public static JournalData Read(string path) => FromJson(File.ReadAllText(path));

    private sealed record Document(string Format, int Version, JournalData Journal);

    private sealed class InstantConverter : JsonConverter<Instant>
    {
        public override Instant Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            InstantPattern.ExtendedIso.Parse(reader.GetString() ?? string.Empty) is { Success: true } result
                ? result.Value
                : throw new JsonException($"'{reader.GetString()}' is not an ISO-8601 UTC instant.");

        public override void Write(Utf8JsonWriter writer, Instant value, JsonSerializerOptions options) =>
            writer.WriteStringValue(InstantPattern.ExtendedIso.Format(value));
    }

    private sealed class LocalDateConverter : JsonConverter<LocalDate>
    {
        public override LocalDate Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            LocalDatePattern.Iso.Parse(reader.GetString() ?? string.Empty) is { Success: true } result
                ? result.Value
                : throw new JsonException($"'{reader.GetString()}' is not an ISO-8601 date.");

        public override void Write(Utf8JsonWriter writer, LocalDate value, JsonSerializerOptions options) =>
            writer.WriteStringValue(LocalDatePattern.Iso.Format(value));
    }
}
