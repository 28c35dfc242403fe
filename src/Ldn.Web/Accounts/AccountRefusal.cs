namespace Ldn.Web.Accounts;

/// <summary>
/// Something an account asked of itself was refused (<see cref="AccountActions"/>), with the HTTP status the
/// routes answer (400: a wrong or weak password, a bad passkey name; 404: a passkey id that is not one of the
/// account's, whoever's it is), a short title, and one sentence that a page shows as it is.
/// </summary>
internal sealed class AccountRefusal : Exception
{
    public AccountRefusal()
    {
    }

    public AccountRefusal(string message)
        : base(message)
    {
    }

    public AccountRefusal(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public AccountRefusal(int status, string title, string message)
        : base(message)
    {
        Status = status;
        Title = title;
    }

    public int Status { get; } = StatusCodes.Status400BadRequest;

    public string Title { get; } = "Refused";

    /// <summary>An endpoint filter that answers a refusal as problem details with its status, title and sentence.</summary>
    public static async ValueTask<object?> AsProblem(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(next);
        try
        {
            return await next(context).ConfigureAwait(false);
        }
        catch (AccountRefusal refusal)
        {
            return TypedResults.Problem(refusal.Message, statusCode: refusal.Status, title: refusal.Title);
        }
    }
}
