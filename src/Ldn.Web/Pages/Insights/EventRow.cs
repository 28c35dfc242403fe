using NodaTime;

namespace Ldn.Web.Pages.Insights;

/// <summary>One journal event on the Insights timeline: its day (the event's zone) and kind (flare, infection, medication change, other).</summary>
internal sealed record EventRow(LocalDate Day, string Kind);
