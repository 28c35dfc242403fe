using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Ldn.Web.Pages;

/// <summary>
/// <c>/offline</c>: what the service worker (<c>/sw.js</c>) shows when a page cannot be loaded because the
/// network is down. Public and free of personal data: the worker fetches it without cookies and caches it.
/// </summary>
[AllowAnonymous]
internal sealed class OfflineModel : PageModel;
