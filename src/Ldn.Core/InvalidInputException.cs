namespace Ldn.Core;

/// <summary>
/// A mistake a user can make and correct: a malformed dose, an unknown unit, a parameter file with a
/// negative volume. The message is one complete sentence meant for the user, so interfaces print it
/// as it is and exit with the "bad input" code instead of showing a stack trace.
/// </summary>
public class InvalidInputException : Exception
{
    public InvalidInputException(string message) : base(message) { }

    public InvalidInputException(string message, Exception innerException) : base(message, innerException) { }

    public InvalidInputException() : base("The input is not valid.") { }
}
