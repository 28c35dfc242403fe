namespace Ldn.Core.Population;

/// <summary>How a population run integrates its subjects (<c>ldn population --engine</c>).</summary>
public enum PopulationEngine
{
    /// <summary>
    /// <see cref="Fast.FastSubjectEngine"/>: exact linear part, RK4 for the rest on fixed steps, four
    /// subjects per vector; structures A, B, slow-pool and two-site (slow-binding runs on the reference engine).
    /// </summary>
    Fast = 0,

    /// <summary><see cref="SubjectSimulator"/>: the adaptive Dormand–Prince solver of <c>ldn simulate</c>, every structure.</summary>
    Reference = 1,
}
