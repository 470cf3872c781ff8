using Vigil.Core;

namespace Vigil.Scanning.Results;

/// <summary>One running container affected by what was searched for.</summary>
/// <param name="Workload">The workload.</param>
/// <param name="Container">The container name.</param>
/// <param name="Image">The image reference as written in the pod spec.</param>
/// <param name="Digest">The image digest.</param>
public sealed record SearchHit(WorkloadKey Workload, string Container, string Image, Digest Digest)
{
    /// <summary>The finding that matched (vulnerability and package searches); null for image searches.</summary>
    public StoredFinding? Finding { get; init; }

    /// <summary>The image's findings per severity (image searches); null otherwise.</summary>
    public SeverityCounts? ImageCounts { get; init; }
}
