namespace Ldn.Web.Journal;

/// <summary>
/// A check-in as JSON, for <c>POST</c> and <c>PUT</c> (null leaves a field): <c>scores</c> by scale id or label
/// (<c>{ "pain": 4, "brain fog": 6 }</c>, each 0–10; on <c>PUT</c> the named scales are set, the others kept),
/// <c>at</c> and <c>timeZone</c> as for a dose, <c>reason</c> kept in the history of an edit.
/// </summary>
internal sealed record CheckInBody(string? At, string? TimeZone, Dictionary<string, int>? Scores, string? Note, string? Reason);

/// <summary>
/// A side effect as JSON: <c>kind</c> a kind, an alias ("nightmares", kept as <c>typedName</c>) or a near miss
/// (asked about); <c>severity</c> mild (default), moderate or severe; <c>from</c>/<c>to</c> times as for a dose
/// (<c>to</c> "ongoing" on <c>PUT</c> reopens it); <c>confirm</c> answers the questions.
/// </summary>
internal sealed record SideEffectBody(string? Kind, string? Severity, string? From, string? To, string? TimeZone, string? Note, bool? Confirm, string? Reason);

/// <summary>An event as JSON: <c>kind</c> flare, infection, medication-change or other; <c>at</c>, <c>timeZone</c>, <c>note</c>.</summary>
internal sealed record EventBody(string? Kind, string? At, string? TimeZone, string? Note, string? Reason);

/// <summary>
/// A medication as JSON: <c>name</c> (1–200 characters; one close to an opioid needs <c>confirm</c>),
/// <c>since</c> (default now) and, on <c>PUT</c>, <c>until</c> (the last dose taken; "ongoing" makes it current again).
/// </summary>
internal sealed record MedicationBody(string? Name, string? Since, string? Until, bool? Confirm, string? Reason);
