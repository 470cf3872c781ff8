using Vigil.Core;
using Vigil.Kubernetes.Owners;

namespace Vigil.Kubernetes.Abstractions;

/// <summary>
/// Keeps the full result per image and which workloads run which images (the custom resources only hold a summary).
/// The production store is Vigil's results database (<c>ResultStoreReportStore</c>), which the dashboard reads; the
/// in-memory store serves tests and one-shot runs.
/// </summary>
public interface IReportStore
{
    /// <summary>The result for <paramref name="key"/> with every finding, or null.</summary>
    Task<StoredImageReport?> GetAsync(ImageKey key, CancellationToken cancellationToken);

    /// <summary>The inventory (SBOM) of <paramref name="key"/>, for re-matching; null when it is not kept any more.</summary>
    Task<Inventory?> GetInventoryAsync(ImageKey key, CancellationToken cancellationToken);

    /// <summary>Adds or replaces the result for its key; <paramref name="inventory"/> is null when only the findings changed (a re-match).</summary>
    Task SaveAsync(StoredImageReport report, Inventory? inventory, CancellationToken cancellationToken);

    /// <summary>Every key with a stored result.</summary>
    Task<IReadOnlyList<ImageKey>> ListKeysAsync(CancellationToken cancellationToken);

    /// <summary>Records what a workload runs now; an empty list means it runs nothing (its pods are gone).</summary>
    Task SetWorkloadAsync(WorkloadReference workload, IReadOnlyList<WorkloadImage> containers, CancellationToken cancellationToken);

    /// <summary>Forgets every workload not in <paramref name="running"/> (left over from before a restart or a missed delete).</summary>
    Task RetainWorkloadsAsync(IReadOnlyCollection<WorkloadReference> running, CancellationToken cancellationToken);

    /// <summary>Records per-workload counts as they are now, for the dashboard's trend (a no-op where no history is kept).</summary>
    Task RecordSnapshotAsync(CancellationToken cancellationToken);
}
