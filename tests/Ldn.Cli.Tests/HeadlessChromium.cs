using System.Diagnostics;
using Ldn.Cli.Commands;
using Xunit;
using Xunit.Abstractions;

namespace Ldn.Cli.Tests;

/// <summary>
/// Debian's headless Chromium, which the report tests use to check that every chart really draws. Absent
/// Chromium, a test notes it and checks nothing, except in CI (<c>LDN_CI=1</c>), where that fails.
/// </summary>
internal static class HeadlessChromium
{
    public static string? Find(ITestOutputHelper output)
    {
        var chromium = ReportCommand.FindChromium();
        if (chromium is null)
        {
            Assert.NotEqual("1", Environment.GetEnvironmentVariable("LDN_CI"));
            output.WriteLine("Not checked in a browser: Chromium is not installed (apt-get install chromium to run this check).");
        }

        return chromium;
    }

    /// <summary>The page's DOM after its scripts ran, with a throw-away profile.</summary>
    public static string DumpDom(string chromium, string file, ITestOutputHelper output)
    {
        var profile = Directory.CreateTempSubdirectory("ldn-chromium-profile-");
        try
        {
            var start = new ProcessStartInfo(chromium) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (var argument in new[]
            {
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run", "--user-data-dir=" + profile.FullName, "--dump-dom", new Uri(file).AbsoluteUri,
            })
            {
                start.ArgumentList.Add(argument);
            }

            using var process = Process.Start(start) ?? throw new InvalidOperationException("Chromium did not start.");
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(TimeSpan.FromSeconds(90)))
            {
                process.Kill(entireProcessTree: true);
                Assert.Fail("Chromium did not finish within 90 s.");
            }

            output.WriteLine("chromium stderr: " + stderr.GetAwaiter().GetResult());
            Assert.Equal(0, process.ExitCode);
            return stdout.GetAwaiter().GetResult();
        }
        finally
        {
            profile.Delete(recursive: true);
        }
    }
}
