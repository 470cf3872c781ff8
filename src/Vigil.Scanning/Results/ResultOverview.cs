namespace Vigil.Scanning.Results;

/// <summary>The whole picture, for the dashboard's first page.</summary>
/// <param name="Counts">Findings per severity, counted once per running workload that has them.</param>
/// <param name="Clusters">Clusters with at least one workload.</param>
/// <param name="Namespaces">Namespaces with at least one workload.</param>
/// <param name="Workloads">Workloads known.</param>
/// <param name="AffectedWorkloads">Workloads with at least one finding.</param>
/// <param name="Images">Distinct image digests running.</param>
/// <param name="ScannedImages">Running image digests that have findings stored (scanned at least once).</param>
/// <param name="DistinctVulnerabilities">Distinct vulnerability ids in running images.</param>
public sealed record ResultOverview(
    SeverityCounts Counts,
    int Clusters,
    int Namespaces,
    int Workloads,
    int AffectedWorkloads,
    int Images,
    int ScannedImages,
    int DistinctVulnerabilities)
{
    /// <summary>The newest vulnerability database version used by any running image's scan, if any.</summary>
    public string? DatabaseVersion { get; init; }

    /// <summary>When the newest database used was built, if known.</summary>
    public DateTimeOffset? DatabaseBuiltAt { get; init; }

    /// <summary>The oldest scan among running images, if any: how stale the picture can be.</summary>
    public DateTimeOffset? OldestScanAt { get; init; }

    /// <summary>The newest scan among running images, if any.</summary>
    public DateTimeOffset? NewestScanAt { get; init; }

    /// <summary>Running images not scanned yet.</summary>
    public int PendingImages => Images - ScannedImages;
}
