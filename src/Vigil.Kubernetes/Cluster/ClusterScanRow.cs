using Vigil.Kubernetes.Entities;
using Vigil.Kubernetes.Owners;

namespace Vigil.Kubernetes.Cluster;

/// <summary>One line of a one-shot cluster scan: a workload container image and what was found.</summary>
/// <param name="Workload">The workload.</param>
/// <param name="Container">The container name.</param>
/// <param name="Image">The image reference by digest.</param>
/// <param name="Counts">Findings per severity (after pod annotations and the severity filter).</param>
/// <param name="Fixable">Findings with a fix.</param>
/// <param name="Error">Why the image could not be scanned, or null.</param>
public sealed record ClusterScanRow(WorkloadReference Workload, string Container, string Image, SeverityCounts Counts, int Fixable, string? Error);
