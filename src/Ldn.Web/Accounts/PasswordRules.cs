using Microsoft.AspNetCore.Identity;

namespace Ldn.Web.Accounts;

/// <summary>
/// Identity's refusal of a new password as one sentence naming everything it lacks ("The new password needs
/// at least 8 characters, a digit and a symbol."), instead of Identity's one sentence per rule.
/// </summary>
internal static class PasswordRules
{
    /// <summary>One sentence for <paramref name="refused"/>: the password rules it breaks, else Identity's first description; <paramref name="subject"/> is what the sentence is about.</summary>
    public static string Sentence(IdentityResult refused, int requiredLength, string subject = "The new password")
    {
        ArgumentNullException.ThrowIfNull(refused);
        var needs = refused.Errors.Select(e => e.Code switch
        {
            nameof(IdentityErrorDescriber.PasswordTooShort) => $"at least {requiredLength} characters",
            nameof(IdentityErrorDescriber.PasswordRequiresUpper) => "an upper-case letter",
            nameof(IdentityErrorDescriber.PasswordRequiresLower) => "a lower-case letter",
            nameof(IdentityErrorDescriber.PasswordRequiresDigit) => "a digit",
            nameof(IdentityErrorDescriber.PasswordRequiresNonAlphanumeric) => "a symbol",
            nameof(IdentityErrorDescriber.PasswordRequiresUniqueChars) => "more different characters",
            _ => null,
        }).OfType<string>().ToList();
        return needs.Count switch
        {
            0 => refused.Errors.Select(e => e.Description).FirstOrDefault() ?? "The password was refused.",
            1 => $"{subject} needs {needs[0]}.",
            _ => $"{subject} needs {string.Join(", ", needs[..^1])} and {needs[^1]}.",
        };
    }
}
