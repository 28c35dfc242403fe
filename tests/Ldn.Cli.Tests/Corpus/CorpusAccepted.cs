namespace Ldn.Cli.Tests.Corpus;

/// <summary>
/// The value kinds an option accepts as meaningful (exit 0); every other kind must be refused (exit 2). Declared,
/// not observed: a kind that starts to pass quietly where a refusal is declared fails the corpus, and so does a
/// meaningful value that starts to be refused.
/// </summary>
internal static class CorpusAccepted
{
    /// <summary>
    /// An output path (the value under the case's own folder): any name a file system takes is written; empty, NUL,
    /// a missing folder ("Mars/Olympus") and a name too long for the file system (400 or 20,000 characters) are not.
    /// </summary>
    private static readonly string[] OutputPath = AllBut("empty", "nul", "unknown-zone", "400-digits", "20000-chars");

    /// <summary>A new SQLite journal under the case's folder: as an output path, and its name may not be blank or hold a control character.</summary>
    private static readonly string[] NewJournal = AllBut("empty", "blank", "control", "nul", "unknown-zone", "400-digits", "20000-chars");

    /// <summary>A note: any text without control characters other than line breaks and tabs, up to its length limit.</summary>
    private static readonly string[] Note = AllBut("control", "nul", "20000-chars");

    /// <summary>A correction's note: as <see cref="Note"/>, but an empty one changes nothing and is refused.</summary>
    private static readonly string[] EditNote = AllBut("empty", "blank", "control", "nul", "20000-chars");

    /// <summary>A reason for a change, or a scale's anchor text: short free text (at most 200 characters), empty is none.</summary>
    private static readonly string[] ShortText = AllBut("control", "nul", "400-digits", "20000-chars");

    /// <summary>A name (medication, scale): free text that must name something.</summary>
    private static readonly string[] Name = AllBut("empty", "blank", "control", "nul", "400-digits", "20000-chars");

    /// <summary>An optional value given empty: the option's default (the computer's zone, the protocol's time…).</summary>
    private static readonly string[] Defaulted = ["empty", "blank"];

    private static readonly Dictionary<string, string[]> Accepted = new(StringComparer.Ordinal)
    {
        ["simulate --at"] = Defaulted,
        ["simulate --condition"] = Defaulted,
        ["simulate --every"] = Defaulted,
        ["simulate --formulation"] = Defaulted,
        ["simulate --horizon"] = Defaulted,
        ["simulate --output-step"] = Defaulted,
        ["dose-response --condition"] = Defaulted,
        ["dose-response --doses"] = ["decimal-comma"], // "4,5" is the list 4 mg, 5 mg.
        ["population --condition"] = Defaulted,
        ["population --seed"] = ["minus-one", "zero"],
        ["trial --seed"] = ["minus-one", "zero"],
        ["fit --seed"] = ["minus-one", "zero"],
        ["fit --bootstrap"] = ["zero"],
        ["plan --at"] = Defaulted,
        ["plan --concentration"] = Defaulted,
        ["plan --formulation"] = Defaulted,
        ["plan --medication"] = Name,
        ["plan --surgery"] = Defaulted,
        ["plan --syringe"] = Defaulted,
        ["plan --tz"] = Defaulted,
        ["plan --weight"] = ["empty", "blank", "wrong-unit"], // 4.5kg is a weight.
        ["journal init --db"] = NewJournal,
        ["journal init --medication"] = Name,
        ["journal init --name"] = ShortText,
        ["journal init --tz"] = Defaulted,
        ["journal demo --db"] = NewJournal,
        ["journal demo --seed"] = ["minus-one", "zero"],
        ["journal demo --tz"] = Defaulted,
        ["journal import --db"] = NewJournal,
        ["journal import --tz"] = Defaulted,
        ["journal backup --db"] = NewJournal, // A journal not yet there is created, empty, and backed up.
        ["journal medication add <NAME>"] = Name,
        ["journal scale add <NAME>"] = Name,
        ["journal scale add --high"] = ShortText,
        ["journal scale add --low"] = ShortText,
        ["journal check-in --fatigue"] = ["zero"],
        ["journal check-in --focus"] = ["zero"],
        ["journal check-in --mood"] = ["zero"],
        ["journal check-in --pain"] = ["zero"],
        ["journal check-in --sleep"] = ["zero"],
        ["journal check-in --note"] = Note,
        ["journal side-effect --note"] = Note,
        ["journal event --note"] = Note,
        ["journal edit check-in --fatigue"] = ["zero"],
        ["journal edit check-in --focus"] = ["zero"],
        ["journal edit check-in --mood"] = ["zero"],
        ["journal edit check-in --pain"] = ["zero"],
        ["journal edit check-in --sleep"] = ["zero"],
        ["journal edit check-in --note"] = EditNote,
        ["journal edit dose --note"] = EditNote,
        ["journal edit event --note"] = EditNote,
        ["journal edit side-effect --note"] = EditNote,
        ["journal edit medication --name"] = Name,
        ["journal edit check-in --reason"] = ShortText,
        ["journal edit dose --reason"] = ShortText,
        ["journal edit event --reason"] = ShortText,
        ["journal edit medication --reason"] = ShortText,
        ["journal edit side-effect --reason"] = ShortText,
        ["journal delete --reason"] = ShortText,
        ["journal restore --reason"] = ShortText,
    };

    /// <summary>The declared verdict of <paramref name="kind"/> for "command target"; <paramref name="output"/>: the target is an output file.</summary>
    public static CorpusVerdict Verdict(string commandAndTarget, string kind, bool output) =>
        (Accepted.TryGetValue(commandAndTarget, out var kinds) ? kinds : output ? OutputPath : []).Contains(kind) ? CorpusVerdict.Valid : CorpusVerdict.Refusal;

    private static string[] AllBut(params string[] refused) => [.. CorpusNonsense.Values.Select(v => v.Kind).Except(refused)];
}
