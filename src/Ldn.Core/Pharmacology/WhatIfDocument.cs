namespace Ldn.Core.Pharmacology;

/// <summary>
/// The JSON marker on the rebound/inflammation output (<c>inflammation</c> in simulate): <c>whatIf</c> is
/// always true and <c>whatIfNote</c> says why (<see cref="WhatIf.Note"/>).
/// </summary>
public sealed record WhatIfDocument(bool WhatIf, string WhatIfNote, string Label)
{
    public static WhatIfDocument Default { get; } = new(true, Pharmacology.WhatIf.Note, Pharmacology.WhatIf.Label);
}
