using System.Text.Json;
using System.Text.Json.Serialization;
using Ldn.Core;
using Ldn.Core.Journal;
using NodaTime;
using NodaTime.Text;
using Ldn.Core.Text;

namespace Ldn.Storage;

/// <summary>
/// A journal as one portable JSON document: what <see cref="IJournalStore.Backup"/> writes for PostgreSQL,
/// and what <see cref="IJournalStore.Import"/> reads back into any store. Since schema 3 it is the export
/// document (<see cref="JournalDocument"/>, <c>ldn-journal/2</c>: plan versions, scales, revisions, deleted
/// entries and the history); snapshots of the first format (<c>ldn-workbench-journal</c> version 1: one plan,
/// no history) still read.
/// </summary>
public static class JournalSnapshot
{
    /// <summary>The first snapshot format, still read.</summary>
    public const string Format = "ldn-workbench-journal";

    /// <summary>The last version of <see cref="Format"/>; later snapshots are <see cref="JournalDocument"/>s.</summary>
    public const int Version = 1;

    private static readonly JsonSerializerOptions LegacyOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Converters = { new InstantConverter(), new LocalDateConverter(), new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public static string ToJson(JournalData data) => JsonSerializer.Serialize(JournalDocument.From(data), JournalDocument.Options);

    public static JournalData FromJson(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        try
        {
            using (var probe = JsonDocument.Parse(json))
            {
                if (probe.RootElement.ValueKind == JsonValueKind.Object && probe.RootElement.TryGetProperty("schema", out _))
                {
                    return JournalDocument.Read(json, "snapshot");
                }
            }

            var document = JsonSerializer.Deserialize<LegacyDocument>(json, LegacyOptions);
            if (document is null || document.Format != Format || document.Journal is null)
            {
                throw new InvalidInputException($"The document is not an LDN Workbench journal snapshot (it must be a '{JournalDocument.SchemaId}' document or a '{Format}' snapshot).");
            }

            if (document.Version > Version)
            {
                throw new InvalidInputException($"The journal snapshot is version {document.Version}, made by a newer LDN Workbench; this one reads up to {Version}.");
            }

            var journal = document.Journal;
            return new JournalData
            {
                Profile = journal.Profile ?? throw new InvalidInputException("The journal snapshot has no profile."),
                Plans = journal.Plan is { } plan ? [PlanVersion.Initial(plan.PlanJson, plan.SetAt)] : [],
                Doses = journal.Doses ?? [],
                CheckIns = journal.CheckIns ?? [],
                SideEffects = journal.SideEffects ?? [],
                Events = journal.Events ?? [],
                Medications = journal.Medications ?? [],
            };
        }
        catch (JsonException e)
        {
            throw new InvalidInputException($"The document is not a valid journal snapshot ({JsonErrors.Describe(e)}).", e);
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

    /// <summary>The version-1 snapshot: the journal model of schema 2, serialised as it was.</summary>
    private sealed record LegacyDocument(string Format, int Version, LegacyJournal? Journal);

    private sealed record LegacyJournal(
        JournalProfile? Profile,
        LegacyPlan? Plan,
        IReadOnlyList<DoseEntry>? Doses,
        IReadOnlyList<CheckInEntry>? CheckIns,
        IReadOnlyList<SideEffectEntry>? SideEffects,
        IReadOnlyList<EventEntry>? Events,
        IReadOnlyList<MedicationEntry>? Medications);

    private sealed record LegacyPlan(Instant SetAt, string PlanJson);

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
