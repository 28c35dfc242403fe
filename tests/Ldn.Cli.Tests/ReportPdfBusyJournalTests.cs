using Ldn.Cli.Commands.Journal;
using Xunit;
using Xunit.Abstractions;

namespace Ldn.Cli.Tests;

/// <summary>
/// The summary page holds for a journal far busier than the demo: twenty scales (fifteen of the patient's own
/// with no check-ins yet), ten medications of which five are opioids, and seven severe side effects with long
/// notes. Before the summary capped its rows, such a journal pushed the summary's last lines onto page 2.
/// </summary>
public sealed class ReportPdfBusyJournalTests(ITestOutputHelper output)
{
    private static readonly string[] OwnScales =
    [
        "brain fog", "joint stiffness", "morning stiffness", "itch", "bloating", "anxiety level", "headache score",
        "dizziness", "energy", "appetite", "motivation", "concentration", "tinnitus", "cold hands", "restlessness",
    ];

    private static readonly string[] Medications =
    [
        "tramadol", "codeine 30 mg", "levothyroxine 50 µg", "thioridazine", "oxycodone", "hydrocodone",
        "buprenorphine patch", "sertraline 50 mg", "metformin 500 mg", "ibuprofen 400 mg",
    ];

    private static readonly string[] SideEffects = ["nausea", "headache", "insomnia", "diarrhoea", "anxiety", "fatigue", "palpitations"];

    [Fact]
    public void A_busy_journal_still_has_a_one_page_summary_and_no_overlapping_text()
    {
        if (HeadlessChromium.Find(output) is null || !PdfLayout.Available(output))
        {
            return;
        }

        var folder = Directory.CreateTempSubdirectory("ldn-report-busy-");
        try
        {
            var db = Path.Combine(folder.FullName, "journal.db");
            var pdf = Path.Combine(folder.FullName, "report.pdf");
            using (JournalContext.UseClock(ReportPdfFixture.Now))
            {
                Run("journal", "demo", "--days", "200", "--db", db);
                foreach (var scale in OwnScales)
                {
                    Run("journal", "scale", "add", scale, "--higher-is-worse", "--db", db);
                }

                foreach (var medication in Medications)
                {
                    Run("journal", "medication", "add", medication, "--since", "2026-11-01 08:00", "--yes", "--db", db);
                }

                var note = string.Concat(Enumerable.Repeat("A long note about how this side effect goes. ", 40));
                foreach (var kind in SideEffects)
                {
                    Run("journal", "side-effect", kind, "--severity", "severe", "--from", "2026-11-20 22:00", "--note", note, "--yes", "--db", db);
                }

                Run("report", "--db", db, "--out", Path.Combine(folder.FullName, "report.html"), "--pdf", pdf, "--today", "2026-12-01");
            }

            var page1 = PdfLayout.PageText(pdf, 1);
            var page2 = PdfLayout.PageText(pdf, 2);
            output.WriteLine($"{PdfLayout.Pages(pdf)} pages");
            output.WriteLine(page1);

            // The summary's last line is on page 1, and page 2 is the detail from its first heading.
            Assert.Contains("follows on the next pages", page1, StringComparison.Ordinal);
            Assert.StartsWith("Patient and period", page2, StringComparison.Ordinal);

            // Capped, and what was left out is counted rather than dropped silently.
            Assert.Contains("more in the safety section", page1, StringComparison.Ordinal);
            Assert.Contains("Not enough check-ins yet to compare: brain fog, joint stiffness", page1, StringComparison.Ordinal);
            Assert.Contains("and 10 more", page1, StringComparison.Ordinal);

            var overlaps = PdfLayout.Overlaps(PdfLayout.Words(pdf));
            foreach (var (a, b) in overlaps.Take(10))
            {
                output.WriteLine($"page {a.Page}: '{a.Text}' over '{b.Text}'");
            }

            Assert.Empty(overlaps);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static void Run(params string[] args)
    {
        var (code, stdout, stderr) = CliRunner.Run(args);
        Assert.True(code == 0, $"ldn {string.Join(' ', args)} failed ({code}): {stderr}{stdout}");
    }
}
