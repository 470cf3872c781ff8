using System.Collections.Concurrent;
using Vigil.Core;
using Vigil.Gates.Abstractions;

namespace Vigil.Gates.Tests;

/// <summary>A scanner double: fixed findings per digest, an optional delay, and a count of scans per digest.</summary>
internal sealed class FakeGateScanner(TimeProvider? timeProvider = null) : IGateScanner
{
    private readonly ConcurrentDictionary<Digest, int> calls = new();

    public Dictionary<Digest, Finding[]> Findings { get; } = [];

    public TimeSpan Delay { get; set; }

    /// <summary>Signalled when a scan starts (lets tests kill a gate mid-scan).</summary>
    public TaskCompletionSource ScanStarted { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public int Calls(Digest digest) => calls.GetValueOrDefault(digest);

    public int TotalCalls => calls.Values.Sum();

    public async Task<ImageScanResult> ScanAsync(string repository, Digest digest, CancellationToken cancellationToken)
    {
        calls.AddOrUpdate(digest, 1, (_, n) => n + 1);
        ScanStarted.TrySetResult();
        if (Delay > TimeSpan.Zero)
        {
            await Task.Delay(Delay, cancellationToken);
        }

        return new ImageScanResult(digest, Findings.GetValueOrDefault(digest) ?? [], (timeProvider ?? TimeProvider.System).GetUtcNow());
    }
}
