using System.CommandLine;
using System.Text.Json;
using Ldn.Cli.Output;
using Ldn.Core;
using Ldn.Core.Journal;
using Ldn.Interop.Fhir;

namespace Ldn.Cli.Commands.Journal;

/// <summary>Moving a journal in and out: <c>export</c>, <c>import</c> and <c>backup</c>.</summary>
internal static class JournalTransferCommands
{
    /// <summary>A ten-year journal exports to a few MB; 50 MB is far beyond any real one.</summary>
    public const long LargestImportBytes = 50_000_000;

    public static Command Export(TextWriter stdout)
    {
        var json = new Option<string?>("--json") { Description = "Write the whole journal as JSON (ldn-journal/2 with plan versions, scales and history; lossless; 'import --json' reads it)." };
        var csv = new Option<string?>("--csv") { Description = "Write the whole journal as one CSV table (lossless, history included; cells that a spreadsheet would run as formulas start with '; 'import --csv' reads it)." };
        var fhir = new Option<string?>("--fhir") { Description = "Write a FHIR R4 Bundle (JSON): Patient, MedicationRequest, MedicationAdministration, Observation, AdverseEvent." };
        var command = new Command("export", "Export the whole journal as JSON, CSV or a FHIR R4 Bundle.") { json, csv, fhir };
        command.SetAction(parse =>
        {
            var targets = new[] { parse.GetValue(json), parse.GetValue(csv), parse.GetValue(fhir) }.Count(t => t is not null);
            if (targets == 0)
            {
                throw new InvalidInputException("Say where to export: --json FILE, --csv FILE or --fhir FILE.");
            }

            // Every target is checked before the journal is opened: none may be the journal or another target.
            var journalFiles = JournalContext.Files(parse);
            var (jsonOut, csvOut, fhirOut) = (parse.GetValue(json), parse.GetValue(csv), parse.GetValue(fhir));
            foreach (var (target, others) in new[] { (jsonOut, new[] { csvOut, fhirOut }), (csvOut, [jsonOut, fhirOut]), (fhirOut, [jsonOut, csvOut]) })
            {
                if (target is not null)
                {
                    SafeFile.Check(target, [.. journalFiles, .. others]);
                }
            }

            var (store, _, _) = JournalContext.OpenInitialised(parse);
            using (store)
            {
                // The whole journal with its history: plan versions, scales, revisions and deleted entries travel too.
                var data = store.Load(withHistory: true);
                var document = JournalDocument.From(data);
                if (parse.GetValue(json) is { } jsonPath)
                {
                    SafeFile.Write(jsonPath, writer => writer.Write(JsonSerializer.Serialize(document, JournalDocument.Options)), journalFiles);
                    ConsoleText.Line(stdout, $"Exported to {jsonPath}.");
                }

                if (parse.GetValue(csv) is { } csvPath)
                {
                    SafeFile.Write(csvPath, writer => JournalCsv.Write(document, writer), journalFiles);
                    ConsoleText.Line(stdout, $"Exported to {csvPath}.");
                }

                if (parse.GetValue(fhir) is { } fhirPath)
                {
                    var bundle = FhirExport.ToBundle(data, JournalContext.Now());
                    SafeFile.Write(fhirPath, writer => writer.Write(bundle), journalFiles);
                    ConsoleText.Line(stdout, $"Exported a FHIR R4 Bundle to {fhirPath}.");
                }
            }

            return LdnApp.Success;
        });
        return command;
    }

    public static Command Import(TextWriter stdout)
    {
        var json = new Option<string?>("--json") { Description = "A JSON export to import." };
        var csv = new Option<string?>("--csv") { Description = "A CSV export to import." };
        var fhir = new Option<string?>("--fhir") { Description = "A FHIR R4 Bundle (JSON) to import: what 'export --fhir' writes (side effects included), or MedicationRequest, MedicationAdministration, MedicationStatement and Observation from another system." };
        var tz = new Option<string?>("--tz") { Description = "Home IANA time zone of a journal imported from FHIR, e.g. Europe/Oslo (default: this computer's)." };
        var command = new Command("import", "Import an export into a new journal, all or nothing.") { json, csv, fhir, tz };
        command.SetAction(parse =>
        {
            var (jsonPath, csvPath, fhirPath) = (parse.GetValue(json), parse.GetValue(csv), parse.GetValue(fhir));
            if (new[] { jsonPath, csvPath, fhirPath }.Count(p => p is not null) != 1)
            {
                throw new InvalidInputException("Give one file to import: --json FILE, --csv FILE or --fhir FILE.");
            }

            // Everything is read and checked before the store is touched: a bad file changes nothing, nor does a bad --tz that only FHIR uses.
            var zone = PlanCommand.ResolveZone(parse.GetValue(tz)).Id;
            var data = jsonPath is not null
                ? JournalDocument.Read(TextFiles.ReadUtf8(jsonPath, "journal file", LargestImportBytes), jsonPath)
                : csvPath is not null
                ? JournalCsv.Read(TextFiles.ReadUtf8(csvPath, "CSV file", LargestImportBytes), csvPath)
                // A FHIR Bundle names no home zone: --tz, else this computer's, as 'journal init' does.
                : FhirImport.Read(TextFiles.ReadUtf8(fhirPath!, "FHIR file", LargestImportBytes), fhirPath!, zone);
            // A journal file this import creates is removed again when the store refuses the data, so a refused
            // import leaves no empty journal behind (a journal that existed is left as it was: the import is one transaction).
            var journalFiles = JournalContext.Files(parse);
            var creates = journalFiles.Count > 0 && !File.Exists(journalFiles[0]);
            try
            {
                using var store = JournalContext.Open(parse);
                store.Import(data);
                ConsoleText.Line(stdout, $"Imported into {store.Description}: {data.Doses.Count} doses, {data.CheckIns.Count} check-ins, {data.SideEffects.Count} side effects, {data.Events.Count} events, {data.Medications.Count} medications, {data.Plans.Count} plan versions, {data.Scales.Count(s => !s.BuiltIn)} own scales, {data.History.Count} changes of history.");
            }
            catch (InvalidInputException) when (creates)
            {
                foreach (var file in journalFiles.Where(File.Exists))
                {
                    File.Delete(file);
                }

                throw;
            }

            return LdnApp.Success;
        });
        return command;
    }

    public static Command Backup(TextWriter stdout)
    {
        var file = new Argument<string>("FILE") { Description = "Where to write the backup." };
        var command = new Command("backup", "Write a consistent copy of the journal (a SQLite file, or a JSON snapshot for PostgreSQL).") { file };
        command.SetAction(parse =>
        {
            var path = SafeFile.Check(parse.GetValue(file)!, JournalContext.Files(parse));
            if (File.Exists(path) || Directory.Exists(path))
            {
                throw new InvalidInputException($"'{path}' already exists; a backup never overwrites a file.");
            }

            using var store = JournalContext.Open(parse);
            store.Backup(path);
            ConsoleText.Line(stdout, $"Backed up {store.Description} to {path}.");
            return LdnApp.Success;
        });
        return command;
    }
}
