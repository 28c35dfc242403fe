using Ldn.Core;

namespace Ldn.Web.Pages.Journal;

/// <summary>An entry id that is not in the caller's journal (another patient's ids are not in it): the page answers 404 with the sentence.</summary>
internal sealed class UnknownEntryException : InvalidInputException
{
    public UnknownEntryException(string message) : base(message) { }

    public UnknownEntryException(string message, Exception innerException) : base(message, innerException) { }

    public UnknownEntryException() : base("The journal has no such entry.") { }
}
