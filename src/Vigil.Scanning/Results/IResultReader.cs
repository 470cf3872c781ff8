using Vigil.Core;

namespace Vigil.Scanning.Results;

/// <summary>What the dashboard and its API read.</summary>
/// <remarks>
/// Counts of a workload sum its distinct image digests; counts of a namespace and of the overview sum its workloads, so a
/// vulnerability in an image run by three workloads counts three times: three places to fix.
/// </remarks>
public interface IResultReader
{
    /// <summary>Counts per severity, fixable and unfixable, sizes and database age.</summary>
    Task<ResultOverview> GetOverviewAsync(CancellationToken cancellationToken);

    /// <summary>The <paramref name="count"/> workloads with the worst findings (most critical, then high, medium, low).</summary>
    Task<IReadOnlyList<WorkloadSummary>> GetWorstWorkloadsAsync(int count, CancellationToken cancellationToken);

    /// <summary>Every namespace with workloads, worst first.</summary>
    Task<IReadOnlyList<NamespaceSummary>> GetNamespacesAsync(CancellationToken cancellationToken);

    /// <summary>The workloads of one namespace, worst first; empty when the namespace is unknown.</summary>
    Task<IReadOnlyList<WorkloadSummary>> GetWorkloadsAsync(string cluster, string @namespace, CancellationToken cancellationToken);

    /// <summary>One workload with its containers and images, or null when unknown.</summary>
    Task<WorkloadDetail?> GetWorkloadAsync(WorkloadKey key, CancellationToken cancellationToken);

    /// <summary>One image digest with its scan and where it runs, or null when neither running nor scanned.</summary>
    Task<ImageDetail?> GetImageAsync(Digest digest, CancellationToken cancellationToken);

    /// <summary>The findings of one image digest, worst first, then by package; empty when not scanned.</summary>
    Task<IReadOnlyList<StoredFinding>> GetFindingsAsync(Digest digest, CancellationToken cancellationToken);

    /// <summary>Every running container affected by a vulnerability id, a package name or an image.</summary>
    /// <param name="query">The id, package name or image.</param>
    /// <param name="kind">How to read the query, or null to guess from its shape (see <see cref="SearchQueryClassifier"/>).</param>
    /// <param name="limit">At most this many hits (1–5000).</param>
    /// <param name="cancellationToken">Cancels the search.</param>
    Task<SearchResult> SearchAsync(string query, SearchKind? kind, int limit, CancellationToken cancellationToken);

    /// <summary>One page of the running containers affected by a vulnerability id, a package name or an image, worst first.</summary>
    /// <param name="query">The id, package name or image.</param>
    /// <param name="kind">How to read the query, or null to guess from its shape (see <see cref="SearchQueryClassifier"/>).</param>
    /// <param name="offset">How many hits to skip (0 or more); the totals always cover every hit.</param>
    /// <param name="limit">At most this many hits (1–5000).</param>
    /// <param name="cancellationToken">Cancels the search.</param>
    Task<SearchResult> SearchAsync(string query, SearchKind? kind, int offset, int limit, CancellationToken cancellationToken);

    /// <summary>Counts per recorded snapshot since <paramref name="since"/>, oldest first.</summary>
    Task<IReadOnlyList<TrendPoint>> GetTrendAsync(TrendScope scope, DateTimeOffset since, CancellationToken cancellationToken);

    /// <summary>Suppressions, soonest expiry first; expired ones only when asked.</summary>
    Task<IReadOnlyList<Suppression>> GetSuppressionsAsync(bool includeExpired, CancellationToken cancellationToken);
}
