namespace Vigil.Oci;

/// <summary>
/// An image that cannot be read: a corrupt or truncated layer, a content that does not match its digest, a limit exceeded
/// (decompression bomb, huge manifest), an unsupported format. The message says which image part and why.
/// </summary>
public class ImageReadException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ImageReadException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public ImageReadException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the underlying cause.</summary>
    public ImageReadException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
