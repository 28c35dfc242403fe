namespace Ldn.Core.Journal;

/// <summary>
/// A scale was not added because the catalogue already has one of that name or id (<see cref="Existing"/>):
/// a mistake like any other for the CLI (one sentence), which a web front end answers as a conflict (409).
/// </summary>
public sealed class ScaleExistsException : InvalidInputException
{
    public ScaleExistsException(string message, SymptomScale existing) : base(message) => Existing = existing;

    public ScaleExistsException() : base("The journal already has a scale of that name.") { }

    public ScaleExistsException(string message) : base(message) { }

    public ScaleExistsException(string message, Exception innerException) : base(message, innerException) { }

    /// <summary>The scale already in the catalogue, or null when not known.</summary>
    public SymptomScale? Existing { get; }
}
