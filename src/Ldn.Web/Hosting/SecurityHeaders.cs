namespace Ldn.Web.Hosting;

/// <summary>
/// Headers every response carries (issue 11 §5): no MIME sniffing, no framing, no referrer to other sites,
/// and a Content-Security-Policy that allows only this site's own scripts and styles.
/// </summary>
internal static class SecurityHeaders
{
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers.ContentSecurityPolicy = "default-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";
            headers["Referrer-Policy"] = "no-referrer";
            return next(context);
        });
}
