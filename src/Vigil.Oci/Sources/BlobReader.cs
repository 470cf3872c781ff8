using Vigil.Oci.Manifests;
using Vigil.Oci.Streams;

namespace Vigil.Oci.Sources;

/// <summary>Reads small blobs (manifests, configs) whole, capped in size and verified against their digest.</summary>
internal static class BlobReader
{
    /// <summary>Reads the blob of <paramref name="descriptor"/>, rejecting it when it is bigger than <paramref name="maxBytes"/>.</summary>
    public static async Task<byte[]> ReadAsync(IBlobStore store, Descriptor descriptor, long maxBytes, string subject, bool manifest, CancellationToken cancellationToken)
    {
        if (descriptor.Size > maxBytes)
        {
            throw new ManifestException($"The {subject} ({descriptor.Digest}) is {descriptor.Size} bytes, over the {maxBytes}-byte limit.");
        }

        await using var raw = manifest
            ? await store.OpenManifestAsync(descriptor.Digest, cancellationToken)
            : await store.OpenBlobAsync(descriptor.Digest, cancellationToken);
        await using var verified = new DigestVerifyingStream(raw, descriptor.Digest, descriptor.Size, subject);
        return await ReadCappedAsync(verified, maxBytes, subject, cancellationToken);
    }

    /// <summary>Reads a whole stream, throwing when it holds more than <paramref name="maxBytes"/>.</summary>
    public static async Task<byte[]> ReadCappedAsync(Stream stream, long maxBytes, string subject, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                throw new ManifestException($"The {subject} is larger than the {maxBytes}-byte limit; refusing it.");
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}
