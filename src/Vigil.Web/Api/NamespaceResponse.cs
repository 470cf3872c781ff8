using Vigil.Scanning.Results;

namespace Vigil.Web.Api;

/// <summary>GET <c>/api/v1/namespaces/{cluster}/{namespace}</c>: one namespace's workloads and trend.</summary>
/// <param name="Cluster">The cluster.</param>
/// <param name="Namespace">The namespace.</param>
/// <param name="Workloads">Its workloads, worst first.</param>
/// <param name="Trend">Counts per snapshot over the trend window.</param>
public sealed record NamespaceResponse(string Cluster, string Namespace, IReadOnlyList<WorkloadSummary> Workloads, IReadOnlyList<TrendPoint> Trend);
