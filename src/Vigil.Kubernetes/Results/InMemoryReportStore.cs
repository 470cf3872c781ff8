using System.Collections.Concurrent;
using Vigil.Kubernetes.Abstractions;

namespace Vigil.Kubernetes.Results;

/// <summary>An <see cref="IReportStore"/> in process memory: lost on restart. Thread-safe.</summary>
public sealed class InMemoryReportStore : IReportStore
{
    private readonly ConcurrentDictionary<ImageKey, StoredImageReport> _reports = new();

    /// <inheritdoc/>
    public Task<StoredImageReport?> GetAsync(ImageKey key, CancellationToken cancellationToken) =>
        Task.FromResult(_reports.GetValueOrDefault(key));

    /// <inheritdoc/>
    public Task SaveAsync(StoredImageReport report, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        _reports[report.Key] = report;
        return Task.CompletedTask;
    }

    /// <inheritdoc/>
    public Task<IReadOnlyList<ImageKey>> ListKeysAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<ImageKey>>([.. _reports.Keys]);
}
