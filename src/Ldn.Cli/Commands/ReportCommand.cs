using System.CommandLine;
using System.Diagnostics;
using Ldn.Cli.Commands.Journal;
using Ldn.Cli.Output;
using Ldn.Core;
using Ldn.Core.Advice;
using Ldn.Core.Journal;
using Ldn.Core.Journal.Analysis;
using Ldn.Core.Protocols;
using Ldn.Core.Safety;
using Ldn.Reports;
using NodaTime;

namespace Ldn.Cli.Commands;

/// <summary>
/// <c>ldn report --out FILE.html [--pdf FILE.pdf]</c>: the prescriber's report of the journal
/// (<see cref="JournalReport"/>) as one self-contained HTML page, and optionally a PDF printed from it by
/// headless Chromium. Both files are written atomically (complete or absent).
/// </summary>
internal static class ReportCommand
{
    /// <summary>Chromium gets this long to print the page; a hung browser is killed.</summary>
    public static readonly TimeSpan PdfTimeout = TimeSpan.FromSeconds(120);

    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var output = new Option<string>("--out") { Description = "The HTML report to write (one self-contained file).", Required = true };
        var pdf = new Option<string?>("--pdf") { Description = "Also print the report to this PDF file (needs Chromium: apt-get install chromium)." };
        var today = new Option<string?>("--today") { Description = "The report day, yyyy-MM-dd (default today): the analysis, safety checks and advice are as of that day." };
        var command = new Command("report", "Write the prescriber's one-page report of the journal: plan and adherence, dose and symptom charts, side effects, the analysis, safety and advice.")
        {
            output, pdf, today, JournalContext.Db,
        };
        command.SetAction(parse =>
        {
            var journalFiles = JournalContext.Files(parse);
            var htmlPath = SafeFile.Check(parse.GetValue(output)!, journalFiles);
            var pdfPath = parse.GetValue(pdf) is { } p ? SafeFile.Check(p, [.. journalFiles, htmlPath]) : null;
            var chromium = pdfPath is null ? null : FindChromium();

            var (store, journal) = JournalContext.OpenService(parse);
            string html;
            using (store)
            {
                var (now, zone) = (journal.Now, journal.HomeZone);
                var day = parse.GetValue(today) is { } t ? JournalTime.ParseDate(t, zone, now) : journal.Today;
                html = Build(journal.LoadUpTo(day), day, now.InZone(zone).ToDateTimeOffset(), now: now);
            }

            SafeFile.Write(htmlPath, writer => writer.Write(html), journalFiles);
            ConsoleText.Line(stdout, $"Wrote the report to {parse.GetValue(output)}.");
            if (pdfPath is null)
            {
                return LdnApp.Success;
            }

            if (chromium is null)
            {
                stderr.WriteLine($"--pdf needs Chromium (apt-get install chromium); the HTML report was written to {parse.GetValue(output)}.");
                return LdnApp.BadInput;
            }

            SafeFile.Produce(pdfPath, temporary => PrintToPdf(chromium, htmlPath, temporary), [.. journalFiles, htmlPath]);
            ConsoleText.Line(stdout, $"Wrote the PDF to {parse.GetValue(pdf)}.");
            return LdnApp.Success;
        });
        return command;
    }

    /// <summary>The report as of <paramref name="today"/>: <see cref="JournalReport.Build"/> (the library the web uses too).</summary>
    public static string Build(JournalData data, LocalDate today, DateTimeOffset generatedAt, AnalysisOptions? options = null, Instant? now = null) =>
        JournalReport.Build(data, today, generatedAt, options, now);

    /// <summary>/usr/bin/chromium (Debian), else chromium or chromium-browser on PATH; null if none.</summary>
    internal static string? FindChromium()
    {
        const string debian = "/usr/bin/chromium";
        if (File.Exists(debian))
        {
            return debian;
        }

        var path = Environment.GetEnvironmentVariable("PATH") ?? string.Empty;
        foreach (var folder in path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            foreach (var name in new[] { "chromium", "chromium-browser" })
            {
                var candidate = Path.Combine(folder, name);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        return null;
    }

    /// <summary>Prints <paramref name="htmlPath"/> to <paramref name="pdfPath"/> with headless Chromium in a throw-away profile.</summary>
    internal static void PrintToPdf(string chromium, string htmlPath, string pdfPath)
    {
        var profile = Directory.CreateTempSubdirectory("ldn-report-chromium-");
        try
        {
            var start = new ProcessStartInfo(chromium)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (var argument in new[]
            {
                "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run", "--no-pdf-header-footer", "--user-data-dir=" + profile.FullName,
                "--print-to-pdf=" + pdfPath, new Uri(htmlPath).AbsoluteUri,
            })
            {
                start.ArgumentList.Add(argument);
            }

            using var process = Process.Start(start) ?? throw new InvalidOperationException($"{chromium} did not start.");
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(PdfTimeout))
            {
                process.Kill(entireProcessTree: true);
                throw new InvalidOperationException($"Chromium did not print the PDF within {PdfTimeout.TotalSeconds:0} s.");
            }

            process.WaitForExit();
            _ = stdout.GetAwaiter().GetResult();
            var errors = stderr.GetAwaiter().GetResult();
            if (process.ExitCode != 0 || !File.Exists(pdfPath) || new FileInfo(pdfPath).Length == 0)
            {
                var last = errors.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault() ?? "no message";
                throw new InvalidOperationException($"Chromium could not print the PDF (exit code {process.ExitCode}; {last}).");
            }
        }
        finally
        {
            try
            {
                profile.Delete(recursive: true);
            }
            catch (IOException)
            {
                // A browser helper may still hold a file for a moment; the temp folder is cleaned by the system.
            }
        }
    }
}
