using System.Net;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.Options;

namespace Ldn.Web.Hosting;

/// <summary>
/// HTTPS when, and only when, an https address is configured (issue 11 §5): then requests are redirected to
/// HTTPS (except from loopback, so a local http address beside it keeps working), HSTS is sent (ASP.NET leaves
/// it off for localhost), and every cookie is Secure. Without one — plain http on loopback, for tests, or
/// behind a TLS proxy — nothing redirects and cookies are Secure exactly when the request came over HTTPS.
/// </summary>
internal static class HttpsPolicy
{
    /// <summary>
    /// Whether the addresses the server listens on include HTTPS: <paramref name="urls"/> is the host's
    /// <c>urls</c> setting (<c>--urls</c>, <c>ASPNETCORE_URLS</c>, <c>DOTNET_URLS</c>; several separated by <c>;</c>),
    /// <paramref name="httpsPorts"/> its <c>https_ports</c> (<c>ASPNETCORE_HTTPS_PORTS</c>), and
    /// <paramref name="endpointUrls"/> the <c>Kestrel:Endpoints:*:Url</c> settings.
    /// </summary>
    public static bool IsConfigured(string? urls, string? httpsPorts, IEnumerable<string?> endpointUrls)
    {
        ArgumentNullException.ThrowIfNull(endpointUrls);
        return !string.IsNullOrWhiteSpace(httpsPorts)
            || (urls ?? "").Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Any(IsHttps)
            || endpointUrls.Any(url => url is not null && IsHttps(url.Trim()));
    }

    /// <summary><see cref="IsConfigured(string?, string?, IEnumerable{string?})"/> on the host's configuration.</summary>
    public static bool IsConfigured(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return IsConfigured(
            configuration["urls"],
            configuration["https_ports"],
            configuration.GetSection("Kestrel:Endpoints").GetChildren().Select(endpoint => endpoint["Url"]));
    }

    /// <summary>Secure cookies: Always when an https address is configured, otherwise as the request came.</summary>
    public static IServiceCollection AddHttpsPolicy(this IServiceCollection services)
    {
        // A null name: every cookie scheme (the Identity cookie, the passkey ceremony's, the external one).
        services.AddSingleton<IPostConfigureOptions<CookieAuthenticationOptions>>(provider => new PostConfigureOptions<CookieAuthenticationOptions, IConfiguration>(
            null, provider.GetRequiredService<IConfiguration>(), (options, configuration) => options.Cookie.SecurePolicy = SecurePolicy(configuration)));
        services.AddOptions<AntiforgeryOptions>().PostConfigure<IConfiguration>((options, configuration) => options.Cookie.SecurePolicy = SecurePolicy(configuration));
        return services;
    }

    /// <summary>HSTS and the redirection to HTTPS, when an https address is configured.</summary>
    public static IApplicationBuilder UseHttpsWhenConfigured(this IApplicationBuilder app, IConfiguration configuration)
    {
        if (IsConfigured(configuration))
        {
            app.UseHsts();
            app.UseWhen(context => context.Connection.RemoteIpAddress is not { } address || !IPAddress.IsLoopback(address), https => https.UseHttpsRedirection());
        }

        return app;
    }

    private static CookieSecurePolicy SecurePolicy(IConfiguration configuration) =>
        IsConfigured(configuration) ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;

    private static bool IsHttps(string url) => url.StartsWith("https://", StringComparison.OrdinalIgnoreCase);
}
