using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Vigil.Core;
using Vigil.Gates.Abstractions;

namespace Vigil.Gates.Admission;

/// <summary>
/// Runs at most one scan per digest at a time. A caller waits only as long as its own budget; the scan goes on in the
/// background and fills the finding cache, so the API server's retry finds the verdict ready.
/// </summary>
public sealed class InlineScanCoordinator(IGateScanner scanner, IFindingCache cache, ILogger<InlineScanCoordinator> logger)
{
    private readonly ConcurrentDictionary<Digest, Lazy<Task<ImageScanResult>>> running = new();

    /// <summary>How long a background scan may take before it is abandoned.</summary>
    public TimeSpan ScanTimeout { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>Scans (or joins the running scan of) <paramref name="digest"/>, waiting until <paramref name="cancellationToken"/> fires at most.</summary>
    public Task<ImageScanResult> ScanAsync(string repository, Digest digest, CancellationToken cancellationToken)
    {
        var scan = running.GetOrAdd(digest, d => new Lazy<Task<ImageScanResult>>(() => RunAsync(repository, d))).Value;
        return scan.WaitAsync(cancellationToken);
    }

    private async Task<ImageScanResult> RunAsync(string repository, Digest digest)
    {
        try
        {
            // Not the caller's token: the scan outlives the admission request that asked for it.
            using var timeout = new CancellationTokenSource(ScanTimeout);
            logger.InlineScanStarted(repository, digest.ToString());
            var result = await scanner.ScanAsync(repository, digest, timeout.Token).ConfigureAwait(false);
            await cache.SetAsync(result, CancellationToken.None).ConfigureAwait(false);
            logger.InlineScanFinished(repository, digest.ToString(), result.Findings.Count);
            return result;
        }
        catch (Exception e)
        {
            logger.InlineScanFailed(e, repository, digest.ToString());
            throw;
        }
        finally
        {
            running.TryRemove(digest, out _);
        }
    }
}
