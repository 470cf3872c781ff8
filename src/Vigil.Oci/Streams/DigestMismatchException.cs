namespace Vigil.Oci.Streams;

/// <summary>A manifest or blob whose content does not match its digest or declared size.</summary>
public sealed class DigestMismatchException : ImageReadException
{
    /// <summary>Creates the exception with a message naming the blob and both digests.</summary>
    public DigestMismatchException(string message)
        : base(message)
    {
    }
}
