using Vigil.Core;

namespace Vigil.Oci.Sources;

/// <summary>Blobs of an OCI image layout: <c>blobs/&lt;algorithm&gt;/&lt;hex&gt;</c>.</summary>
internal sealed class LayoutBlobStore(ILayoutFiles files) : IBlobStore
{
    public Task<Stream> OpenBlobAsync(Digest digest, CancellationToken cancellationToken)
    {
        var path = $"blobs/{digest.Algorithm}/{digest.Hex}";
        return files.Exists(path)
            ? Task.FromResult(files.Open(path))
            : throw new ImageReadException($"Blob {digest} is missing from {files.Location}.");
    }

    public Task<Stream> OpenManifestAsync(Digest digest, CancellationToken cancellationToken) => OpenBlobAsync(digest, cancellationToken);

    public ValueTask DisposeAsync() => files.DisposeAsync();
}
