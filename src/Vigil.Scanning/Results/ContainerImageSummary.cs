namespace Vigil.Scanning.Results;

/// <summary>One container of a workload with its image's scan state and finding counts.</summary>
/// <param name="Container">The container and its image.</param>
/// <param name="Scan">When and how the image was last scanned, or null when it has not been.</param>
/// <param name="Counts">The image's findings per severity (zero when not scanned).</param>
public sealed record ContainerImageSummary(WorkloadContainer Container, ImageScanInfo? Scan, SeverityCounts Counts);
