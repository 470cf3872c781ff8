using Vigil.Core;

namespace Vigil.Kubernetes.Abstractions;

/// <summary>One image for the scanning engine to pull, inventory and match.</summary>
/// <param name="ImageReference">A pullable reference pinned by digest, <c>docker.io/library/nginx@sha256:…</c> (never a tag).</param>
/// <param name="Digest">The manifest digest; may be an image index, then <see cref="Platform"/> selects the image.</param>
/// <param name="Platform">The platform of the node that runs it (<c>kubernetes.io/os</c>, <c>kubernetes.io/arch</c>).</param>
/// <param name="PullSecrets">Credentials from the pod's and its service account's <c>imagePullSecrets</c>, in that order.</param>
public sealed record ImageScanRequest(string ImageReference, Digest Digest, Platform Platform, IReadOnlyList<PullSecret> PullSecrets)
{
    /// <summary>The cache key of the result.</summary>
    public ImageKey Key => new(Digest, Platform);
}
