using Xunit;

namespace Ldn.Web.BrowserTests;

/// <summary>
/// A test that drives Debian's Chromium (<c>/usr/bin/chromium</c>). Without it the test is skipped, saying
/// why, except under CI (<c>LDN_CI=1</c>), where it runs and fails, so CI cannot pass by skipping.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class BrowserFactAttribute : FactAttribute
{
    public BrowserFactAttribute()
    {
        if (!File.Exists(DebianChromium.ExecutablePath) && Environment.GetEnvironmentVariable("LDN_CI") != "1")
        {
            Skip = $"Browser tests skipped: {DebianChromium.ExecutablePath} is not installed (apt-get install chromium; CI does).";
        }
    }
}
