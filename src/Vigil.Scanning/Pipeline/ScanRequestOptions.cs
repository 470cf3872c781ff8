namespace Vigil.Scanning.Pipeline;

/// <summary>Per-scan choices of <see cref="ScanService"/>.</summary>
public sealed record ScanRequestOptions
{
    /// <summary>Read the layers even when the SBOM cache has the image.</summary>
    public bool SkipCache { get; init; }
}
