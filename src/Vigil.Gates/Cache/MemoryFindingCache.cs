using System.Collections.Concurrent;
using Vigil.Core;
using Vigil.Gates.Abstractions;

namespace Vigil.Gates.Cache;

/// <summary>
/// An in-process finding cache, bounded in size: filled by the registry gate and by inline scans, read by admission.
/// </summary>
/// <remarks>When full, the oldest scan is dropped first: it is also the one most likely to be past the report age.</remarks>
public sealed class MemoryFindingCache(int capacity = 10_000) : IFindingCache
{
    private readonly ConcurrentDictionary<Digest, ImageScanResult> results = new();

    /// <summary>How many results are held.</summary>
    public int Count => results.Count;

    /// <inheritdoc/>
    public ValueTask<ImageScanResult?> GetAsync(Digest digest, CancellationToken cancellationToken) =>
        ValueTask.FromResult(results.TryGetValue(digest, out var result) ? result : null);

    /// <inheritdoc/>
    public ValueTask SetAsync(ImageScanResult result, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(result);
        results[result.Digest] = result;
        while (results.Count > capacity)
        {
            var oldest = results.Values.MinBy(r => r.ScannedAt);
            if (oldest is null || !results.TryRemove(oldest.Digest, out _))
            {
                break;
            }
        }

        return ValueTask.CompletedTask;
    }
}
