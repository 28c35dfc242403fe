using System.Globalization;
using Ldn.Core;
using Ldn.Core.Advice;
using Ldn.Core.Dosing;
using Ldn.Core.Journal;
using Ldn.Web.Journal;
using Microsoft.AspNetCore.Mvc;
using NodaTime;

namespace Ldn.Web.Pages.Journal;

/// <summary>
/// <c>/journal/edit/{kind}/{id}</c>: the form of one entry with its kind's fields (a dose's time, zone, mg,
/// formulation, taken or skipped, note; a check-in's scales; a side effect's kind, severity, start and end;
/// an event's kind and time; a medication's name, start and last day), the revision read as a hidden
/// field and an optional reason kept in the history. Only the fields changed are sent to the journal's edit,
/// so a time is never rounded by being shown; a revision that is no longer the entry's is refused with the
/// journal's sentence and nothing changes. Times are <c>yyyy-MM-ddTHH:mm</c> in the entry's own zone; an
/// empty end makes a side effect or medication ongoing again.
/// </summary>
internal sealed class EditModel(PatientJournals journals) : PatientPageModel(journals)
{
    private const string Minutes = "uuuu-MM-dd'T'HH:mm";

    private readonly Dictionary<string, string> original = new(StringComparer.Ordinal);

    [BindProperty(SupportsGet = true, Name = "kind")]
    public string? KindText { get; set; }

    [BindProperty(SupportsGet = true)]
    public long Id { get; set; }

    public JournalEntryKind Kind { get; private set; }

    /// <summary>The entry as stored, or null when it is not in the journal.</summary>
    public IJournalEntry? Entry { get; private set; }

    public bool Deleted { get; private set; }

    public IReadOnlyList<SymptomScale> Scales { get; private set; } = SymptomScales.BuiltIn;

    public IActionResult OnGet() => Act(j =>
    {
        Kind = KindOf(j);
        if (j.Store.Find(Kind, Id) is { Deleted: true })
        {
            throw new InvalidInputException($"This {JournalEntryKinds.Name(Kind)} is deleted; restore it on the journal page before editing it.");
        }

        return Page();
    });

    public IActionResult OnPost(int? revision, string? reason, bool confirm) => Act(j =>
    {
        Kind = KindOf(j);
        Load(j);
        var why = string.IsNullOrWhiteSpace(reason) ? null : reason;
        _ = Kind switch
        {
            JournalEntryKind.Dose => (IJournalEntry)j.EditDose(Id, new DoseEdit(
                Changed("doseMg") is { } mg ? JournalInput.DoseMg(mg) : null,
                Changed("at"),
                Changed("timeZone"),
                Changed("formulation") is { } f ? Formulations.Parse(f) : null,
                Changed("taken") is { } taken ? taken == "skipped" : null,
                Changed("note")), revision, confirm, why).Entry,
            JournalEntryKind.CheckIn => j.EditCheckIn(Id, new CheckInEdit(Scores(), Changed("at"), Changed("timeZone"), Changed("note")), revision, why).Entry,
            JournalEntryKind.SideEffect => j.EditSideEffect(Id, new SideEffectEdit(
                Changed("kind"),
                Changed("severity") is { } s ? JournalInput.Severity(s) : null,
                Changed("from"),
                Ended("to"),
                Changed("timeZone"),
                Changed("note")), revision, confirm, why).Entry,
            JournalEntryKind.Event => j.EditEvent(Id, new EventEdit(
                Changed("eventKind") is { } k ? EventKinds.Parse(k) : null, Changed("at"), Changed("timeZone"), Changed("note")), revision, why).Entry,
            _ => j.EditMedication(Id, new MedicationEdit(Changed("name"), Changed("since"), Ended("until")), revision, why).Entry,
        };
        return Redirect($"/journal#{JournalEntryKinds.Name(Kind)}-{Id.ToString(CultureInfo.InvariantCulture)}");
    });

    /// <summary>What a field shows: what was posted (after a refusal), else the stored value.</summary>
    public string Value(string field) =>
        Request.HasFormContentType && Request.Form.TryGetValue(field, out var posted) ? posted.ToString() : original.GetValueOrDefault(field, "");

    protected override void Load(JournalService journal)
    {
        ArgumentNullException.ThrowIfNull(journal);
        Kind = KindOf(journal);
        var stored = journal.Store.Find(Kind, Id)!;
        Entry = stored.Entry;
        Deleted = stored.Deleted;
        Scales = journal.LoadDays(journal.Today, journal.Today).Scales;
        original.Clear();
        var inv = CultureInfo.InvariantCulture;
        string Time(Instant at, string zone) => at.InZone(JournalTime.Zone(zone)).ToString(Minutes, inv);
        switch (Entry)
        {
            case DoseEntry d:
                (original["at"], original["timeZone"], original["doseMg"], original["formulation"], original["taken"], original["note"]) =
                    (Time(d.At, d.TimeZoneId), d.TimeZoneId, d.DoseMg.ToString("0.###", inv), d.Formulation.Name(), d.Skipped ? "skipped" : "taken", d.Note ?? "");
                break;
            case CheckInEntry c:
                (original["at"], original["timeZone"], original["note"]) = (Time(c.At, c.TimeZoneId), c.TimeZoneId, c.Note ?? "");
                foreach (var scale in Scales)
                {
                    original[$"score-{scale.Id}"] = c.Score(scale.Id)?.ToString(inv) ?? "";
                }

                break;
            case SideEffectEntry s:
                (original["kind"], original["severity"], original["from"], original["to"], original["timeZone"], original["note"]) =
                    (s.Kind, EntryRow.Severity(s.Severity), Time(s.From, s.TimeZoneId), s.To is { } to ? Time(to, s.TimeZoneId) : "", s.TimeZoneId, s.Note ?? "");
                break;
            case EventEntry e:
                (original["eventKind"], original["at"], original["timeZone"], original["note"]) = (EventKinds.Name(e.Kind), Time(e.At, e.TimeZoneId), e.TimeZoneId, e.Note ?? "");
                break;
            case MedicationEntry m:
                (original["name"], original["since"], original["until"]) =
                    (m.Name, Time(m.Since, journal.Profile.TimeZoneId), m.Until is { } until ? Time(until, journal.Profile.TimeZoneId) : "");
                break;
        }
    }

    /// <summary>The entry's kind from the route; 404 for a word that is not a listed kind or an id not in the journal.</summary>
    private JournalEntryKind KindOf(JournalService journal)
    {
        var kind = JournalModel.RouteKind(KindText);
        MustExist(journal, kind, Id);
        return kind;
    }

    /// <summary>The posted value when it differs from the stored one, else null (the journal keeps that field).</summary>
    private string? Changed(string field)
    {
        var posted = Request.Form[field].ToString();
        return string.Equals(posted.Trim(), original.GetValueOrDefault(field, ""), StringComparison.Ordinal) ? null : posted;
    }

    /// <summary>An end time: emptied means "ongoing" again.</summary>
    private string? Ended(string field) => Changed(field) is { } end ? (string.IsNullOrWhiteSpace(end) ? "ongoing" : end) : null;

    private Dictionary<string, int>? Scores()
    {
        var scores = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var scale in Scales)
        {
            if (Changed($"score-{scale.Id}") is { } text)
            {
                if (string.IsNullOrWhiteSpace(text))
                {
                    throw new InvalidInputException($"A score cannot be removed from a check-in here; give {scale.Label} a value from 0 to 10 or leave it as it was.");
                }

                scores[scale.Id] = JournalInput.Score(text, scale.Label);
            }
        }

        return scores.Count == 0 ? null : scores;
    }
}
