using System.Text;
using System.Text.Json;
using Hl7.Fhir.Model;
using Ldn.Core;

namespace Ldn.Interop.Fhir;

/// <summary>
/// The checks a bundle passes before any entry is mapped, each refusal one sentence naming the file:
/// JSON nested at most <see cref="MaxDepth"/> levels (checked by a reader before the SDK parses it), a
/// Bundle of type collection, transaction, batch or searchset, at most <see cref="MaxEntries"/> entries,
/// no <c>fullUrl</c> or resource id twice, and every <c>urn:</c> reference (which can only name an entry
/// of the same bundle) pointing at one.
/// </summary>
internal static class FhirBundleChecks
{
    /// <summary>FHIR resources nest a few levels (a Bundle's entry's Observation's code's coding: 6); 64 is far beyond any real one.</summary>
    public const int MaxDepth = 64;

    /// <summary>A ten-year journal exports to about 30,000 entries (a dose, a check-in panel and five scores a day); 200,000 is far beyond it.</summary>
    public const int MaxEntries = 200_000;

    /// <summary>The bundle types that carry a set of resources; a document, message or history means something else.</summary>
    private static readonly Hl7.Fhir.Model.Bundle.BundleType[] Accepted =
        [Hl7.Fhir.Model.Bundle.BundleType.Collection, Hl7.Fhir.Model.Bundle.BundleType.Transaction, Hl7.Fhir.Model.Bundle.BundleType.Batch, Hl7.Fhir.Model.Bundle.BundleType.Searchset];

    /// <summary>Reads the whole text once without building anything, refusing what is not JSON, nests too deep or has too many entries.</summary>
    /// <exception cref="InvalidInputException">Not JSON, nested deeper than <see cref="MaxDepth"/>, or more than <see cref="MaxEntries"/> entries.</exception>
    public static void Json(string json, string sourceName)
    {
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json), new JsonReaderOptions { MaxDepth = 2 * MaxDepth });
        var (property, entries) = ("", 0);
        try
        {
            while (reader.Read())
            {
                if (reader.CurrentDepth >= MaxDepth)
                {
                    throw new InvalidInputException($"'{sourceName}' nests JSON deeper than {MaxDepth} levels, which no FHIR Bundle does.");
                }

                // Entries are counted here, before the SDK builds an object for each.
                if (reader.TokenType == JsonTokenType.PropertyName && reader.CurrentDepth == 1)
                {
                    property = reader.GetString() ?? "";
                }
                else if (reader.TokenType == JsonTokenType.StartObject && reader.CurrentDepth == 2 && property == "entry" && ++entries > MaxEntries)
                {
                    throw new InvalidInputException($"'{sourceName}' has more than {MaxEntries} entries, which is more than the import takes.");
                }
            }
        }
        catch (JsonException e)
        {
            throw new InvalidInputException($"'{sourceName}' is not JSON (line {(e.LineNumber ?? 0) + 1}).", e);
        }
    }

    /// <exception cref="InvalidInputException">A bundle type, duplicate or dangling reference the import refuses.</exception>
    public static void Entries(Bundle bundle, string sourceName)
    {
        if (bundle.Type is not { } type || !Accepted.Contains(type))
        {
            throw new InvalidInputException(
                $"'{sourceName}' is a Bundle of type '{bundle.TypeElement?.JsonValue ?? "none"}'; the import takes collection, transaction, batch and searchset bundles.");
        }

        var urls = new Dictionary<string, int>(StringComparer.Ordinal);
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < bundle.Entry.Count; i++)
        {
            var entry = bundle.Entry[i];
            if (entry.FullUrl is { Length: > 0 } url && !urls.TryAdd(url, i))
            {
                throw new InvalidInputException($"Entries {urls[url] + 1} and {i + 1} of '{sourceName}' have the same fullUrl '{FhirImportContext.Cut(url)}'.");
            }

            if (entry.Resource is { Id: { Length: > 0 } id } resource && !ids.TryAdd($"{resource.TypeName}/{id}", i))
            {
                throw new InvalidInputException($"Entries {ids[$"{resource.TypeName}/{id}"] + 1} and {i + 1} of '{sourceName}' are both {resource.TypeName} '{FhirImportContext.Cut(id)}'.");
            }
        }

        for (var i = 0; i < bundle.Entry.Count; i++)
        {
            foreach (var reference in References(bundle.Entry[i].Resource))
            {
                if (reference.Reference is { } target && target.StartsWith("urn:", StringComparison.Ordinal) && !urls.ContainsKey(target))
                {
                    throw new InvalidInputException($"Entry {i + 1} of '{sourceName}' refers to '{FhirImportContext.Cut(target)}', which is not an entry of the bundle.");
                }
            }
        }
    }

    /// <summary>Every reference anywhere in <paramref name="element"/>, found through the SDK's element walk.</summary>
    private static IEnumerable<ResourceReference> References(Base? element)
    {
        if (element is null)
        {
            yield break;
        }

        if (element is ResourceReference reference)
        {
            yield return reference;
        }

        foreach (var (_, value) in element.EnumerateElements())
        {
            var children = value switch
            {
                Base child => [child],
                IEnumerable<Base> list => list,
                _ => [],
            };
            foreach (var child in children)
            {
                foreach (var found in References(child))
                {
                    yield return found;
                }
            }
        }
    }
}
