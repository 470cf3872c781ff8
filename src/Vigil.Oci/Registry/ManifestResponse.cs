using Vigil.Core;

namespace Vigil.Oci.Registry;

/// <summary>A manifest or index as fetched from a registry, already verified against its digest.</summary>
/// <param name="Digest">The manifest digest.</param>
/// <param name="MediaType">The media type the registry declared.</param>
/// <param name="Content">The manifest bytes.</param>
public sealed record ManifestResponse(Digest Digest, string MediaType, ReadOnlyMemory<byte> Content);
