namespace Vigil.Scanning.Results;

/// <summary>A namespace with the findings of its workloads summed.</summary>
/// <param name="Cluster">The cluster.</param>
/// <param name="Namespace">The namespace.</param>
/// <param name="Workloads">Workloads in it.</param>
/// <param name="AffectedWorkloads">Workloads in it with at least one finding.</param>
/// <param name="Counts">Findings per severity, once per workload.</param>
public sealed record NamespaceSummary(string Cluster, string Namespace, int Workloads, int AffectedWorkloads, SeverityCounts Counts);
