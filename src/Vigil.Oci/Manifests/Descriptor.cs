using Vigil.Core;

namespace Vigil.Oci.Manifests;

/// <summary>A content descriptor: the media type, digest and size of a blob, with platform and annotations in indexes.</summary>
/// <param name="MediaType">The media type.</param>
/// <param name="Digest">The content digest.</param>
/// <param name="Size">The size in bytes.</param>
public sealed record Descriptor(string MediaType, Digest Digest, long Size)
{
    /// <summary>The platform, for entries of an index.</summary>
    public Platform? Platform { get; init; }

    /// <summary>Annotations such as <c>org.opencontainers.image.ref.name</c>.</summary>
    public IReadOnlyDictionary<string, string> Annotations { get; init; } = new Dictionary<string, string>();

    /// <summary>The OCI layout tag annotation, when present.</summary>
    public string? RefName => Annotations.GetValueOrDefault("org.opencontainers.image.ref.name");
}
