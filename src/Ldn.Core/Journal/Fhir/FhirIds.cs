using System.Security.Cryptography;
using System.Text;

namespace Ldn.Core.Journal.Fhir;

/// <summary>
/// Name-based UUIDs (RFC 9562 version 5: SHA-1 of the URL namespace and a name) for the entries of the
/// FHIR export, so that the same journal entry gets the same <c>urn:uuid:</c> in every export. The name is
/// <c>https://ldn-workbench.example/fhir/</c> followed by the parts joined with '/', e.g.
/// <c>.../dose/42</c>; any UUID library's v5 with the URL namespace gives the same value.
/// </summary>
public static class FhirIds
{
    public const string NamePrefix = "https://ldn-workbench.example/fhir/";

    /// <summary>The RFC 9562 URL namespace, 6ba7b811-9dad-11d1-80b4-00c04fd430c8, in network byte order.</summary>
    private static readonly byte[] UrlNamespace = [0x6b, 0xa7, 0xb8, 0x11, 0x9d, 0xad, 0x11, 0xd1, 0x80, 0xb4, 0x00, 0xc0, 0x4f, 0xd4, 0x30, 0xc8];

    public static string Urn(params string[] parts) => "urn:uuid:" + Uuid(parts);

    public static string Uuid(params string[] parts)
    {
        var name = Encoding.UTF8.GetBytes(NamePrefix + string.Join('/', parts));
        var input = new byte[UrlNamespace.Length + name.Length];
        UrlNamespace.CopyTo(input, 0);
        name.CopyTo(input, UrlNamespace.Length);
        // SHA-1 is what RFC 9562 prescribes for version 5; this is an identifier, not a security measure.
#pragma warning disable CA5350
        var hash = SHA1.HashData(input);
#pragma warning restore CA5350
        hash[6] = (byte)((hash[6] & 0x0f) | 0x50);
        hash[8] = (byte)((hash[8] & 0x3f) | 0x80);
        var hex = Convert.ToHexStringLower(hash.AsSpan(0, 16));
        return $"{hex[..8]}-{hex[8..12]}-{hex[12..16]}-{hex[16..20]}-{hex[20..32]}";
    }
}
