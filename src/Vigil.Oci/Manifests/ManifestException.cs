namespace Vigil.Oci.Manifests;

/// <summary>A manifest, index or config that is malformed, unsupported (schema 1) or has no entry for the platform.</summary>
public sealed class ManifestException : ImageReadException
{
    /// <summary>Creates the exception with a message saying what is wrong.</summary>
    public ManifestException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the parser error.</summary>
    public ManifestException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
