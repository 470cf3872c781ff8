using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using Vigil.Core;
using Vigil.Kubernetes.Abstractions;
using Vigil.Kubernetes.Controllers;
using Vigil.Kubernetes.Owners;
using Vigil.Scanning.Results;
using Vigil.Scanning.Sbom;

namespace Vigil.Kubernetes.Results;

/// <summary>
/// The production <see cref="IReportStore"/>: findings and workloads go to Vigil's results database (the one
/// <c>vigil serve</c> reads), inventories to the SBOM cache on disk. In memory stays only a small record per image
/// (where its inventory is, which database version matched it), so the controller's footprint does not grow with the
/// number of findings.
/// </summary>
/// <remarks>
/// The results database keys findings by image digest. A pod's digest may name an index (a multi-platform image), whose
/// platforms have different packages: findings are therefore stored under the digest of the platform's own manifest (the
/// same digest for single-platform images), and workloads point at the manifest their nodes run.
/// </remarks>
public sealed class ResultStoreReportStore(IResultStore results, SbomCache inventories, IOptions<VigilControllerOptions> options) : IReportStore
{
    private readonly ConcurrentDictionary<ImageKey, Entry> _entries = new();

    // Workloads recorded before their image was scanned: rewritten once the scan names the platform's manifest digest.
    private readonly ConcurrentDictionary<ImageKey, ConcurrentDictionary<WorkloadReference, IReadOnlyList<WorkloadImage>>> _awaitingScan = new();
    private readonly string _cluster = options.Value.ClusterName;

    /// <inheritdoc/>
    public async Task<StoredImageReport?> GetAsync(ImageKey key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (!_entries.TryGetValue(key, out var entry))
        {
            return null;
        }

        var findings = await results.GetFindingsAsync(entry.StoredDigest, cancellationToken);
        return new StoredImageReport(key, entry.Reference, entry.PackageCount, [.. findings.Select(f => f.ToFinding())], entry.DatabaseVersion, entry.ScannedAt, entry.MatchedAt);
    }

    /// <inheritdoc/>
    public async Task<Inventory?> GetInventoryAsync(ImageKey key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        return _entries.TryGetValue(key, out var entry) && entry.Inventory is { } cacheKey
            ? await inventories.GetAsync(cacheKey, cancellationToken)
            : null;
    }

    /// <inheritdoc/>
    public async Task SaveAsync(StoredImageReport report, Inventory? inventory, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        _entries.TryGetValue(report.Key, out var previous);
        var cacheKey = previous?.Inventory;
        var os = previous?.OperatingSystem;
        var stored = inventory?.Artifact.ManifestDigest ?? previous?.StoredDigest ?? report.Key.Digest;
        if (inventory is not null)
        {
            os = inventory.Os is { } info ? $"{info.Id} {info.VersionId}".Trim() : null;
            cacheKey = null;
            if (inventory.Artifact.ManifestDigest is not null)
            {
                await inventories.PutAsync(inventory, cancellationToken);
                cacheKey = SbomCacheKey.For(inventory);
            }
        }

        var scan = new ImageScanInfo(stored, report.DatabaseVersion, report.MatchedAt) { OperatingSystem = os };
        await results.ReplaceFindingsAsync(scan, report.Findings, cancellationToken);
        _entries[report.Key] = new Entry(report.ImageReference, report.PackageCount, report.DatabaseVersion, report.ScannedAt, report.MatchedAt, cacheKey, os, stored);
        if (_awaitingScan.TryRemove(report.Key, out var waiting) && stored != report.Key.Digest)
        {
            foreach (var (workload, containers) in waiting)
            {
                await SetWorkloadAsync(workload, containers, cancellationToken);
            }
        }
    }

    /// <inheritdoc/>
    public Task<IReadOnlyList<ImageKey>> ListKeysAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<ImageKey>>([.. _entries.Keys]);

    /// <inheritdoc/>
    public async Task SetWorkloadAsync(WorkloadReference workload, IReadOnlyList<WorkloadImage> containers, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(workload);
        ArgumentNullException.ThrowIfNull(containers);
        var key = KeyOf(workload);

        // Only the latest container list may be replayed after a scan (the set is small: images not scanned yet).
        foreach (var waiting in _awaitingScan.Values)
        {
            waiting.TryRemove(workload, out _);
        }

        if (containers.Count == 0)
        {
            await results.RemoveWorkloadAsync(key, cancellationToken);
            return;
        }

        foreach (var image in containers.Select(c => c.Image).Where(i => !_entries.ContainsKey(i)))
        {
            _awaitingScan.GetOrAdd(image, _ => new())[workload] = containers;
        }

        // One row per container name: during a rollout (or on two architectures) the image listed last wins.
        var rows = containers
            .GroupBy(c => c.Container, StringComparer.Ordinal)
            .Select(g => g.Last())
            .Select(c => (Container: c, Digest: _entries.TryGetValue(c.Image, out var e) ? e.StoredDigest : c.Image.Digest))
            .Select(c => new WorkloadContainer(c.Container.Container, $"{c.Container.Repository}@{c.Digest}", c.Container.Repository, c.Digest, c.Container.Image.Platform) { IsInit = c.Container.ContainerType == "initContainer" })
            .ToList();
        await results.UpsertWorkloadAsync(new Workload(key, new Dictionary<string, string>(StringComparer.Ordinal)), rows, cancellationToken);
    }

    /// <inheritdoc/>
    public async Task RetainWorkloadsAsync(IReadOnlyCollection<WorkloadReference> running, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(running);
        var keep = running.Select(KeyOf).ToHashSet();
        foreach (var ns in await results.GetNamespacesAsync(cancellationToken))
        {
            if (ns.Cluster != _cluster)
            {
                continue;
            }

            foreach (var workload in await results.GetWorkloadsAsync(ns.Cluster, ns.Namespace, cancellationToken))
            {
                if (!keep.Contains(workload.Key))
                {
                    await results.RemoveWorkloadAsync(workload.Key, cancellationToken);
                }
            }
        }
    }

    /// <inheritdoc/>
    public Task RecordSnapshotAsync(CancellationToken cancellationToken) => results.RecordSnapshotAsync(cancellationToken);

    private WorkloadKey KeyOf(WorkloadReference workload) => new(_cluster, workload.Namespace, workload.Kind, workload.Name);

    private sealed record Entry(string Reference, int PackageCount, string DatabaseVersion, DateTimeOffset ScannedAt, DateTimeOffset MatchedAt, SbomCacheKey? Inventory, string? OperatingSystem, Digest StoredDigest);
}
