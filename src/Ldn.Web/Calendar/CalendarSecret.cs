using System.Buffers.Text;
using System.Security.Cryptography;

namespace Ldn.Web.Calendar;

/// <summary>
/// The secret of a calendar feed address: 256 random bits from <see cref="RandomNumberGenerator"/>, written
/// base64url without padding (43 characters), and stored only as its SHA-256 (<see cref="CalendarToken.Hash"/>).
/// Equal hashes are looked up by an index: the secret is as long as a key, so a lookup's timing reveals
/// nothing an attacker can use (they would need a preimage of the hash).
/// </summary>
internal static class CalendarSecret
{
    private const int Bytes = 32;

    /// <summary>A new secret and its hash.</summary>
    public static (string Secret, byte[] Hash) New()
    {
        var bytes = RandomNumberGenerator.GetBytes(Bytes);
        return (Base64Url.EncodeToString(bytes), SHA256.HashData(bytes));
    }

    /// <summary>The hash of <paramref name="text"/> when it has the shape of a secret (43 base64url characters), else null.</summary>
    public static byte[]? HashOf(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length != Base64Url.GetEncodedLength(Bytes) || !Base64Url.IsValid(text))
        {
            return null;
        }

        var bytes = new byte[Bytes];
        return Base64Url.TryDecodeFromChars(text, bytes, out var written) && written == Bytes ? SHA256.HashData(bytes) : null;
    }
}
