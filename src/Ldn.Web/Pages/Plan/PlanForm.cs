using Ldn.Core;
using Ldn.Core.Journal;
using Ldn.Core.Protocols;
using Ldn.Web.Pages.Safety;

namespace Ldn.Web.Pages.Plan;

/// <summary>
/// The plan form: the options of <c>ldn plan</c> as text (protocol id, start yyyy-MM-dd, time HH:mm, time
/// zone, formulation, liquid strength "1mg/mL", syringe "1mL", weight "30kg"); the safety particulars are
/// <see cref="SafetyFields"/>. Parsed by Core (<see cref="PlanOptions"/>) with the CLI's sentences; only the
/// catalogue's protocols (the server opens no file named in a form).
/// </summary>
internal sealed class PlanForm
{
    public string? Protocol { get; set; } = "standard";

    public string? Start { get; set; }

    public string? At { get; set; }

    /// <summary>IANA zone or UTC±HH:mm; blank: the journal's zone.</summary>
    public string? Tz { get; set; }

    public string? Formulation { get; set; } = "capsule";

    public string? Concentration { get; set; }

    public string? Syringe { get; set; }

    public string? Weight { get; set; }

    /// <summary>The request <see cref="PlanBuilder.Build"/> takes.</summary>
    /// <exception cref="InvalidInputException">A field too long, an unknown protocol or zone, or a value that does not parse.</exception>
    public PlanRequest ToRequest(SafetyFields safety, string journalZone)
    {
        ArgumentNullException.ThrowIfNull(safety);
        var protocol = ProtocolCatalog.Find(FormText.Checked(Protocol, "protocol") is { Length: > 0 } id ? id : throw new InvalidInputException("Choose a protocol."));
        var zone = JournalTime.Zone(string.IsNullOrWhiteSpace(Tz) ? journalZone : FormText.Checked(Tz, "time zone")!.Trim());
        return new PlanOptions
        {
            Start = FormText.Checked(Start, "start date"),
            At = FormText.Checked(At, "time"),
            Weight = FormText.Checked(Weight, "weight"),
            Formulation = FormText.Checked(Formulation, "formulation"),
            Concentration = FormText.Checked(Concentration, "liquid strength"),
            Syringe = FormText.Checked(Syringe, "syringe size"),
            Patient = safety.ToOptions(),
        }.ToRequest(protocol, zone);
    }
}
