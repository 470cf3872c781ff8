using Vigil.Core;

namespace Vigil.Scanning.Results;

/// <summary>What the controller writes: workloads as they change, findings as images are scanned, snapshots, suppressions.</summary>
/// <remarks>Every method is one transaction; a failure leaves the store as it was.</remarks>
public interface IResultWriter
{
    /// <summary>Adds a workload or replaces its labels and its whole container list.</summary>
    Task UpsertWorkloadAsync(Workload workload, IReadOnlyList<WorkloadContainer> containers, CancellationToken cancellationToken);

    /// <summary>Removes a workload and its containers; returns false when it was not there. Findings of its images stay (other workloads may run them).</summary>
    Task<bool> RemoveWorkloadAsync(WorkloadKey key, CancellationToken cancellationToken);

    /// <summary>Replaces the findings of one image digest with a new scan's.</summary>
    Task ReplaceFindingsAsync(ImageScanInfo scan, IReadOnlyList<Finding> findings, CancellationToken cancellationToken);

    /// <summary>Replaces the findings of one image digest with already flattened findings (imports, tests).</summary>
    Task ReplaceStoredFindingsAsync(ImageScanInfo scan, IReadOnlyList<StoredFinding> findings, CancellationToken cancellationToken);

    /// <summary>The last scan of an image digest, or null: the controller rescans when the database version changed.</summary>
    Task<ImageScanInfo?> GetImageScanAsync(Digest digest, CancellationToken cancellationToken);

    /// <summary>Running image digests with no scan, or whose last scan used another database version than <paramref name="databaseVersion"/>.</summary>
    Task<IReadOnlyList<Digest>> GetImagesToScanAsync(string? databaseVersion, CancellationToken cancellationToken);

    /// <summary>Deletes findings of image digests that no workload runs and that were scanned before <paramref name="scannedBefore"/>.</summary>
    Task<int> PruneUnusedImagesAsync(DateTimeOffset scannedBefore, CancellationToken cancellationToken);

    /// <summary>Records per-workload counts as they are now (the time comes from the store's <see cref="TimeProvider"/>).</summary>
    Task<SnapshotSummary> RecordSnapshotAsync(CancellationToken cancellationToken);

    /// <summary>Replaces the suppressions in force with the given set (the controller reconciles it from policies).</summary>
    Task ReplaceSuppressionsAsync(IReadOnlyList<Suppression> suppressions, CancellationToken cancellationToken);
}
