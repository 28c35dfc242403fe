using BenchmarkDotNet.Attributes;
using Ldn.Cli.Commands;
using Ldn.Core.Journal;
using Ldn.Storage;
using NodaTime;

namespace Ldn.Bench;

/// <summary>
/// Issue 5's report figure: what <c>ldn report</c> does for a 10-year journal, minus writing the file —
/// load the whole journal from a SQLite store, analyse it (with the model predictions), evaluate safety and
/// advice, and render the HTML page. Two journals: the 10-year demo patient (≈7,000 entries: a dose and
/// most days a check-in) and the denser journal of <see cref="JournalAnalysisBenchmark"/> (≈20,000
/// entries: 4–5 check-ins a day).
/// </summary>
[MemoryDiagnoser]
public class JournalReportBenchmark
{
    private static readonly LocalDate DemoLastDay = new(2026, 3, 1);

    private readonly LocalDate _denseLastDay = new LocalDate(2015, 1, 1).PlusDays(3649);

    private DirectoryInfo? _folder;
    private IJournalStore? _store;

    [Params("demo", "dense")]
    public string Journal { get; set; } = "demo";

    private LocalDate Today => Journal == "demo" ? DemoLastDay : _denseLastDay;

    [GlobalSetup]
    public void Setup()
    {
        _folder = Directory.CreateTempSubdirectory("ldn-bench-report-");
        _store = JournalStores.Open(Path.Combine(_folder.FullName, "journal.db"));
        _store.Import(Journal == "demo"
            ? DemoJournal.Create(42, DemoLastDay, 3650, DateTimeZoneProviders.Tzdb["Europe/London"])
            : JournalAnalysisBenchmark.TenYears());
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _store?.Dispose();
        _folder?.Delete(recursive: true);
    }

    [Benchmark(Description = "load + analyse + render the report of a 10-year journal")]
    public string LoadAnalyzeRender()
    {
        var data = _store!.Load();
        return ReportCommand.Build(data, Today, DateTimeOffset.UnixEpoch);
    }
}
