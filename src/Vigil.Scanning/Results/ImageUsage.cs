namespace Vigil.Scanning.Results;

/// <summary>One place an image runs: a container of a workload.</summary>
/// <param name="Workload">The workload.</param>
/// <param name="Container">The container name.</param>
/// <param name="Image">The image reference as written in the pod spec.</param>
public sealed record ImageUsage(WorkloadKey Workload, string Container, string Image);
