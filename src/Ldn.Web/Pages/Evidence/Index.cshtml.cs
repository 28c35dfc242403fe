using Ldn.Core.Evidence;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Ldn.Web.Pages.Evidence;

/// <summary>
/// <c>/evidence</c>, open to anyone: every condition of the shipped evidence catalogue
/// (<see cref="EvidenceCatalog.Shipped"/>, as <c>ldn evidence</c>) with its best grade and number of studies,
/// strongest first, each linking to <c>/evidence/{condition}</c>; then the side-effect frequencies and the
/// popular claims, every number with its source.
/// </summary>
[AllowAnonymous]
internal sealed class EvidenceModel : PageModel
{
    /// <summary>The catalogue is compiled in, so the page has no handler: nothing is read per request.</summary>
    public EvidenceSet Set { get; } = EvidenceCatalog.Shipped;
}
