using System.CommandLine;
using Ldn.Core;
using Ldn.Core.Safety;

namespace Ldn.Cli.Commands;

/// <summary>
/// The patient particulars the safety checks need, as options shared by the commands that plan or
/// advise: medications (with the date last taken, for the opioid washout) and the conditions that raise
/// warnings.
/// </summary>
internal sealed class SafetyOptions
{
    private readonly Option<string[]> medication = new("--medication")
    {
        Description = "A medication the patient takes (repeatable); NAME@yyyy-MM-dd gives the day it was last taken.",
        AllowMultipleArgumentsPerToken = false,
    };

    private readonly Option<bool> hepatic = new("--hepatic-impairment") { Description = "The patient has liver disease or impaired liver function." };
    private readonly Option<bool> renal = new("--renal-impairment") { Description = "The patient has severe kidney impairment." };
    private readonly Option<bool> pregnant = new("--pregnant") { Description = "The patient is pregnant or planning pregnancy." };
    private readonly Option<bool> breastfeeding = new("--breastfeeding") { Description = "The patient is breastfeeding." };
    private readonly Option<bool> thyroid = new("--thyroid-replacement") { Description = "The patient takes thyroid hormone (e.g. levothyroxine)." };
    private readonly Option<bool> transplant = new("--transplant") { Description = "The patient is an organ-transplant recipient on immunosuppression." };
    private readonly Option<string?> surgery = new("--surgery") { Description = "Date of planned surgery, yyyy-MM-dd." };

    public void AddTo(Command command)
    {
        ArgumentNullException.ThrowIfNull(command);
        command.Options.Add(medication);
        command.Options.Add(hepatic);
        command.Options.Add(renal);
        command.Options.Add(pregnant);
        command.Options.Add(breastfeeding);
        command.Options.Add(thyroid);
        command.Options.Add(transplant);
        command.Options.Add(surgery);
    }

    /// <summary>The options as given; <see cref="PatientOptions.ToProfile"/> parses them.</summary>
    public PatientOptions Read(ParseResult parse)
    {
        ArgumentNullException.ThrowIfNull(parse);
        return new PatientOptions
        {
            Medications = parse.GetValue(medication) ?? [],
            HepaticImpairment = parse.GetValue(hepatic),
            RenalImpairment = parse.GetValue(renal),
            Pregnant = parse.GetValue(pregnant),
            Breastfeeding = parse.GetValue(breastfeeding),
            ThyroidReplacement = parse.GetValue(thyroid),
            Transplant = parse.GetValue(transplant),
            Surgery = parse.GetValue(surgery),
        };
    }
}
