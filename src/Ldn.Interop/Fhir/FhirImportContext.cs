using System.Globalization;
using Hl7.Fhir.Model;
using Ldn.Core;
using Ldn.Core.Journal;
using NodaTime;
using Instant = NodaTime.Instant;

namespace Ldn.Interop.Fhir;

/// <summary>
/// What every part of the FHIR import needs about the bundle being read: how an entry is named in a
/// refusal ("Entry 3 of 'b.json'"), the entries by <c>fullUrl</c> (so references are followed inside the
/// bundle), and how a time is read: a FHIR dateTime with a time and a UTC offset, within 1970–2200, kept in
/// the journal's home zone when that zone had the same offset at that instant, else as the offset's fixed
/// zone (<c>UTC-04:00</c>).
/// </summary>
internal sealed class FhirImportContext
{
    private readonly Dictionary<string, int> _byUrl;

    /// <param name="entries">The bundle's entries, in file order.</param>
    /// <param name="sourceName">The file's name, for refusals.</param>
    /// <param name="homeZone">The new journal's zone.</param>
    public FhirImportContext(IReadOnlyList<Bundle.EntryComponent> entries, string sourceName, DateTimeZone homeZone)
    {
        Entries = entries;
        SourceName = sourceName;
        HomeZone = homeZone;
        _byUrl = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < entries.Count; i++)
        {
            if (entries[i].FullUrl is { Length: > 0 } url)
            {
                _byUrl.TryAdd(url, i);
            }

            if (entries[i].Resource is { Id: { Length: > 0 } id } resource)
            {
                // A relative reference ("Observation/7") names the resource by its type and id.
                _byUrl.TryAdd($"{resource.TypeName}/{id}", i);
            }
        }
    }

    public IReadOnlyList<Bundle.EntryComponent> Entries { get; }

    public string SourceName { get; }

    public DateTimeZone HomeZone { get; }

    /// <summary>"Entry 3 of 'b.json'" for the entry at index 2.</summary>
    public string Where(int index) => $"Entry {index + 1} of '{SourceName}'";

    /// <summary>The index of the entry <paramref name="reference"/> points at, or null when it is not in the bundle.</summary>
    public int? IndexOf(ResourceReference? reference) =>
        reference?.Reference is { } target && _byUrl.TryGetValue(target, out var index) ? index : null;

    /// <summary>The resource <paramref name="reference"/> points at (null for none); one sentence when it is not in the bundle.</summary>
    /// <exception cref="InvalidInputException">The reference names no entry of the bundle.</exception>
    public T? Follow<T>(ResourceReference? reference, string where, string element)
        where T : Resource
    {
        if (reference?.Reference is null)
        {
            return null;
        }

        return IndexOf(reference) is { } index && Entries[index].Resource is T resource
            ? resource
            : throw new InvalidInputException($"{where} has {element} '{reference.Reference}', which is no {typeof(T).Name} of this bundle.");
    }

    /// <summary>A dateTime with a time and an offset, as the instant and the zone the entry keeps (see the class summary).</summary>
    /// <exception cref="InvalidInputException">No time, no offset, or outside 1970–2200.</exception>
    public (Instant At, string Zone) At(string? text, string where, string element)
    {
        if (text is { Length: > 10 } && text.Contains('T', StringComparison.Ordinal) && (text.EndsWith('Z') || text[^6] is '+' or '-')
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
        {
            var at = Within(Instant.FromDateTimeOffset(parsed), text, where, element);
            var offset = Offset.FromTimeSpan(parsed.Offset);
            return (at, HomeZone.GetUtcOffset(at) == offset ? HomeZone.Id : JournalTime.FixedZone(offset).Id);
        }

        throw new InvalidInputException($"{where} has no {element} with a time and a UTC offset (got '{Cut(text)}').");
    }

    /// <summary>A dateTime with an offset, or a date alone as midnight UTC (how medications are dated).</summary>
    /// <exception cref="InvalidInputException">Neither, or outside 1970–2200.</exception>
    public Instant Since(string text, string where, string element) =>
        text.Length == 10 ? Day(text, where, element).AtStartOfDayInZone(DateTimeZone.Utc).ToInstant() : At(text, where, element).At;

    /// <summary>A date (the first ten characters of a FHIR date or dateTime) within 1970–2200.</summary>
    /// <exception cref="InvalidInputException">Not a date, or outside 1970–2200.</exception>
    public static LocalDate Day(string? text, string where, string element)
    {
        if (text is { Length: >= 10 } && DateOnly.TryParseExact(text[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return day.Year is >= 1970 and <= 2200 ? LocalDate.FromDateOnly(day) : throw OutOfRange(text, where, element);
        }

        throw new InvalidInputException($"{where} has no date in {element} (got '{Cut(text)}').");
    }

    private static Instant Within(Instant at, string text, string where, string element) =>
        at >= JournalTime.Earliest && at < JournalTime.Latest ? at : throw OutOfRange(text, where, element);

    private static InvalidInputException OutOfRange(string text, string where, string element) =>
        new($"{where} has {element} '{Cut(text)}', outside the years 1970–2200 a journal holds.");

    /// <summary>Echoed text is cut at 40 characters, so a hostile value cannot flood the message.</summary>
    internal static string Cut(string? text) => text is { Length: > 40 } ? text[..40] + "…" : text ?? "";
}
