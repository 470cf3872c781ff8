namespace Vigil.Cli.Infrastructure;

/// <summary>A failure a command reports to the user as one line (exit code 3): empty database, unreadable file.</summary>
public sealed class CommandException : Exception
{
    /// <summary>Creates the exception with the line to print.</summary>
    public CommandException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with the line to print and its cause.</summary>
    public CommandException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception with a generic message.</summary>
    public CommandException()
        : base("The command failed.")
    {
    }
}
