namespace Ldn.Core.Population;

/// <summary>A population run was cancelled; says how many subjects had finished.</summary>
public sealed class PopulationCancelledException : OperationCanceledException
{
    public PopulationCancelledException()
    {
    }

    public PopulationCancelledException(string message)
        : base(message)
    {
    }

    public PopulationCancelledException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public PopulationCancelledException(int completed, int total, CancellationToken token)
        : base($"Stopped after {completed:N0} of {total:N0} subjects.", token)
    {
        Completed = completed;
        Total = total;
    }

    public int Completed { get; }

    public int Total { get; }
}
