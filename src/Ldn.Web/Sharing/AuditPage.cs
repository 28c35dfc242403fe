using System.Globalization;
using System.Text;
using Ldn.Core;
using Microsoft.AspNetCore.WebUtilities;
using NodaTime.Text;

namespace Ldn.Web.Sharing;

/// <summary>
/// Where a page of the audit log starts and how long it is, read from <c>?before=</c> and <c>?limit=</c>:
/// <c>before</c> is an ISO 8601 instant (<c>2026-12-01T12:00:00Z</c>; entries read strictly earlier) or the
/// opaque <c>next</c> cursor of the page before (entries older than the last one shown); <c>limit</c> is 1–200,
/// default 50. A cursor names an entry's position only, so one made for another patient shows nothing of theirs.
/// </summary>
internal sealed record AuditPage(DateTimeOffset? BeforeInstant, long? BeforeId, int Limit)
{
    public const int DefaultLimit = 50;

    public const int MaxLimit = 200;

    private const string CursorPrefix = "audit:";

    public static AuditPage First { get; } = new(null, null, DefaultLimit);

    /// <summary>Reads the query values.</summary>
    /// <exception cref="InvalidInputException">A limit outside 1–200 or not a number; a <c>before</c> neither an instant nor a cursor.</exception>
    public static AuditPage Parse(string? before, string? limit)
    {
        var count = DefaultLimit;
        if (!string.IsNullOrWhiteSpace(limit)
            && (!int.TryParse(limit.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out count) || count is < 1 or > MaxLimit))
        {
            throw new InvalidInputException($"limit is the number of audit entries to show, a whole number from 1 to {MaxLimit}; '{Short(limit)}' is not.");
        }

        if (string.IsNullOrWhiteSpace(before))
        {
            return new AuditPage(null, null, count);
        }

        var text = before.Trim();
        if (InstantPattern.ExtendedIso.Parse(text) is { Success: true } instant)
        {
            return new AuditPage(instant.Value.ToDateTimeOffset(), null, count);
        }

        if (OffsetDateTimePattern.ExtendedIso.Parse(text) is { Success: true } offset)
        {
            return new AuditPage(offset.Value.ToInstant().ToDateTimeOffset(), null, count);
        }

        return Cursor(text) is { } id
            ? new AuditPage(null, id, count)
            : throw new InvalidInputException($"before is an ISO 8601 instant such as 2026-12-01T12:00:00Z or the \"next\" value of an earlier page; '{Short(before)}' is neither.");
    }

    /// <summary>The cursor that continues after the entry <paramref name="id"/> (the last one shown).</summary>
    public static string CursorAfter(long id) =>
        WebEncoders.Base64UrlEncode(Encoding.ASCII.GetBytes(CursorPrefix + id.ToString(CultureInfo.InvariantCulture)));

    private static long? Cursor(string text)
    {
        if (text.Length > 64)
        {
            return null;
        }

        try
        {
            var decoded = Encoding.ASCII.GetString(WebEncoders.Base64UrlDecode(text));
            return decoded.StartsWith(CursorPrefix, StringComparison.Ordinal)
                && long.TryParse(decoded.AsSpan(CursorPrefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0
                ? id
                : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private static string Short(string text) => text.Length <= 40 ? text : string.Concat(text.AsSpan(0, 40), "…");
}

/// <summary>A page of the audit log, newest first, and the cursor of the next (older) page, or null when there is none.</summary>
internal sealed record AuditSlice(IReadOnlyList<AuditView> Entries, string? Next);
