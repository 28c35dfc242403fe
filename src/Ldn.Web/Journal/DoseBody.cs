namespace Ldn.Web.Journal;

/// <summary>
/// A dose as JSON, for <c>POST</c> (a new dose) and <c>PUT</c> (the fields to change; null leaves a field).
/// <c>at</c> is text as the CLI reads it (<c>22:00</c>, <c>2026-12-01 22:00</c>, ISO 8601 with an offset),
/// in <c>timeZone</c> or the journal's zone; <c>doseMg</c> in mg (null on POST: the plan's dose that day);
/// <c>formulation</c> capsule, tablet, liquid or sublingual; <c>confirm</c> records an entry that looks like
/// a mistake (otherwise 409 with the questions); <c>reason</c> is kept in the history of an edit.
/// </summary>
internal sealed record DoseBody(string? At, decimal? DoseMg, string? Formulation, bool? Skipped, string? Note, string? TimeZone, bool? Confirm, string? Reason);
