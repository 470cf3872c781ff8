using Vigil.Core;
using Vigil.Gates.Abstractions;
using Vigil.Scanning.Results;

namespace Vigil.Gates.Cache;

/// <summary>Findings from the SQLite results store that the controller writes and the dashboard reads, by image digest.</summary>
public sealed class ResultStoreFindingSource(IResultReader results) : IFindingSource
{
    /// <inheritdoc/>
    public string Name => "results-store";

    /// <inheritdoc/>
    public async ValueTask<ImageScanResult?> FindAsync(Digest digest, CancellationToken cancellationToken)
    {
        var image = await results.GetImageAsync(digest, cancellationToken).ConfigureAwait(false);
        if (image?.Scan is not { } scan)
        {
            return null;
        }

        var stored = await results.GetFindingsAsync(digest, cancellationToken).ConfigureAwait(false);
        return new ImageScanResult(digest, [.. stored.Select(f => f.ToFinding())], scan.ScannedAt);
    }
}
