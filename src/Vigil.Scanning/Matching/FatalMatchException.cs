namespace Vigil.Scanning.Matching;

/// <summary>A failure that must stop matching (the database is unreadable), unlike other matcher exceptions, which become warnings.</summary>
public sealed class FatalMatchException : Exception
{
    /// <summary>Creates the exception.</summary>
    public FatalMatchException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public FatalMatchException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and cause.</summary>
    public FatalMatchException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
