using System.Data;
using System.Globalization;
using System.Text.Json;
using Ldn.Core.Advice;
using Ldn.Core.Dosing;
using Ldn.Core.Journal;
using NodaTime;
using NodaTime.Text;

namespace Ldn.Storage;

/// <summary>
/// The table of one kind of entry: its columns (the same names on SQLite and PostgreSQL), how a row is read
/// into the entry and how an entry is bound as parameters. Every entry table also has <c>id</c>,
/// <c>revision</c> (1 when added, +1 per change) and <c>deleted</c> (0/1, schema 3).
/// </summary>
/// <param name="Kind">The kind of entry the table holds.</param>
/// <param name="Name">The table's name.</param>
/// <param name="Select">The columns read, ending with <c>revision</c> (the readers read by position).</param>
/// <param name="Fields">The written columns and the parameter each is bound from.</param>
/// <param name="Order">The column a list of these entries is sorted by (then by id).</param>
/// <param name="Read">Reads a row of <paramref name="Select"/> into the entry.</param>
internal sealed record EntryTable(
    JournalEntryKind Kind,
    string Name,
    string Select,
    IReadOnlyList<(string Column, string Parameter)> Fields,
    string Order,
    Func<IDataRecord, IJournalEntry> Read)
{
    /// <summary>An INSERT of every field, revision and deleted; with <paramref name="withId"/> the id too (import keeps ids).</summary>
    public string Insert(bool withId) =>
        $"INSERT INTO {Name} ({(withId ? "id, " : "")}{string.Join(", ", Fields.Select(f => f.Column))}, revision, deleted) " +
        $"VALUES ({(withId ? "@Id, " : "")}{string.Join(", ", Fields.Select(f => "@" + f.Parameter))}, @Revision, @Deleted)";

    /// <summary>
    /// <see cref="Read"/>, with a value this version cannot read turned into an <see cref="UnreadableEntryException"/>
    /// naming the entry (the row's first column is its id).
    /// </summary>
    public IJournalEntry Entry(IDataRecord row)
    {
        try
        {
            var entry = Read(row);
            // A zone is read as text; one this version does not know would fail later, far from the entry.
            _ = JournalTime.Zone(entry switch
            {
                DoseEntry d => d.TimeZoneId,
                CheckInEntry c => c.TimeZoneId,
                SideEffectEntry e => e.TimeZoneId,
                EventEntry e => e.TimeZoneId,
                _ => "UTC",
            });
            return entry;
        }
        catch (Exception e) when (e is FormatException or OverflowException or ArgumentException or InvalidCastException
            or JsonException or NodaTime.Text.UnparsableValueException or Ldn.Core.InvalidInputException or KeyNotFoundException or InvalidOperationException)
        {
            throw new UnreadableEntryException(Kind, EntryTables.Int64(row, 0), e);
        }
    }

    /// <summary>An UPDATE of every field and the revision of the row <c>@Id</c>.</summary>
    public string Update => $"UPDATE {Name} SET {string.Join(", ", Fields.Select(f => $"{f.Column} = @{f.Parameter}"))}, revision = @Revision WHERE id = @Id";
}

internal static class EntryTables
{
    public static EntryTable Doses { get; } = new(JournalEntryKind.Dose, "doses",
        "id, at_utc_ms, time_zone, CAST(dose_mg AS TEXT), formulation, skipped, note, revision",
        [("at_utc_ms", "At"), ("time_zone", "Zone"), ("dose_mg", "DoseMg"), ("formulation", "Formulation"), ("skipped", "Skipped"), ("note", "Note")],
        "at_utc_ms",
        r => new DoseEntry(
            Int64(r, 0),
            Instant.FromUnixTimeMilliseconds(Int64(r, 1)),
            r.GetString(2),
            decimal.Parse(r.GetString(3), NumberStyles.Number, CultureInfo.InvariantCulture),
            Formulations.Parse(r.GetString(4)),
            Int64(r, 5) != 0,
            Text(r, 6)) { Revision = Int32(r, 7) });

    public static EntryTable CheckIns { get; } = new(JournalEntryKind.CheckIn, "check_ins",
        "id, at_utc_ms, time_zone, fatigue, pain, sleep, mood, focus, note, other_scores, revision",
        [("at_utc_ms", "At"), ("time_zone", "Zone"), ("fatigue", "Fatigue"), ("pain", "Pain"), ("sleep", "Sleep"), ("mood", "Mood"), ("focus", "Focus"), ("note", "Note"), ("other_scores", "OtherScores")],
        "at_utc_ms",
        ReadCheckIn);

    public static EntryTable SideEffects { get; } = new(JournalEntryKind.SideEffect, "side_effects",
        "id, kind, severity, from_utc_ms, to_utc_ms, time_zone, note, typed_name, revision",
        [("kind", "Kind"), ("severity", "Severity"), ("from_utc_ms", "From"), ("to_utc_ms", "To"), ("time_zone", "Zone"), ("note", "Note"), ("typed_name", "TypedName")],
        "from_utc_ms",
        r => new SideEffectEntry(
            Int64(r, 0),
            r.GetString(1),
            Codes.Parse<SideEffectSeverity>(r.GetString(2)),
            Instant.FromUnixTimeMilliseconds(Int64(r, 3)),
            OptionalInstant(r, 4),
            r.GetString(5),
            Text(r, 6)) { TypedName = Text(r, 7), Revision = Int32(r, 8) });

    public static EntryTable Events { get; } = new(JournalEntryKind.Event, "events",
        "id, at_utc_ms, time_zone, kind, note, revision",
        [("at_utc_ms", "At"), ("time_zone", "Zone"), ("kind", "Kind"), ("note", "Note")],
        "at_utc_ms",
        r => new EventEntry(
            Int64(r, 0),
            Instant.FromUnixTimeMilliseconds(Int64(r, 1)),
            r.GetString(2),
            Codes.Parse<JournalEventKind>(r.GetString(3)),
            Text(r, 4)) { Revision = Int32(r, 5) });

    public static EntryTable Medications { get; } = new(JournalEntryKind.Medication, "medications",
        "id, name, since_utc_ms, until_utc_ms, revision",
        [("name", "Name"), ("since_utc_ms", "Since"), ("until_utc_ms", "Until")],
        "since_utc_ms",
        r => new MedicationEntry(Int64(r, 0), r.GetString(1), Instant.FromUnixTimeMilliseconds(Int64(r, 2)), OptionalInstant(r, 3)) { Revision = Int32(r, 4) });

    public static EntryTable Plans { get; } = new(JournalEntryKind.Plan, "plans",
        "id, from_date, set_at_utc_ms, plan_json, adjustment, revision",
        [("from_date", "From"), ("set_at_utc_ms", "SetAt"), ("plan_json", "PlanJson"), ("adjustment", "Adjustment")],
        "from_date",
        r => new PlanVersion(Int64(r, 0), LocalDatePattern.Iso.Parse(r.GetString(1)).Value, Instant.FromUnixTimeMilliseconds(Int64(r, 2)), r.GetString(3), Text(r, 4))
        {
            Revision = Int32(r, 5),
        });

    public static IReadOnlyList<EntryTable> All { get; } = [Doses, CheckIns, SideEffects, Events, Medications, Plans];

    public static EntryTable Of(JournalEntryKind kind) => All.First(t => t.Kind == kind);

    /// <summary>The entry's parameters for <see cref="EntryTable.Insert"/> and <see cref="EntryTable.Update"/>; <paramref name="decimalValue"/> binds a dose the dialect's way.</summary>
    public static object Parameters(IJournalEntry entry, bool deleted, Func<decimal, object> decimalValue) => entry switch
    {
        DoseEntry d => new
        {
            d.Id, d.Revision, Deleted = Flag(deleted), At = d.At.ToUnixTimeMilliseconds(), Zone = d.TimeZoneId, DoseMg = decimalValue(d.DoseMg),
            Formulation = d.Formulation.Name(), Skipped = Flag(d.Skipped), d.Note,
        },
        CheckInEntry c => new
        {
            c.Id, c.Revision, Deleted = Flag(deleted), At = c.At.ToUnixTimeMilliseconds(), Zone = c.TimeZoneId, c.Fatigue, c.Pain, c.Sleep, c.Mood, c.Focus, c.Note,
            OtherScores = c.OtherScores.Count == 0 ? null : JsonSerializer.Serialize(new SortedDictionary<string, int>(c.OtherScores.ToDictionary(), StringComparer.Ordinal)),
        },
        SideEffectEntry s => new
        {
            s.Id, s.Revision, Deleted = Flag(deleted), s.Kind, Severity = Codes.Of(s.Severity), From = s.From.ToUnixTimeMilliseconds(), To = s.To?.ToUnixTimeMilliseconds(),
            Zone = s.TimeZoneId, s.Note, s.TypedName,
        },
        EventEntry e => new { e.Id, e.Revision, Deleted = Flag(deleted), At = e.At.ToUnixTimeMilliseconds(), Zone = e.TimeZoneId, Kind = Codes.Of(e.Kind), e.Note },
        MedicationEntry m => new { m.Id, m.Revision, Deleted = Flag(deleted), m.Name, Since = m.Since.ToUnixTimeMilliseconds(), Until = m.Until?.ToUnixTimeMilliseconds() },
        PlanVersion p => new { p.Id, p.Revision, Deleted = Flag(deleted), From = LocalDatePattern.Iso.Format(p.From), SetAt = p.SetAt.ToUnixTimeMilliseconds(), p.PlanJson, p.Adjustment },
        _ => throw new ArgumentOutOfRangeException(nameof(entry), entry?.GetType().Name, "Not a stored journal entry."),
    };

    /// <summary>The entry with <paramref name="id"/> and <paramref name="revision"/>.</summary>
    public static IJournalEntry With(IJournalEntry entry, long id, int revision) => entry switch
    {
        DoseEntry d => d with { Id = id, Revision = revision },
        CheckInEntry c => c with { Id = id, Revision = revision },
        SideEffectEntry s => s with { Id = id, Revision = revision },
        EventEntry e => e with { Id = id, Revision = revision },
        MedicationEntry m => m with { Id = id, Revision = revision },
        PlanVersion p => p with { Id = id, Revision = revision },
        _ => throw new ArgumentOutOfRangeException(nameof(entry), entry?.GetType().Name, "Not a stored journal entry."),
    };

    public static int Flag(bool value) => value ? 1 : 0;

    public static long Int64(IDataRecord r, int i) => Convert.ToInt64(r.GetValue(i), CultureInfo.InvariantCulture);

    public static int Int32(IDataRecord r, int i) => Convert.ToInt32(r.GetValue(i), CultureInfo.InvariantCulture);

    public static int? OptionalInt32(IDataRecord r, int i) => r.IsDBNull(i) ? null : Int32(r, i);

    public static Instant? OptionalInstant(IDataRecord r, int i) => r.IsDBNull(i) ? null : Instant.FromUnixTimeMilliseconds(Int64(r, i));

    public static string? Text(IDataRecord r, int i) => r.IsDBNull(i) ? null : r.GetString(i);

    private static CheckInEntry ReadCheckIn(IDataRecord r)
    {
        var entry = new CheckInEntry(
            Int64(r, 0),
            Instant.FromUnixTimeMilliseconds(Int64(r, 1)),
            r.GetString(2),
            OptionalInt32(r, 3),
            OptionalInt32(r, 4),
            OptionalInt32(r, 5),
            OptionalInt32(r, 6),
            OptionalInt32(r, 7),
            Text(r, 8)) { Revision = Int32(r, 10) };

        // Without other scores the entry keeps the shared empty map, so it equals one made without them.
        return Text(r, 9) is { } json
            ? entry with { OtherScores = JsonSerializer.Deserialize<Dictionary<string, int>>(json) ?? [] }
            : entry;
    }
}
