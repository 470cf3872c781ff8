using Vigil.Scanning.Results;

namespace Vigil.Web.Api;

/// <summary>GET <c>/api/v1/workloads/{cluster}/{namespace}/{kind}/{name}</c>: one workload, its images and trend.</summary>
/// <param name="Workload">The workload with its containers and images.</param>
/// <param name="Trend">Counts per snapshot over the trend window.</param>
public sealed record WorkloadResponse(WorkloadDetail Workload, IReadOnlyList<TrendPoint> Trend);
