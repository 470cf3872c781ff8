using Vigil.Core;

namespace Vigil.Gates.Abstractions;

/// <summary>Precomputed scan results by manifest digest, so that gates answer without pulling anything.</summary>
public interface IFindingCache
{
    /// <summary>The stored result for <paramref name="digest"/>, or null when the image has not been scanned.</summary>
    ValueTask<ImageScanResult?> GetAsync(Digest digest, CancellationToken cancellationToken);

    /// <summary>Stores (or replaces) the result for its digest.</summary>
    ValueTask SetAsync(ImageScanResult result, CancellationToken cancellationToken);
}
