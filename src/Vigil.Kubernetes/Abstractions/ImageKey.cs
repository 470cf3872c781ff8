using Vigil.Core;

namespace Vigil.Kubernetes.Abstractions;

/// <summary>
/// What is scanned once cluster-wide: an image manifest digest on one platform (a multi-platform index resolves to a
/// different image per node architecture).
/// </summary>
/// <param name="Digest">The manifest digest the kubelet reported (<c>status.containerStatuses[].imageID</c>).</param>
/// <param name="Platform">The platform of the node the pod runs on.</param>
public sealed record ImageKey(Digest Digest, Platform Platform)
{
    /// <inheritdoc/>
    public override string ToString() => $"{Digest}/{Platform}";
}
