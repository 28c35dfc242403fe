using Ldn.Web.Hosting;
using Microsoft.Extensions.Configuration;
using Xunit;

namespace Ldn.Web.Tests;

/// <summary>When the workbench turns on HTTPS redirection, HSTS and always-Secure cookies: exactly when an https address is configured.</summary>
public sealed class AccountHttpsPolicyTests
{
    [Theory]
    [InlineData(null, null, false)]
    [InlineData("http://localhost:5000", null, false)]
    [InlineData("http://127.0.0.1:8080;http://[::1]:8080", null, false)]
    [InlineData("https://localhost:5001", null, true)]
    [InlineData("http://127.0.0.1:5000; HTTPS://0.0.0.0:443", null, true)]
    [InlineData("http://+:80", "443", true)]
    [InlineData("http://example.org/https://", null, false)]
    public void An_https_url_or_port_turns_https_on(string? urls, string? httpsPorts, bool expected) =>
        Assert.Equal(expected, HttpsPolicy.IsConfigured(urls, httpsPorts, []));

    [Fact]
    public void A_Kestrel_endpoint_with_an_https_url_turns_https_on_from_configuration()
    {
        static IConfiguration Settings(params (string Key, string Value)[] values) =>
            new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => KeyValuePair.Create(v.Key, (string?)v.Value))).Build();

        Assert.False(HttpsPolicy.IsConfigured(Settings()));
        Assert.False(HttpsPolicy.IsConfigured(Settings(("urls", "http://localhost:5000"), ("Kestrel:Endpoints:Web:Url", "http://0.0.0.0:80"))));
        Assert.True(HttpsPolicy.IsConfigured(Settings(("urls", "http://localhost:5000"), ("Kestrel:Endpoints:Secure:Url", "https://0.0.0.0:443"))));
        Assert.True(HttpsPolicy.IsConfigured(Settings(("urls", "https://ldn.example"))));
        Assert.True(HttpsPolicy.IsConfigured(Settings(("https_ports", "8443"))));
    }
}
