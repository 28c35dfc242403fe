using Microsoft.AspNetCore.Identity;

namespace Ldn.Web.Accounts;

/// <summary>An account of the workbench: Identity's user (email as user name); its role says what it may see.</summary>
internal sealed class WebUser : IdentityUser;
