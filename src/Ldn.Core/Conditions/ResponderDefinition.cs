using System.Globalization;

namespace Ldn.Core.Conditions;

/// <summary>How a trial counts a responder: improvement by at least a number of points or a percentage of baseline.</summary>
public enum ResponderKind
{
    /// <summary>Improvement ≥ threshold in instrument units (e.g. CDAI fall ≥ 70 points).</summary>
    Points,

    /// <summary>Improvement ≥ threshold percent of the subject's baseline (e.g. pain −30%).</summary>
    Percent,
}

/// <summary>A responder rule, e.g. "≥70-point CDAI fall" or "≥30% pain reduction".</summary>
public sealed record ResponderDefinition(ResponderKind Kind, double Threshold)
{
    public bool IsResponder(ClinicalInstrument instrument, double baseline, double score)
    {
        ArgumentNullException.ThrowIfNull(instrument);
        var improvement = instrument.Improvement(baseline, score);
        return Kind == ResponderKind.Points ? improvement >= Threshold : improvement >= Threshold / 100.0 * Math.Abs(baseline);
    }

    /// <summary>Parses "70points", "70 points" or "30%".</summary>
    public static ResponderDefinition Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var t = text.Trim();
        ResponderKind kind;
        string number;
        if (t.EndsWith('%'))
        {
            kind = ResponderKind.Percent;
            number = t[..^1];
        }
        else if (t.EndsWith("points", StringComparison.OrdinalIgnoreCase))
        {
            kind = ResponderKind.Points;
            number = t[..^"points".Length];
        }
        else
        {
            throw new InvalidInputException($"A responder threshold must look like '70 points' or '30%' (got '{text}').");
        }

        if (!double.TryParse(number.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var threshold) || !double.IsFinite(threshold) || threshold <= 0)
        {
            throw new InvalidInputException($"A responder threshold must be a positive number of points or percent (got '{text}').");
        }

        return new ResponderDefinition(kind, threshold);
    }

    public override string ToString() => Kind == ResponderKind.Points
        ? string.Create(CultureInfo.InvariantCulture, $"improvement ≥ {Threshold:0.##} points")
        : string.Create(CultureInfo.InvariantCulture, $"improvement ≥ {Threshold:0.##}% of baseline");
}
