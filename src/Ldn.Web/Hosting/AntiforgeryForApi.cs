using Ldn.Web.Accounts;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Ldn.Web.Hosting;

/// <summary>
/// Cross-site request forgery defence for the JSON API (issue 11 §4): a state-changing request (POST, PUT,
/// PATCH, DELETE) under <c>/api</c> that is not signed in by a bearer token is refused 403 when it comes from
/// another site (an <c>Origin</c> header naming another host, or <c>Sec-Fetch-Site: cross-site</c>), and, when
/// the Identity cookie signs it in, 400 unless it carries the antiforgery token of <see cref="IAntiforgery"/> in
/// the <c>RequestVerificationToken</c> header (from <c>GET /api/account/antiforgery</c>). A bearer request
/// passes: another site cannot make a browser send one. Anonymous requests (register, login) need no token,
/// but are still refused from another site (no sign-in forced on a visitor by a foreign page).
/// Razor Pages validate their own form tokens; this covers only <c>/api</c>.
/// </summary>
internal static class AntiforgeryForApi
{
    /// <summary>The header that carries the request token.</summary>
    public const string HeaderName = "RequestVerificationToken";

    public static IServiceCollection AddAntiforgeryForApi(this IServiceCollection services) =>
        services.AddAntiforgery(options =>
        {
            options.HeaderName = HeaderName;
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Strict;
        });

    public static IApplicationBuilder UseAntiforgeryForApi(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (IsChange(context.Request.Method) && context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase)
                && !await BearerRequests.IsBearerAsync(context).ConfigureAwait(false))
            {
                if (IsCrossSite(context.Request))
                {
                    await RefuseAsync(context, StatusCodes.Status403Forbidden, "Requests from another site are refused.").ConfigureAwait(false);
                    return;
                }

                var antiforgery = context.RequestServices.GetRequiredService<IAntiforgery>();
                if (context.User.Identity?.IsAuthenticated == true && !await antiforgery.IsRequestValidAsync(context).ConfigureAwait(false))
                {
                    await RefuseAsync(context, StatusCodes.Status400BadRequest, $"A change signed in by the cookie needs the antiforgery token from GET /api/account/antiforgery in the {HeaderName} header.").ConfigureAwait(false);
                    return;
                }
            }

            await next(context).ConfigureAwait(false);
        });

    /// <summary><c>GET /api/account/antiforgery</c>: sets the antiforgery cookie and answers <c>{ "token", "headerName" }</c>; the token belongs to the account signed in (ask again after signing in).</summary>
    public static Ok<AntiforgeryToken> Token(HttpContext context, IAntiforgery antiforgery)
    {
        var tokens = antiforgery.GetAndStoreTokens(context);
        return TypedResults.Ok(new AntiforgeryToken(tokens.RequestToken!, tokens.HeaderName ?? HeaderName));
    }

    private static bool IsChange(string method) => HttpMethods.IsPost(method) || HttpMethods.IsPut(method) || HttpMethods.IsPatch(method) || HttpMethods.IsDelete(method);

    /// <summary>
    /// Another site, as the browser says it: Sec-Fetch-Site, or an Origin whose host and port are not this
    /// request's (the scheme is not compared: behind a TLS proxy this server sees http for an https origin).
    /// </summary>
    internal static bool IsCrossSite(HttpRequest request)
    {
        if (string.Equals(request.Headers["Sec-Fetch-Site"], "cross-site", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        var origin = request.Headers.Origin.ToString();
        if (origin.Length == 0)
        {
            return false;
        }

        return !Uri.TryCreate(origin, UriKind.Absolute, out var uri) || !string.Equals(uri.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase);
    }

    private static async Task RefuseAsync(HttpContext context, int status, string detail)
    {
        context.Response.StatusCode = status;
        var problems = context.RequestServices.GetRequiredService<IProblemDetailsService>();
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new ProblemDetails { Status = status, Title = "Request refused", Detail = detail },
        }).ConfigureAwait(false);
    }
}
