using System.Diagnostics;
using System.Text.Json;
using Xunit;
using Xunit.Abstractions;

namespace Ldn.Tests.Shared;

/// <summary>
/// Runs an independent checker written for Node (tests/ical-check, tests/fhir-check) on a file: installs
/// its pinned npm dependency when missing, writes the text to a temporary file, runs <c>node check.mjs</c>
/// and parses the JSON it prints. One file compiled into each test project that checks with node
/// (linked from tests/Shared), so the Core and Web tests run the same checker the same way. Without node the check notes its absence and returns null, except in CI
/// (<c>LDN_CI=1</c>), where a missing checker fails rather than passes silently.
/// </summary>
/// <param name="folderName">The checker's folder under tests/.</param>
/// <param name="dependency">The npm package whose presence in node_modules means the folder is installed.</param>
/// <param name="what">The checker's name in messages.</param>
/// <param name="output">Where a missing node is noted.</param>
/// <param name="script">The checker in that folder (default <c>check.mjs</c>; tests/ical-check also has <c>check-rrule.mjs</c>).</param>
internal sealed class NodeCheck(string folderName, string dependency, string what, ITestOutputHelper output, string script = "check.mjs")
{
    private static readonly Lock Install = new();

    public JsonDocument? Run(string text, string extension, params string[] extraArgs)
    {
        var folder = Path.Combine(RepositoryRoot(), "tests", folderName);
        if (!OnPath("node") || !OnPath("npm"))
        {
            Assert.True(Environment.GetEnvironmentVariable("LDN_CI") != "1", "node and npm are required in CI (LDN_CI=1) but not on PATH.");
            output.WriteLine($"Not checked with {what}: node and npm are not installed (apt-get install nodejs npm to run this check).");
            return null;
        }

        // Test classes run in parallel: one npm ci at a time, or a second run reads a half-installed folder.
        lock (Install)
        {
            if (!Directory.Exists(Path.Combine(folder, "node_modules", dependency)))
            {
                var (code, _, error) = Execute("npm", folder, "ci", "--no-audit", "--no-fund");
                Assert.True(code == 0, $"npm ci failed in tests/{folderName}: {error}");
            }
        }

        var file = Path.Combine(Path.GetTempPath(), $"ldn-{folderName}-{Guid.NewGuid():N}{extension}");
        try
        {
            File.WriteAllText(file, text);
            var (code, stdout, stderr) = Execute("node", folder, [script, file, .. extraArgs]);
            Assert.True(code == 0, $"{what} could not read the file: {stderr}");
            return JsonDocument.Parse(stdout);
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static string RepositoryRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "LdnWorkbench.slnx")))
        {
            folder = folder.Parent;
        }

        return folder?.FullName ?? throw new InvalidOperationException("The repository root was not found.");
    }

    private static bool OnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator).Any(dir => File.Exists(Path.Combine(dir, program)));

    private static (int Code, string Stdout, string Stderr) Execute(string program, string folder, params string[] args)
    {
        var start = new ProcessStartInfo(program) { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        Assert.True(process.WaitForExit(120_000), $"{program} did not finish within 120 s.");
        return (process.ExitCode, stdout.GetAwaiter().GetResult(), stderr.GetAwaiter().GetResult());
    }
}
