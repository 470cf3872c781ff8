namespace Vigil.Core;

/// <summary>What was inventoried: an image by digest, an archive, a root file system or an SBOM file.</summary>
/// <param name="Name">What the user named (<c>registry/repo:tag</c>, a path).</param>
/// <param name="Kind">The kind of input.</param>
public sealed record ArtifactInfo(string Name, ArtifactKind Kind)
{
    /// <summary>The manifest digest for images; the cache key of the inventory.</summary>
    public Digest? ManifestDigest { get; init; }

    /// <summary>The image config digest (the image id), where known.</summary>
    public Digest? ConfigDigest { get; init; }

    /// <summary>The repository the image was pulled from, without tag or digest (<c>docker.io/library/nginx</c>).</summary>
    public string? Repository { get; init; }

    /// <summary>The image platform.</summary>
    public Platform? Platform { get; init; }

    /// <summary>Layer digests in order, base layer first.</summary>
    public IReadOnlyList<Digest> Layers { get; init; } = [];
}

/// <summary>The kind of input an inventory was made from.</summary>
public enum ArtifactKind
{
    /// <summary>An image from a registry, an OCI layout or an image archive.</summary>
    Image = 0,

    /// <summary>A plain root file system directory.</summary>
    RootFileSystem = 1,

    /// <summary>An SBOM file made by some tool.</summary>
    Sbom = 2,
}
