namespace Ldn.Core.Pharmacology;

/// <summary>
/// What every front end says beside a simulation (the CLI's table, the web's simulator), so the caveat is
/// written once: which blockade scenario fits which human data, and that no PET study of LDN doses exists
/// (docs/model.md). Shown together with <see cref="Disclaimer.NotMedicalAdvice"/>.
/// </summary>
public static class ModelCaveats
{
    public const string Scenarios =
        "By default MOR blockade is the Akaike-weighted average of the structures whose fit to the human PET data passes its goodness-of-fit test, "
        + "with a 95% band from parameter uncertainty; scenario A is the 'brief daily blockade' the source documents assume. No PET study of LDN doses exists.";
}
