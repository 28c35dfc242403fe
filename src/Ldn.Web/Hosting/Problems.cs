using Ldn.Core;
using Ldn.Core.Journal;
using Ldn.Storage;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace Ldn.Web.Hosting;

/// <summary>
/// Every error as RFC 9457 problem details with one sentence in <c>detail</c> and never a stack trace or a
/// .NET type name: a user's mistake (<see cref="InvalidInputException"/>) is 400, an entry that needs
/// confirmation 409 with its question codes, a body that is not JSON 400 (the field named in words,
/// <see cref="BindingSentence"/>) and a wrong content type 415; a failure of the database's environment 503 or
/// 507 with the CLI's sentence (<see cref="StorageErrors"/>); anything else is logged and answered 500 without details. Answers the framework gives without a body
/// get their sentence from <see cref="WriteStatusAsync"/>.
/// </summary>
internal sealed partial class Problems(IProblemDetailsService problems, ILogger<Problems> log) : IExceptionHandler
{
    public static IResult Of(int status, string detail) => TypedResults.Problem(detail, statusCode: status);

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var problem = exception switch
        {
            ConfirmationRequiredException question => Confirmation(question),
            // Before a mistake: a store that cannot open its file wraps the failure in one, with the server's path.
            _ when StorageErrors.Classify(exception) is { } failure => Storage(httpContext, exception, failure),
            InvalidInputException mistake => new ProblemDetails { Status = StatusCodes.Status400BadRequest, Detail = mistake.Message },
            BadHttpRequestException bad => new ProblemDetails { Status = bad.StatusCode, Detail = Describe(bad) },
            _ => null,
        };
        if (problem is null)
        {
            Unhandled(log, exception, httpContext.Request.Method, httpContext.Request.Path);
            problem = new ProblemDetails { Status = StatusCodes.Status500InternalServerError, Detail = "Something went wrong on the server; the error is logged there." };
        }

        httpContext.Response.StatusCode = problem.Status!.Value;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem, Exception = null }).ConfigureAwait(false);
    }

    /// <summary>
    /// The status-code pages' writer (<c>UseStatusCodePages</c>): an answer the framework gives with no body
    /// (a wrong content type refused by routing before the route runs, a method the route does not take, a
    /// missing sign-in) becomes problem details with one sentence in <c>detail</c>, plain text if the client
    /// accepts no JSON.
    /// </summary>
    public static async Task WriteStatusAsync(StatusCodeContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var http = context.HttpContext;
        var status = http.Response.StatusCode;
        var detail = StatusSentence(status);
        var problems = http.RequestServices.GetRequiredService<IProblemDetailsService>();
        if (!await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = new ProblemDetails { Status = status, Detail = detail } }).ConfigureAwait(false))
        {
            http.Response.ContentType = "text/plain; charset=utf-8";
            await http.Response.WriteAsync(detail ?? $"Status {status}.").ConfigureAwait(false);
        }
    }

    /// <summary>The sentence for a body-less answer of <paramref name="status"/>; null for one that needs none.</summary>
    internal static string? StatusSentence(int status) => status switch
    {
        StatusCodes.Status400BadRequest => "The request is malformed.",
        StatusCodes.Status401Unauthorized => "Sign in first (a bearer token or the sign-in cookie).",
        StatusCodes.Status403Forbidden => "Your account may not use this route.",
        StatusCodes.Status404NotFound => "There is nothing at this address.",
        StatusCodes.Status405MethodNotAllowed => "This route does not take this HTTP method.",
        StatusCodes.Status406NotAcceptable => "This route answers only in JSON (Accept: application/json).",
        StatusCodes.Status415UnsupportedMediaType => UnsupportedMediaType,
        _ => null,
    };

    private const string UnsupportedMediaType = "Send the body as JSON (Content-Type: application/json).";

    /// <summary>
    /// The rate limiter's refusal (429, <c>Retry-After: 60</c>) with the sentence of the limit that refused:
    /// problem details for the API (and any client that does not ask for HTML), a short page with the
    /// sentence for a browser on a page.
    /// </summary>
    public static async ValueTask TooManyAsync(OnRejectedContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var http = context.HttpContext;
        var policy = http.GetEndpoint()?.Metadata.GetMetadata<EnableRateLimitingAttribute>()?.PolicyName;
        var detail = policy == Journal.SimulateEndpoints.Limit
            ? "Too many simulations from this address; wait a minute."
            : "Too many sign-in attempts from this address; wait a minute.";
        http.Response.Headers.RetryAfter = "60";
        var wantsPage = !WebApp.IsApi(http.Request)
            && http.Request.GetTypedHeaders().Accept.Any(a => a.MediaType.Equals("text/html", StringComparison.OrdinalIgnoreCase));
        if (wantsPage)
        {
            http.Response.ContentType = "text/html; charset=utf-8";
            await http.Response.WriteAsync(TooManyPage(detail), cancellationToken).ConfigureAwait(false);
            return;
        }

        var problems = http.RequestServices.GetRequiredService<IProblemDetailsService>();
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails = new ProblemDetails { Status = StatusCodes.Status429TooManyRequests, Detail = detail },
        }).ConfigureAwait(false);
    }

    // The refusal comes before any page runs, so it is its own small page (the site's styles, no script).
    private static string TooManyPage(string detail) =>
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        + "<title>Too many requests · LDN Workbench</title>\n<link rel=\"stylesheet\" href=\"/css/site.css\">\n</head>\n<body>\n<main id=\"main\">\n"
        + "<h1>Too many requests</h1>\n<p class=\"error\" role=\"alert\" id=\"rate-limit\">" + System.Net.WebUtility.HtmlEncode(detail) + "</p>\n"
        + "<p><a href=\"/\">LDN Workbench</a></p>\n</main>\n</body>\n</html>\n";

    private static ProblemDetails Confirmation(ConfirmationRequiredException question)
    {
        var problem = new ProblemDetails
        {
            Status = StatusCodes.Status409Conflict,
            Title = "Confirmation required",
            Detail = $"{question.Message}; nothing was stored (send \"confirm\": true to store it).",
        };
        problem.Extensions["questions"] = question.Questions.Select(q => new { code = q.Code, text = q.Text }).ToList();
        return problem;
    }

    private static string Describe(BadHttpRequestException bad) => bad.StatusCode switch
    {
        StatusCodes.Status415UnsupportedMediaType => UnsupportedMediaType,
        StatusCodes.Status413PayloadTooLarge => "The request body is too large.",
        _ => BindingSentence.Of(bad),
    };

    /// <summary>
    /// A failure of the database the server cannot help and the user did not cause, with <see cref="StorageErrors"/>'s
    /// sentence (the CLI's; never a path or password): 503 Service Unavailable, with <c>Retry-After</c> when it passes
    /// by itself (busy, starting up, unreachable, too many connections, shutting down), and 507 Insufficient Storage
    /// for a full disk. Logged as a warning for the operator.
    /// </summary>
    private ProblemDetails Storage(HttpContext http, Exception exception, StorageFailure failure)
    {
        StorageUnavailable(log, exception, failure, http.Request.Method, http.Request.Path);
        var retryAfter = failure switch
        {
            StorageFailure.Busy or StorageFailure.StartingUp or StorageFailure.TooManyConnections => "5",
            StorageFailure.Unreachable or StorageFailure.ShuttingDown => "30",
            _ => null,
        };
        if (retryAfter is not null)
        {
            http.Response.Headers.RetryAfter = retryAfter;
        }

        return new ProblemDetails
        {
            Status = failure == StorageFailure.Full ? StatusCodes.Status507InsufficientStorage : StatusCodes.Status503ServiceUnavailable,
            Detail = StorageErrors.Describe(exception),
        };
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The database failed ({Failure}) on {Method} {Path}")]
    private static partial void StorageUnavailable(ILogger logger, Exception exception, StorageFailure failure, string method, PathString path);

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled error on {Method} {Path}")]
    private static partial void Unhandled(ILogger logger, Exception exception, string method, PathString path);
}
