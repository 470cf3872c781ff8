using Vigil.Core;
using Vigil.Kubernetes.Owners;

namespace Vigil.Kubernetes.Abstractions;

/// <summary>One report the controller just published: where the image runs and what it has.</summary>
/// <param name="Workload">The top controller running the image.</param>
/// <param name="Container">The container name.</param>
/// <param name="Image">The full stored result of the image.</param>
/// <param name="Findings">The findings after the pod's own filters (ignore annotations), as the report shows them.</param>
public sealed record PublishedReport(WorkloadReference Workload, string Container, StoredImageReport Image, IReadOnlyList<Finding> Findings)
{
    /// <summary>The labels of the pod that runs it (policy exemptions match on them).</summary>
    public IReadOnlyDictionary<string, string> Labels { get; init; } = new Dictionary<string, string>();
}
