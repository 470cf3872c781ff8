using Vigil.Core;

namespace Vigil.Gates.Abstractions;

/// <summary>The scanning engine as the gates see it: scan one image, pinned by digest, and return its findings.</summary>
public interface IGateScanner
{
    /// <summary>Scans <paramref name="repository"/>@<paramref name="digest"/> (<c>registry.example.com/team/app</c>).</summary>
    /// <exception cref="OperationCanceledException">When <paramref name="cancellationToken"/> fires (the gate's budget ran out).</exception>
    Task<ImageScanResult> ScanAsync(string repository, Digest digest, CancellationToken cancellationToken);
}
