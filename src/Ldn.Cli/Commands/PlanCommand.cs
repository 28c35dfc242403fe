using System.CommandLine;
using System.Globalization;
using Ldn.Cli.Output;
using Ldn.Core;
using Ldn.Core.Calendar;
using Ldn.Core.Compounding;
using Ldn.Core.Dosing;
using Ldn.Core.Protocols;
using Ldn.Core.Safety;
using Ldn.Core.Text;
using Ldn.Core.Units;
using NodaTime;

namespace Ldn.Cli.Commands;

/// <summary>
/// <c>ldn plan</c>: a protocol laid onto the calendar, with the safety checks, and optionally written as
/// an iCalendar file (reminders) and a CSV. A plan that fails a hard safety check is not produced.
/// </summary>
internal static class PlanCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var protocol = new Option<string>("--protocol") { Description = "Protocol: " + string.Join(", ", ProtocolCatalog.All.Select(p => p.Id)) + ", or your own protocol file (.yaml).", Required = true };
        var start = new Option<string>("--start") { Description = "Date of the first dose, yyyy-MM-dd.", Required = true };
        var at = new Option<string?>("--at") { Description = "Clock time of the dose, HH:mm (default: the protocol's, usually 22:00)." };
        var weight = new Option<string?>("--weight") { Description = "Body weight for weight-based protocols, e.g. 30kg." };
        var formulation = new Option<string>("--formulation") { Description = "capsule, tablet, liquid or sublingual.", DefaultValueFactory = _ => "capsule" };
        var concentration = new Option<string?>("--concentration") { Description = "Strength of a liquid, e.g. 1mg/mL." };
        var syringe = new Option<string?>("--syringe") { Description = "Oral syringe used to measure a liquid: 0.5mL, 1mL, 3mL, 5mL or 10mL (default: per step, the one that measures the dose most exactly in the fewest fills)." };
        var timeZone = new Option<string?>("--tz") { Description = "IANA time zone of the clock times, e.g. Europe/Oslo (default: this computer's)." };
        var json = new Option<bool>("--json") { Description = "Print one JSON document on stdout instead of the table." };
        var ics = new Option<string?>("--ics") { Description = "Also write the plan as an iCalendar file with daily reminders." };
        var csv = new Option<string?>("--csv") { Description = "Also write the steps to this CSV file." };
        var safety = new SafetyOptions();

        var command = new Command("plan", "Lay a titration protocol onto the calendar, with safety checks, reminders (.ics) and CSV.")
        {
            protocol, start, at, weight, formulation, concentration, syringe, timeZone, json, ics, csv,
        };
        safety.AddTo(command);

        command.SetAction(parse =>
        {
            var options = new PlanOptions
            {
                Start = parse.GetValue(start),
                At = parse.GetValue(at),
                Weight = parse.GetValue(weight),
                Formulation = parse.GetValue(formulation),
                Concentration = parse.GetValue(concentration),
                Syringe = parse.GetValue(syringe),
                Patient = safety.Read(parse),
            };
            var request = options.ToRequest(ProtocolFiles.Resolve(parse.GetValue(protocol)!), ResolveZone(parse.GetValue(timeZone)));
            var plan = PlanBuilder.Build(request);

            var asJson = parse.GetValue(json);
            var notes = asJson ? stderr : stdout;
            // A protocol given as a file is an input no output may replace; a protocol name is not a file.
            var protocolFile = parse.GetValue(protocol) is { } named && File.Exists(named) ? named : null;
            if (parse.GetValue(ics) is { } icsPath)
            {
                var text = PlanCalendar.Write(plan, SystemClock.Instance.GetCurrentInstant());
                SafeFile.Write(icsPath, writer => writer.Write(text), protocolFile, parse.GetValue(csv));
                notes.WriteLine($"Wrote the calendar to {icsPath}.");
            }

            if (parse.GetValue(csv) is { } csvPath)
            {
                SafeFile.Write(csvPath, writer => PlanCsv.Write(plan, writer), protocolFile, parse.GetValue(ics));
                notes.WriteLine($"Wrote the steps to {csvPath}.");
            }

            if (asJson)
            {
                PlanJson.Write(plan, stdout);
            }
            else
            {
                PlanView.Write(plan, stdout);
            }

            return LdnApp.Success;
        });
        return command;
    }

    public static DateOnly ParseDate(string text, string what) => IsoDate.Parse(text, what);

    /// <summary>An IANA zone id (case-insensitive), or this computer's zone, or UTC when that cannot be named.</summary>
    public static DateTimeZone ResolveZone(string? id)
    {
        var provider = DateTimeZoneProviders.Tzdb;
        if (string.IsNullOrWhiteSpace(id))
        {
            return provider.GetZoneOrNull(TimeZoneInfo.Local.Id) ?? DateTimeZone.Utc;
        }

        var match = provider.Ids.FirstOrDefault(z => string.Equals(z, id.Trim(), StringComparison.OrdinalIgnoreCase));
        return match is not null
            ? provider[match]
            : throw new InvalidInputException(NameMatch.Suggest(id, provider.Ids) is { Count: > 0 } near
                ? $"'{id}' is not a known IANA time zone{NameMatch.DidYouMean(near)}"
                : $"'{id}' is not a known IANA time zone (e.g. Europe/Oslo, America/New_York, Asia/Tokyo).");
    }
}
