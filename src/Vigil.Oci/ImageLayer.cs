using Vigil.Core;

namespace Vigil.Oci;

/// <summary>One layer of an image as its manifest describes it.</summary>
/// <param name="Index">Position in the image, 0 for the base layer.</param>
/// <param name="Digest">Digest of the blob as stored (compressed for registries and OCI layouts).</param>
/// <param name="Size">Size of the blob in bytes, or -1 when unknown (docker-archive members are sized by the tar).</param>
/// <param name="MediaType">The descriptor's media type; the reader detects the compression from magic bytes anyway.</param>
public sealed record ImageLayer(int Index, Digest Digest, long Size, string MediaType);
