using System.Text.Json.Serialization;
using System.Threading.RateLimiting;
using Ldn.Web.Accounts;
using Ldn.Web.Calendar;
using Ldn.Web.Journal;
using Microsoft.AspNetCore.DataProtection;
using Ldn.Web.Sharing;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using NodaTime;

namespace Ldn.Web.Hosting;

/// <summary>
/// The web workbench's composition: storage (<see cref="WebStorage"/>), Identity accounts with bearer
/// tokens and cookies, the rate limit on sign-in, problem details for every error, the OpenAPI document at
/// <c>/openapi/v1.json</c> (in every environment) and the API routes. Settings are read when services are
/// first resolved, so tests can set them through the host.
/// </summary>
internal static class WebApp
{
    /// <summary>Sign-ins and registrations allowed per client address and minute (issue 11: at least 20).</summary>
    public const string SignInPerMinuteKey = "Ldn:SignInPerMinute";

    /// <summary>The policy of every page: signed in with the Identity cookie.</summary>
    public const string PagesPolicy = "pages";

    public static WebApplication Build(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.Configuration.AddCommandLine(args, new Dictionary<string, string>(StringComparer.Ordinal) { ["--db"] = WebStorage.DatabaseKey });
        Configure(builder.Services);
        var app = builder.Build();
        Configure(app);
        return app;
    }

    private static void Configure(IServiceCollection services)
    {
        services.AddSingleton<WebStorage>();
        services.AddHostedService<PrepareOnStart>();
        services.AddSingleton<IClock>(SystemClock.Instance);
        services.AddScoped<PatientJournals>();
        services.AddScoped<AccountRegistration>();
        services.AddScoped<AccountActions>();
        services.AddScoped<Ldn.Web.Calendar.CalendarTokens>();
        // Pages are for signed-in accounts unless a page model says [AllowAnonymous]; they sign in with the
        // cookie, so their challenge is the sign-in page (the default scheme's challenge is the bearer's 401).
        services.AddRazorPages(options => options.Conventions.AuthorizeFolder("/", PagesPolicy));
        SharingEndpoints.AddServices(services);
        services.AddDbContext<AccountsDb>((provider, options) => provider.GetRequiredService<WebStorage>().ConfigureAccounts(options));
        services.AddIdentityApiEndpoints<WebUser>(options =>
            {
                options.User.RequireUniqueEmail = true;
                options.Password.RequiredLength = 8;
                options.Lockout.AllowedForNewUsers = true;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                options.Stores.SchemaVersion = IdentitySchemaVersions.Version3; // the passkeys table
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<AccountsDb>();
        services.ConfigureApplicationCookie(options =>
        {
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Strict;
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            // An API answers 401/403; a page sends the browser to the sign-in page and back.
            options.LoginPath = "/login";
            options.Events.OnRedirectToLogin = context => IsApi(context.Request)
                ? Status(context.Response, StatusCodes.Status401Unauthorized)
                : Redirect(context.Response, context.RedirectUri);
            // A wrong role is 403 for pages too: a redirect would hide why.
            options.Events.OnRedirectToAccessDenied = context => Status(context.Response, StatusCodes.Status403Forbidden);
        });
        services.AddDataProtection().SetApplicationName("ldn-workbench").PersistKeysToDbContext<AccountsDb>();
        services.AddScoped<IAccountDataRemover, JournalDataRemover>();
        services.AddScoped<IAccountDataRemover, SharingDataRemover>();
        services.AddScoped<IAccountDataRemover, Ldn.Web.Calendar.CalendarDataRemover>();
        services.AddAntiforgeryForApi();
        services.AddHttpsPolicy();
        services.AddAuthorizationBuilder()
            .AddPolicy(JournalEndpoints.PatientPolicy, policy => policy.RequireRole(AccountRoles.Patient))
            .AddPolicy(PagesPolicy, policy => policy.AddAuthenticationSchemes(IdentityConstants.ApplicationScheme).RequireAuthenticatedUser());
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.AddPolicy(AccountEndpoints.SignInLimit, context =>
            {
                var perMinute = context.RequestServices.GetRequiredService<IConfiguration>().GetValue(SignInPerMinuteKey, 20);
                return RateLimitPartition.GetFixedWindowLimiter(
                    context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 });
            });
            SimulateEndpoints.AddLimit(options);
            options.OnRejected = Problems.TooManyAsync;
        });
        // Every detail, whoever wrote it, shows at most 40 characters of an echo and no control characters.
        services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
            context.ProblemDetails.Detail = context.ProblemDetails.Detail is { } detail ? DetailText.Clean(detail) : null);
        services.AddExceptionHandler<Problems>();
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        services.Configure<Microsoft.AspNetCore.Http.Json.JsonOptions>(options => options.SerializerOptions.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow);
        services.AddOpenApi();
        CalendarFeedEndpoint.AddServices(services);
    }

    private static void Configure(WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages(Problems.WriteStatusAsync);
        app.UseHttpsWhenConfigured(app.Configuration);
        app.UseSecurityHeaders();
        app.UseStaticFiles();
        app.UseAuthentication();
        app.UseSecurityStampCheck();
        app.UseAntiforgeryForApi();
        app.UseAuthorization();
        app.UseRateLimiter();
        app.MapOpenApi().AllowAnonymous();
        AccountEndpoints.Map(app);
        JournalEndpoints.Map(app);
        AdviceEndpoints.Map(app);
        PlanEndpoints.Map(app);
        AnalysisEndpoints.Map(app);
        SimulateEndpoints.Map(app);
        ReportEndpoints.Map(app);
        ReportAssets.Map(app);
        PlanVersionEndpoints.Map(app);
        CalendarFeedEndpoint.Map(app);
        SharingEndpoints.Map(app);
        ScaleEndpoints.Map(app);
        app.MapRazorPages();
    }

    /// <summary>A request to the JSON API (answered with status codes, never redirected).</summary>
    public static bool IsApi(HttpRequest request) => request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase);

    private static Task Redirect(HttpResponse response, string uri)
    {
        response.Redirect(uri);
        return Task.CompletedTask;
    }

    private static Task Status(HttpResponse response, int status)
    {
        response.StatusCode = status;
        return Task.CompletedTask;
    }
}
