using Vigil.Core;

namespace Vigil.Scanning.Results;

/// <summary>One container of a workload and the image it runs, resolved to a digest.</summary>
/// <param name="Name">The container name in the pod template.</param>
/// <param name="Image">The image reference as written in the pod spec (<c>nginx:1.25</c>).</param>
/// <param name="Repository">The normalised repository (<c>docker.io/library/nginx</c>).</param>
/// <param name="Digest">The manifest digest that runs (from the pod status), the key of its findings.</param>
/// <param name="Platform">The platform that runs, when known.</param>
public sealed record WorkloadContainer(string Name, string Image, string Repository, Digest Digest, Platform? Platform = null)
{
    /// <summary>Whether this is an init container.</summary>
    public bool IsInit { get; init; }
}
