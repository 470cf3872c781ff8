using Vigil.Scanning.Results;

namespace Vigil.Web.Api;

/// <summary>GET <c>/api/v1/overview</c>: what the overview page shows.</summary>
/// <param name="Overview">Counts, sizes and database age.</param>
/// <param name="WorstWorkloads">The worst workloads.</param>
/// <param name="Trend">Counts per snapshot over the trend window.</param>
public sealed record OverviewResponse(ResultOverview Overview, IReadOnlyList<WorkloadSummary> WorstWorkloads, IReadOnlyList<TrendPoint> Trend);
