using System.Collections.Concurrent;
using Vigil.Core;
using Vigil.Kubernetes.Abstractions;
using Vigil.Kubernetes.Owners;

namespace Vigil.Kubernetes.Results;

/// <summary>An <see cref="IReportStore"/> in process memory: lost on restart, nothing for the dashboard. Thread-safe.</summary>
public sealed class InMemoryReportStore : IReportStore
{
    private readonly ConcurrentDictionary<ImageKey, (StoredImageReport Report, Inventory? Inventory)> _reports = new();
    private readonly ConcurrentDictionary<WorkloadReference, IReadOnlyList<WorkloadImage>> _workloads = new();

    /// <summary>The workloads that run something now, with their containers.</summary>
    public IReadOnlyDictionary<WorkloadReference, IReadOnlyList<WorkloadImage>> Workloads => _workloads;

    /// <inheritdoc/>
    public Task<StoredImageReport?> GetAsync(ImageKey key, CancellationToken cancellationToken) =>
        Task.FromResult(_reports.TryGetValue(key, out var entry) ? entry.Report : null);

    /// <inheritdoc/>
    public Task<Inventory?> GetInventoryAsync(ImageKey key, CancellationToken cancellationToken) =>
        Task.FromResult(_reports.TryGetValue(key, out var entry) ? entry.Inventory : null);

    /// <inheritdoc/>
    public Task SaveAsync(StoredImageReport report, Inventory? inventory, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        _reports.AddOrUpdate(report.Key, (report, inventory), (_, old) => (report, inventory ?? old.Inventory));
        return Task.CompletedTask;
    }

    /// <inheritdoc/>
    public Task<IReadOnlyList<ImageKey>> ListKeysAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<ImageKey>>([.. _reports.Keys]);

    /// <inheritdoc/>
    public Task SetWorkloadAsync(WorkloadReference workload, IReadOnlyList<WorkloadImage> containers, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(workload);
        ArgumentNullException.ThrowIfNull(containers);
        if (containers.Count == 0)
        {
            _workloads.TryRemove(workload, out _);
        }
        else
        {
            _workloads[workload] = containers;
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc/>
    public Task RetainWorkloadsAsync(IReadOnlyCollection<WorkloadReference> running, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(running);
        var keep = running.ToHashSet();
        foreach (var workload in _workloads.Keys.Where(w => !keep.Contains(w)))
        {
            _workloads.TryRemove(workload, out _);
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc/>
    public Task RecordSnapshotAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
