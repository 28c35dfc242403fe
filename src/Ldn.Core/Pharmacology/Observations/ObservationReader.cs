using System.Globalization;
using Ldn.Core.Text;

namespace Ldn.Core.Pharmacology.Observations;

/// <summary>
/// Reads one observation file (data/observations/*.yaml, schema <c>ldn-observations/1</c>) and checks every
/// point: a time below zero, a dose or SD that is not positive, or an occupancy outside 0–100% is refused in
/// one sentence naming the file and the entry, because a fit silently bent by a typo is worse than none.
/// </summary>
public static class ObservationReader
{
    public const string Schema = "ldn-observations/1";

    /// <exception cref="InvalidInputException">Any problem, in one sentence naming <paramref name="sourceName"/>.</exception>
    public static ObservationSet Read(string yaml, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        var file = YamlFile.Read<ObservationFile>(yaml, sourceName, "observation file");
        InvalidInputException Fail(string what) => new($"The observation file '{sourceName}' {what}.");
        if (file.Schema != Schema)
        {
            throw Fail($"must declare 'schema: {Schema}' (found '{file.Schema ?? "nothing"}')");
        }

        var kind = file.Kind switch
        {
            "mor-occupancy" => ObservationKind.MorOccupancy,
            "mor-occupancy-ratio" => ObservationKind.MorOccupancyRatio,
            "parent-half-life" => ObservationKind.ParentHalfLife,
            _ => throw Fail($"has the kind '{file.Kind ?? "nothing"}' (expected mor-occupancy, mor-occupancy-ratio or parent-half-life)"),
        };
        if (string.IsNullOrWhiteSpace(file.Source) || string.IsNullOrWhiteSpace(file.Citation))
        {
            throw Fail("needs a 'source' and a 'citation'");
        }

        if (file.Points is not { Count: > 0 } raw)
        {
            throw Fail("has no points, so there is nothing to fit");
        }

        var points = new List<Observation>(raw.Count);
        for (var i = 0; i < raw.Count; i++)
        {
            points.Add(Check(raw[i], i + 1, kind, Fail));
        }

        if (kind == ObservationKind.MorOccupancyRatio && file.Reference is not > 0)
        {
            throw Fail("gives occupancy ratios without a positive 'reference' time (h)");
        }

        NuisanceTime? scan = null;
        if (file.ScanTime is { } s)
        {
            if (s.Low is not > 0 || s.High is not { } high || high <= s.Low || string.IsNullOrWhiteSpace(s.Name))
            {
                throw Fail("gives a 'scanTime' without a name and bounds 0 < low < high (h)");
            }

            scan = new NuisanceTime(s.Name, s.Low.Value, high);
        }

        return new ObservationSet(file.Source.Trim(), file.Citation.Trim(), kind, points, file.Reference ?? 0, scan);
    }

    private static Observation Check(PointShape? p, int entry, ObservationKind kind, Func<string, InvalidInputException> fail)
    {
        string At(string what) => string.Create(CultureInfo.InvariantCulture, $"has point {entry} {what}");
        if (p?.Time is not { } time || p.Dose is not { } dose || p.Value is not { } value || p.Sd is not { } sd || string.IsNullOrWhiteSpace(p.Unit))
        {
            throw fail(At("without all of time, dose, value, unit and sd"));
        }

        if (!double.IsFinite(time) || time < 0)
        {
            throw fail(At(string.Create(CultureInfo.InvariantCulture, $"at a negative time ({time} h); times are hours after the dose")));
        }

        if (!double.IsFinite(dose) || dose <= 0)
        {
            throw fail(At(string.Create(CultureInfo.InvariantCulture, $"with a dose of {dose} mg; it must be positive")));
        }

        if (!double.IsFinite(sd) || sd <= 0)
        {
            throw fail(At(string.Create(CultureInfo.InvariantCulture, $"with an sd of {sd}; it must be positive")));
        }

        var problem = kind switch
        {
            ObservationKind.MorOccupancy when value is < 0 or > 100 => "an occupancy outside 0–100%",
            ObservationKind.MorOccupancyRatio when value < 0 => "a negative occupancy ratio",
            ObservationKind.ParentHalfLife when value <= 0 => "a half-life that is not positive",
            _ when !double.IsFinite(value) => "a value that is not a number",
            _ => null,
        };
        if (problem is not null)
        {
            throw fail(At(string.Create(CultureInfo.InvariantCulture, $"with {problem} ({value} {p.Unit})")));
        }

        var until = p.Until ?? 0;
        if (kind == ObservationKind.ParentHalfLife && !(until > time))
        {
            throw fail(At("without an 'until' after its time (the end of the half-life's fitting window)"));
        }

        return new Observation(time, until, dose, value, p.Unit.Trim(), sd, p.Note);
    }

    // Shapes of the YAML document; public setters because YamlDotNet fills them.
    private sealed class ObservationFile
    {
        public string? Schema { get; set; }

        public string? Source { get; set; }

        public string? Citation { get; set; }

        public string? Kind { get; set; }

        public double? Reference { get; set; }

        public ScanTimeShape? ScanTime { get; set; }

        public List<PointShape?>? Points { get; set; }
    }

    private sealed class ScanTimeShape
    {
        public string? Name { get; set; }

        public double? Low { get; set; }

        public double? High { get; set; }
    }

    private sealed class PointShape
    {
        public double? Time { get; set; }

        public double? Until { get; set; }

        public double? Dose { get; set; }

        public double? Value { get; set; }

        public string? Unit { get; set; }

        public double? Sd { get; set; }

        public string? Note { get; set; }
    }
}
