namespace Vigil.Cli.Infrastructure;

/// <summary>
/// A command gave up within its <c>--timeout</c> and knows why (a tag that never appeared): exit code 4 with this
/// message instead of the generic "timed out" line.
/// </summary>
public sealed class CommandTimeoutException : Exception
{
    /// <summary>Creates the exception with the line to print.</summary>
    public CommandTimeoutException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with the line to print and its cause.</summary>
    public CommandTimeoutException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception with a generic message.</summary>
    public CommandTimeoutException()
        : base("The command timed out.")
    {
    }
}
