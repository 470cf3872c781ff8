namespace Vigil.Testing.Images;

/// <summary>How a test layer blob is compressed.</summary>
public enum LayerCompression
{
    /// <summary>tar+gzip (the usual).</summary>
    Gzip,

    /// <summary>tar+zstd (made with the <c>zstd</c> tool).</summary>
    Zstd,

    /// <summary>A plain tar.</summary>
    None,
}
