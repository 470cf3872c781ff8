namespace Vigil.Scanning.Results;

/// <summary>One workload, its containers and their images.</summary>
/// <param name="Workload">The workload and its labels.</param>
/// <param name="Containers">Its containers in pod-spec order (init containers first).</param>
/// <param name="Counts">Findings per severity, each distinct image once.</param>
/// <param name="UpdatedAt">When the controller last reported it.</param>
public sealed record WorkloadDetail(Workload Workload, IReadOnlyList<ContainerImageSummary> Containers, SeverityCounts Counts, DateTimeOffset UpdatedAt);
