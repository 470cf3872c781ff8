using Vigil.Core;
using Vigil.Gates.Abstractions;

namespace Vigil.Gates.Tests.EndToEnd;

/// <summary>Wraps the real scanner with a delay before the scan, so a test can stop the gate while a scan is under way.</summary>
internal sealed class DelayedScanner(IGateScanner inner, TimeSpan delay) : IGateScanner
{
    private int calls;

    public TaskCompletionSource Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public int Calls => calls;

    public async Task<ImageScanResult> ScanAsync(string repository, Digest digest, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref calls);
        Started.TrySetResult();
        await Task.Delay(delay, cancellationToken);
        return await inner.ScanAsync(repository, digest, cancellationToken);
    }
}
