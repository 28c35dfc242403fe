using System.Globalization;
using Ldn.Core.Dosing;
using Ldn.Core.Protocols;
using Ldn.Core.Safety;
using Ldn.Core.Text;
using Ldn.Core.Units;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Ldn.Core.Advice;

/// <summary>
/// Reads the state file of <c>ldn advise --state FILE</c> (YAML, or JSON, which YAML reads too). Unknown
/// keys, unknown side-effect kinds and unusable values are one sentence naming the file. Doses may carry
/// units ("4.5mg", "1500ug"); a bare number is mg. Medications are plain strings (taken now) or
/// <c>{ name, lastTaken }</c> objects.
/// </summary>
public static class AdviceStateReader
{
    private static readonly IDeserializer Deserializer = new DeserializerBuilder()
        .WithNamingConvention(CamelCaseNamingConvention.Instance)
        .WithTypeConverter(new MedicationConverter())
        .Build();

    /// <param name="yaml">The state file's text.</param>
    /// <param name="sourceName">Its name, for messages.</param>
    /// <param name="findProtocol">
    /// Finds the protocol a state names; by default the shipped catalogue. The command line passes one that
    /// also reads a user's protocol file, because the core does no file I/O.
    /// </param>
    public static AdviceState Read(string yaml, string sourceName, Func<string, TitrationProtocol>? findProtocol = null)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        InvalidInputException Fail(string what) => new($"The state file '{sourceName}' {what}.");
        var file = YamlFile.Read<StateFile>(yaml, sourceName, "state file", Deserializer);

        decimal? Dose(string key, string? text)
        {
            if (text is null)
            {
                return null;
            }

            try
            {
                var mass = Mass.Parse(text);
                DoseLimits.Check(mass);
                return Math.Round((decimal)mass.Milligrams, 4);
            }
            catch (InvalidInputException e)
            {
                throw Fail($"has an unusable '{key}': {e.Message.TrimEnd('.')}");
            }
        }

        DateOnly? Date(string key, string? text) =>
            text is null ? null
            : DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date
            : throw Fail($"has an unusable '{key}': '{text}' is not a date (write yyyy-MM-dd, e.g. 2026-12-15)");

        var sideEffects = new List<SideEffectReport>();
        foreach (var s in file.SideEffects ?? [])
        {
            if (s?.Kind is null)
            {
                throw Fail("lists a side effect without a 'kind'");
            }

            string kind;
            try
            {
                kind = SideEffectKinds.Parse(s.Kind);
            }
            catch (InvalidInputException e)
            {
                throw Fail($"has an unusable side effect: {e.Message.TrimEnd('.')}");
            }

            var severity = s.Severity is null ? SideEffectSeverity.Mild
                : RuleSet.ParseSeverity(s.Severity) ?? throw Fail($"gives the side effect '{s.Kind}' the severity '{s.Severity}' (use mild, moderate or severe)");
            if (s.DaysOngoing is < 0)
            {
                throw Fail($"gives the side effect '{s.Kind}' a negative 'daysOngoing' ({s.DaysOngoing})");
            }

            sideEffects.Add(new SideEffectReport(kind, severity, s.DaysOngoing ?? 1));
        }

        var medications = new List<MedicationUse>();
        foreach (var m in file.Medications ?? [])
        {
            if (string.IsNullOrWhiteSpace(m?.Name))
            {
                throw Fail("lists a medication without a name");
            }

            medications.Add(new MedicationUse(m.Name.Trim(), Date($"lastTaken of {m.Name.Trim()}", m.LastTaken)));
        }

        var current = Dose("currentDoseMg", file.CurrentDoseMg) ?? throw Fail("gives no 'currentDoseMg' (the dose taken now, e.g. 3 or 3mg)");
        if (file.DaysOnStep is not { } daysOnStep)
        {
            throw Fail("gives no 'daysOnStep' (days taken at the current dose so far)");
        }

        // A named protocol supplies the neighbouring steps and the step length; values written in the file win.
        ProtocolPosition? position = null;
        if (!string.IsNullOrWhiteSpace(file.Protocol))
        {
            try
            {
                position = ProtocolPosition.Locate((findProtocol ?? ProtocolCatalog.Find)(file.Protocol.Trim()), current);
            }
            catch (InvalidInputException e)
            {
                throw Fail($"names a protocol it cannot use: {e.Message.TrimEnd('.', '?')}");
            }
        }

        var conditions = file.Conditions ?? new ConditionsSection();
        var state = new AdviceState
        {
            Protocol = file.Protocol?.Trim(),
            CurrentDoseMg = current,
            DaysOnStep = daysOnStep,
            StepDays = file.StepDays ?? position?.StepDays ?? 14,
            NextDoseMg = Dose("nextDoseMg", file.NextDoseMg) ?? position?.NextDoseMg,
            PreviousDoseMg = Dose("previousDoseMg", file.PreviousDoseMg) ?? position?.PreviousDoseMg,
            DoseTime = file.DoseTime is null ? null : Parse("doseTime", () => ClockTime.Parse(file.DoseTime)),
            Formulation = file.Formulation is null ? Formulation.Capsule : Parse("formulation", () => Formulations.Parse(file.Formulation)),
            Today = Date("today", file.Today),
            SideEffects = sideEffects,
            Flare = file.Flare ?? false,
            Patient = new PatientProfile
            {
                Medications = medications,
                HepaticImpairment = conditions.HepaticImpairment ?? false,
                RenalImpairment = conditions.RenalImpairment ?? false,
                Pregnant = conditions.Pregnant ?? false,
                Breastfeeding = conditions.Breastfeeding ?? false,
                ThyroidReplacement = conditions.ThyroidReplacement ?? false,
                TransplantImmunosuppression = conditions.TransplantImmunosuppression ?? false,
                PlannedSurgery = Date("plannedSurgery", file.PlannedSurgery),
            },
        };

        try
        {
            state.Validate();
        }
        catch (InvalidInputException e)
        {
            throw Fail($"is not usable: {char.ToLowerInvariant(e.Message[0])}{e.Message[1..].TrimEnd('.')}");
        }

        return state;

        T Parse<T>(string key, Func<T> parse)
        {
            try
            {
                return parse();
            }
            catch (InvalidInputException e)
            {
                throw Fail($"has an unusable '{key}': {e.Message.TrimEnd('.')}");
            }
        }
    }

    // Shapes of the YAML document; public setters because YamlDotNet fills them. Doses and dates are
    // read as text so that units ("3mg") and the error messages are ours.
    private sealed class StateFile
    {
        public string? Protocol { get; set; }

        public string? CurrentDoseMg { get; set; }

        public int? DaysOnStep { get; set; }

        public int? StepDays { get; set; }

        public string? NextDoseMg { get; set; }

        public string? PreviousDoseMg { get; set; }

        public string? DoseTime { get; set; }

        public string? Formulation { get; set; }

        public string? Today { get; set; }

        public List<SideEffectSection?>? SideEffects { get; set; }

        public bool? Flare { get; set; }

        public List<MedicationSection?>? Medications { get; set; }

        public ConditionsSection? Conditions { get; set; }

        public string? PlannedSurgery { get; set; }
    }

    private sealed class SideEffectSection
    {
        public string? Kind { get; set; }

        public string? Severity { get; set; }

        public int? DaysOngoing { get; set; }
    }

    private sealed class MedicationSection
    {
        public string? Name { get; set; }

        public string? LastTaken { get; set; }
    }

    private sealed class ConditionsSection
    {
        public bool? HepaticImpairment { get; set; }

        public bool? RenalImpairment { get; set; }

        public bool? Pregnant { get; set; }

        public bool? Breastfeeding { get; set; }

        public bool? ThyroidReplacement { get; set; }

        public bool? TransplantImmunosuppression { get; set; }
    }

    /// <summary>A medication is either a plain string ("Tramadol 50 mg") or a <c>{ name, lastTaken }</c> mapping.</summary>
    private sealed class MedicationConverter : IYamlTypeConverter
    {
        public bool Accepts(Type type) => type == typeof(MedicationSection);

        public object? ReadYaml(IParser parser, Type type, ObjectDeserializer rootDeserializer)
        {
            if (parser.TryConsume<Scalar>(out var scalar))
            {
                return new MedicationSection { Name = scalar.Value };
            }

            // The mapping goes through the normal deserializer as a look-alike type, so unknown keys are still errors.
            var mapping = (MedicationMapping?)rootDeserializer(typeof(MedicationMapping));
            return new MedicationSection { Name = mapping?.Name, LastTaken = mapping?.LastTaken };
        }

        public void WriteYaml(IEmitter emitter, object? value, Type type, ObjectSerializer serializer) =>
            throw new NotSupportedException("State files are only read.");
    }

    private sealed class MedicationMapping
    {
        public string? Name { get; set; }

        public string? LastTaken { get; set; }
    }
}
