namespace Vigil.Kubernetes.Abstractions;

/// <summary>
/// The port to the scanning engine: pull an image by digest, build its inventory and match it. Implemented outside this
/// project (Vigil.Scanning); the controller calls it at most once per <see cref="ImageKey"/> at a time.
/// </summary>
public interface IImageScanner
{
    /// <summary>Scans one image. Throws on failure (unreachable registry, denied, not found); the controller retries later.</summary>
    Task<ImageScanResult> ScanAsync(ImageScanRequest request, CancellationToken cancellationToken);
}
