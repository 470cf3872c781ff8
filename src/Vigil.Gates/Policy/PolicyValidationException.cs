namespace Vigil.Gates.Policy;

/// <summary>Thrown when a policy that must be valid (at gate start-up) is not; the message lists every error.</summary>
public sealed class PolicyValidationException : Exception
{
    /// <summary>Creates the exception for <paramref name="source"/> (a file name or resource name).</summary>
    public PolicyValidationException(string source, IReadOnlyList<PolicyError> errors)
        : base($"Invalid policy {source}:{Environment.NewLine}  " + string.Join(Environment.NewLine + "  ", errors))
    {
        Errors = errors;
    }

    /// <summary>Creates the exception with a message.</summary>
    public PolicyValidationException()
    {
        Errors = [];
    }

    /// <summary>Creates the exception with a message.</summary>
    public PolicyValidationException(string message)
        : base(message)
    {
        Errors = [];
    }

    /// <summary>Creates the exception with a message and cause.</summary>
    public PolicyValidationException(string message, Exception innerException)
        : base(message, innerException)
    {
        Errors = [];
    }

    /// <summary>The problems found.</summary>
    public IReadOnlyList<PolicyError> Errors { get; }
}
