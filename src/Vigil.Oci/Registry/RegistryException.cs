using System.Net;

namespace Vigil.Oci.Registry;

/// <summary>A registry request that failed, with a message naming the registry, the repository and what is missing.</summary>
public sealed class RegistryException : ImageReadException
{
    /// <summary>Creates the exception.</summary>
    public RegistryException(RegistryErrorKind kind, string registry, string? repository, HttpStatusCode? statusCode, string message, Exception? innerException = null)
        : base(message, innerException!)
    {
        Kind = kind;
        Registry = registry;
        Repository = repository;
        StatusCode = statusCode;
    }

    /// <summary>What went wrong.</summary>
    public RegistryErrorKind Kind { get; }

    /// <summary>The registry (<c>docker.io</c>, <c>host:port</c>).</summary>
    public string Registry { get; }

    /// <summary>The repository, when the request concerned one.</summary>
    public string? Repository { get; }

    /// <summary>The HTTP status, when there was a response.</summary>
    public HttpStatusCode? StatusCode { get; }
}
