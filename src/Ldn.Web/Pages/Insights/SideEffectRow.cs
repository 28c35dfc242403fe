using NodaTime;

namespace Ldn.Web.Pages.Insights;

/// <summary>One row of the side-effect timeline: the kind, its first and last day (null while ongoing) and its severity (mild, moderate, severe).</summary>
internal sealed record SideEffectRow(string Kind, LocalDate From, LocalDate? To, string Severity);
