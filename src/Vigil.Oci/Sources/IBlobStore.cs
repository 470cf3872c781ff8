using Vigil.Core;

namespace Vigil.Oci.Sources;

/// <summary>Where an image's blobs are read from: an OCI layout, an archive, a registry repository.</summary>
internal interface IBlobStore : IAsyncDisposable
{
    /// <summary>Opens a blob as stored, unverified; throws <see cref="ImageReadException"/> when it is missing.</summary>
    Task<Stream> OpenBlobAsync(Digest digest, CancellationToken cancellationToken);

    /// <summary>Opens a manifest by digest, unverified (registries serve manifests apart from blobs).</summary>
    Task<Stream> OpenManifestAsync(Digest digest, CancellationToken cancellationToken);
}
