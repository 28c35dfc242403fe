using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace Ldn.Web.Tests;

/// <summary>A clock a test moves (WebHost's own clock is fixed), to make invitations expire.</summary>
internal sealed class SharingClock(Instant now) : IClock
{
    public Instant Now { get; set; } = now;

    public Instant GetCurrentInstant() => Now;

    /// <summary>
    /// A second server over the same storage as <paramref name="host"/> whose clock is this one. An account
    /// made on <paramref name="host"/> signs in here with <see cref="OnAsync"/>.
    /// </summary>
    public WebApplicationFactory<Program> Serve(WebHost host) =>
        host.WithWebHostBuilder(builder => builder.ConfigureTestServices(services => services.AddSingleton<IClock>(this)));

    /// <summary>The account signed in on <paramref name="server"/>.</summary>
    public static async Task<Account> OnAsync(WebApplicationFactory<Program> server, Account account)
    {
        ArgumentNullException.ThrowIfNull(server);
        ArgumentNullException.ThrowIfNull(account);
        var moved = account with { Client = server.CreateClient() };
        await moved.SignInAsync();
        return moved;
    }
}
