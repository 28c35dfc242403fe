namespace Ldn.Web.Tests;

/// <summary>
/// One JSON API route of the corpus: method and URL, who calls it (<c>anonymous</c>, <c>patient</c>,
/// <c>clinician</c>, or the accounts kept for <c>password</c> and <c>delete</c>), a valid body (<c>{n}</c> in it
/// becomes the case number, so names and emails stay unique), the fields it reads, whether the body may be left
/// out, whether every request is refused whatever the field (a forged passkey, a passkey nobody has), and whether
/// only the first of its valid requests can succeed (<c>Once</c>: a deletion, an edit that the previous one already
/// made, the cap of 30 scales), so that a valid case may also be refused.
/// </summary>
internal sealed record CorpusRoute(string Method, string Url, string Caller, string? Body, CorpusField[] Fields, bool BodyOptional = false, bool AlwaysRefused = false, bool Once = false)
{
    public override string ToString() => $"{Method} {Url}";
}
