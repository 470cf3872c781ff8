using Vigil.Core;

namespace Vigil.Oci.Layers;

/// <summary>How far the reading of one layer is, for progress bars.</summary>
/// <param name="LayerIndex">The layer, 0 for the base layer.</param>
/// <param name="LayerDigest">Its digest, or null for a root file system directory.</param>
/// <param name="BytesRead">Blob bytes read so far (compressed bytes for compressed layers).</param>
/// <param name="TotalBytes">The blob size when known, else null.</param>
/// <param name="Completed">Whether the layer is fully read.</param>
public sealed record LayerProgress(int LayerIndex, Digest? LayerDigest, long BytesRead, long? TotalBytes, bool Completed);
