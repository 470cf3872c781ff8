using Microsoft.Extensions.Logging;
using Vigil.Core;
using Vigil.Gates.Abstractions;

namespace Vigil.Gates.Cache;

/// <summary>
/// The admission gate's finding cache: results of its own inline scans first (in memory, the newest), then each
/// <see cref="IFindingSource"/> in order (a cached SBOM re-matched against today's database, then the results store the
/// controller writes). Decides by digest only; a source that fails is logged and skipped, never fatal.
/// </summary>
public sealed class LayeredFindingCache(MemoryFindingCache memory, IEnumerable<IFindingSource> sources, ILogger<LayeredFindingCache> logger) : IFindingCache
{
    private readonly IFindingSource[] sources = [.. sources];

    /// <inheritdoc/>
    public async ValueTask<ImageScanResult?> GetAsync(Digest digest, CancellationToken cancellationToken)
    {
        if (await memory.GetAsync(digest, cancellationToken).ConfigureAwait(false) is { } scanned)
        {
            return scanned;
        }

        foreach (var source in sources)
        {
            try
            {
                if (await source.FindAsync(digest, cancellationToken).ConfigureAwait(false) is { } found)
                {
                    return found;
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.FindingSourceFailed(e, source.Name, digest.ToString());
            }
        }

        return null;
    }

    /// <inheritdoc/>
    public ValueTask SetAsync(ImageScanResult result, CancellationToken cancellationToken) => memory.SetAsync(result, cancellationToken);
}
