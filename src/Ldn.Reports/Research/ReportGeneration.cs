namespace Ldn.Reports.Research;

/// <summary>
/// How a research report was produced, printed in its footer so that it can be reproduced.
/// </summary>
/// <param name="CommandLine">The command as typed, e.g. <c>ldn population --n 200 --report p.html</c>.</param>
/// <param name="Seed">The random seed, or null for a deterministic command.</param>
/// <param name="ParameterSet">The model parameter set's name (or file).</param>
public sealed record ReportGeneration(string CommandLine, long? Seed, string ParameterSet);
