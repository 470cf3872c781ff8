using Vigil.Core;
using Vigil.Oci.Sources;

namespace Vigil.Oci.Registry;

/// <summary>Blobs and manifests of one registry repository.</summary>
internal sealed class RegistryBlobStore(RegistryClient client, string repository) : IBlobStore
{
    public Task<Stream> OpenBlobAsync(Digest digest, CancellationToken cancellationToken) =>
        client.OpenBlobAsync(repository, digest, cancellationToken);

    public async Task<Stream> OpenManifestAsync(Digest digest, CancellationToken cancellationToken)
    {
        var manifest = await client.GetManifestAsync(repository, digest.ToString(), cancellationToken);
        return new MemoryStream(manifest.Content.ToArray(), writable: false);
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
