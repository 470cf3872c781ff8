using Vigil.Core;
using Vigil.Gates.Abstractions;
using Vigil.Scanning.Pipeline;

namespace Vigil.Gates.Adapters;

/// <summary>The gates' scanner port on top of the scanning pipeline: pulls <c>repository@digest</c> and matches it.</summary>
public sealed class ScanServiceGateScanner(ScanService scans, TimeProvider timeProvider) : IGateScanner
{
    /// <inheritdoc/>
    public async Task<ImageScanResult> ScanAsync(string repository, Digest digest, CancellationToken cancellationToken)
    {
        var outcome = await scans.ScanImageAsync($"docker://{repository}@{digest}", new ScanRequestOptions(), null, cancellationToken).ConfigureAwait(false);
        return new ImageScanResult(digest, outcome.Findings, timeProvider.GetUtcNow());
    }
}
