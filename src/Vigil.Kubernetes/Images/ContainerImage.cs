using System.Diagnostics.CodeAnalysis;
using Vigil.Core;

namespace Vigil.Kubernetes.Images;

/// <summary>
/// The image a container really runs, pinned by digest, parsed from the kubelet's <c>imageID</c> (never from the tag in
/// the pod spec, which can move).
/// </summary>
/// <param name="Repository">The repository, such as <c>docker.io/library/nginx</c>.</param>
/// <param name="Digest">The manifest (or index) digest.</param>
public sealed record ContainerImage(string Repository, Digest Digest)
{
    /// <summary>A pullable reference: <c>repository@digest</c>.</summary>
    public string Reference => $"{Repository}@{Digest}";

    /// <summary>
    /// Parses an <c>imageID</c> as container runtimes report it: <c>docker.io/library/nginx@sha256:…</c> (containerd,
    /// CRI-O), <c>docker-pullable://nginx@sha256:…</c> (dockershim, cri-dockerd). When <paramref name="imageId"/> is a bare
    /// <c>sha256:…</c> (a local image id, not pullable), the digest in <paramref name="specImage"/> is used if it has one.
    /// </summary>
    /// <param name="imageId">The status's <c>imageID</c>; empty while the image is being pulled.</param>
    /// <param name="specImage">The status's (or spec's) <c>image</c>, used for the repository and as a fallback.</param>
    /// <param name="image">The parsed image, when a digest is known.</param>
    public static bool TryParse(string? imageId, string? specImage, [NotNullWhen(true)] out ContainerImage? image)
    {
        image = null;
        if (TryParseReference(imageId, out image))
        {
            return true;
        }

        // A bare image id names the local config blob; only a digest in the image reference is pullable.
        return TryParseReference(specImage, out image);
    }

    private static bool TryParseReference(string? value, [NotNullWhen(true)] out ContainerImage? image)
    {
        image = null;
        if (string.IsNullOrWhiteSpace(value))
        {
            return false;
        }

        var text = value.Trim();
        foreach (var scheme in new[] { "docker-pullable://", "docker://", "containerd://", "cri-o://" })
        {
            if (text.StartsWith(scheme, StringComparison.Ordinal))
            {
                text = text[scheme.Length..];
            }
        }

        var at = text.LastIndexOf('@');
        if (at <= 0 || !Digest.TryParse(text[(at + 1)..], out var digest))
        {
            return false;
        }

        image = new ContainerImage(Normalize(text[..at]), digest);
        return true;
    }

    /// <summary>Docker Hub short names become full names: <c>nginx</c> → <c>docker.io/library/nginx</c>; a tag is dropped.</summary>
    internal static string Normalize(string repository)
    {
        var slash = repository.LastIndexOf('/');
        var colon = repository.LastIndexOf(':');
        if (colon > slash)
        {
            repository = repository[..colon];
        }

        var first = repository.Split('/')[0];
        var hasRegistry = repository.Contains('/', StringComparison.Ordinal) && (first.Contains('.', StringComparison.Ordinal) || first.Contains(':', StringComparison.Ordinal) || first == "localhost");
        if (hasRegistry)
        {
            return repository;
        }

        return repository.Contains('/', StringComparison.Ordinal) ? $"docker.io/{repository}" : $"docker.io/library/{repository}";
    }
}
