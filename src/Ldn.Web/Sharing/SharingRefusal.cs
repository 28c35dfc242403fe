using Ldn.Web.Hosting;

namespace Ldn.Web.Sharing;

/// <summary>
/// A sharing request refused, with the HTTP status the routes answer and one sentence: 404 when the caller has
/// no active share of that patient (the same sentence whether the patient exists or not, so nothing is
/// revealed), 404 for a code that is unknown, expired or used, 409 for a second acceptance.
/// </summary>
internal sealed class SharingRefusal : Exception
{
    public SharingRefusal()
    {
    }

    public SharingRefusal(string message)
        : base(message)
    {
    }

    public SharingRefusal(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public SharingRefusal(int status, string message)
        : base(message) => Status = status;

    public int Status { get; } = StatusCodes.Status404NotFound;

    /// <summary>The one refusal for a patient id the caller may not read (unknown, never shared, or revoked).</summary>
    public static SharingRefusal NotShared() => new("No patient with this id shares their data with you.");

    /// <summary>An endpoint filter that answers a refusal as problem details with its status and sentence.</summary>
    public static async ValueTask<object?> AsProblem(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(next);
        try
        {
            return await next(context).ConfigureAwait(false);
        }
        catch (SharingRefusal refusal)
        {
            return Problems.Of(refusal.Status, refusal.Message);
        }
    }
}
