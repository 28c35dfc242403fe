using Ldn.Core;
using Ldn.Core.Journal;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace Ldn.Web.Hosting;

/// <summary>
/// Every error as RFC 9457 problem details with one sentence in <c>detail</c> and never a stack trace or a
/// .NET type name: a user's mistake (<see cref="InvalidInputException"/>) is 400, an entry that needs
/// confirmation 409 with its question codes, a body that is not JSON 400 and a wrong content type 415;
/// anything else is logged and answered 500 without details.
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
        StatusCodes.Status415UnsupportedMediaType => "Send the body as JSON (Content-Type: application/json).",
        StatusCodes.Status413PayloadTooLarge => "The request body is too large.",
        _ when bad.InnerException is System.Text.Json.JsonException { Path: { Length: > 1 } path } => $"The request body is not valid JSON for this route (at {path}).",
        _ when bad.InnerException is System.Text.Json.JsonException => "The request body is not valid JSON for this route.",
        _ when bad.Message.Contains("body", StringComparison.OrdinalIgnoreCase) => "The request needs a JSON body.",
        _ => "The request is malformed (a query value or header is not of the expected kind).",
    };

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled error on {Method} {Path}")]
    private static partial void Unhandled(ILogger logger, Exception exception, string method, PathString path);
}
