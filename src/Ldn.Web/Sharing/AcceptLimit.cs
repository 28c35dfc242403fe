using System.Security.Claims;
using System.Threading.RateLimiting;

namespace Ldn.Web.Sharing;

/// <summary>
/// A limit on accepting invitation codes (<c>POST /api/sharing/accept</c> and the <c>/sharing/accept</c> page):
/// per signed-in account <c>Ldn:AcceptPerMinute</c> attempts a minute (default 10) and per client address
/// <c>Ldn:AcceptPerMinutePerAddress</c> (default 60; several clinicians may share a clinic's address). A code
/// has 50 random bits and expires, so guessing is already out of reach; the limit keeps anyone from trying.
/// Every attempt counts, accepted or not. Over the limit: <see cref="SharingRefusal"/> 429 with one sentence,
/// and <c>Retry-After: 60</c>. One per application (singleton): the windows are in memory, per instance.
/// </summary>
internal sealed class AcceptLimit : IDisposable
{
    public const string PerAccountKey = "Ldn:AcceptPerMinute";

    public const string PerAddressKey = "Ldn:AcceptPerMinutePerAddress";

    private readonly PartitionedRateLimiter<HttpContext> limiter;

    public AcceptLimit(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var perAccount = configuration.GetValue(PerAccountKey, 10);
        var perAddress = configuration.GetValue(PerAddressKey, 60);
        limiter = PartitionedRateLimiter.CreateChained(
            PartitionedRateLimiter.Create<HttpContext, string>(http =>
                RateLimitPartition.GetFixedWindowLimiter("account:" + (http.User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "anonymous"), _ => Window(perAccount))),
            PartitionedRateLimiter.Create<HttpContext, string>(http =>
                RateLimitPartition.GetFixedWindowLimiter("address:" + (http.Connection.RemoteIpAddress?.ToString() ?? "unknown"), _ => Window(perAddress))));
    }

    /// <summary>Counts one attempt to accept a code.</summary>
    /// <exception cref="SharingRefusal">429: too many attempts from this account or address in the last minute.</exception>
    public void Check(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        using var lease = limiter.AttemptAcquire(http);
        if (!lease.IsAcquired)
        {
            http.Response.Headers.RetryAfter = "60";
            throw new SharingRefusal(StatusCodes.Status429TooManyRequests, "Too many attempts to accept an invitation code; wait a minute and check the code with the patient.");
        }
    }

    public void Dispose() => limiter.Dispose();

    private static FixedWindowRateLimiterOptions Window(int permits) =>
        new() { PermitLimit = Math.Max(permits, 1), Window = TimeSpan.FromMinutes(1), QueueLimit = 0 };
}
