using System.Security.Cryptography;
using System.Text;
using Ldn.Core;

namespace Ldn.Web.Sharing;

/// <summary>
/// Invitation codes: 10 characters of Crockford's base32 (digits and upper-case letters without I, L, O, U;
/// 50 random bits from <see cref="RandomNumberGenerator"/>) written in two groups, e.g. <c>7KQ2M-X9D4T</c>,
/// easy to read aloud and type. Reading one forgives case, spaces, dashes and the look-alikes O→0, I/L→1.
/// Only the SHA-256 of the normalised code is stored.
/// </summary>
internal static class InvitationCodes
{
    private const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    private const int Length = 10;

    /// <summary>A new random code, <c>XXXXX-XXXXX</c>.</summary>
    public static string New()
    {
        var chars = RandomNumberGenerator.GetItems<char>(Alphabet, Length);
        return $"{new string(chars, 0, Length / 2)}-{new string(chars, Length / 2, Length / 2)}";
    }

    /// <summary>The SHA-256 (64 lower-case hex digits) of the code as typed, once normalised.</summary>
    /// <exception cref="InvalidInputException">The text is blank or is not 10 characters of the code's alphabet.</exception>
    public static string Hash(string? typed)
    {
        if (string.IsNullOrWhiteSpace(typed))
        {
            throw new InvalidInputException("Give the invitation code.");
        }

        var code = new StringBuilder(Length);
        foreach (var c in typed)
        {
            if (c is '-' or ' ')
            {
                continue;
            }

            var upper = char.ToUpperInvariant(c) switch
            {
                'O' => '0',
                'I' or 'L' => '1',
                var other => other,
            };
            if (!Alphabet.Contains(upper, StringComparison.Ordinal) || code.Length == Length)
            {
                throw new InvalidInputException("An invitation code is 10 letters and digits, like 7KQ2M-X9D4T.");
            }

            code.Append(upper);
        }

        return code.Length == Length
            ? Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes(code.ToString())))
            : throw new InvalidInputException("An invitation code is 10 letters and digits, like 7KQ2M-X9D4T.");
    }
}
