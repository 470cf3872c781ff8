using Vigil.Core;

namespace Vigil.Gates.RegistryWebhook;

/// <summary>One pushed manifest, as the push gate queues it.</summary>
/// <param name="Source">The registry product.</param>
/// <param name="Key">The idempotency key: the same push delivered twice has the same key.</param>
/// <param name="Registry">The registry host and port the push went to.</param>
/// <param name="Repository">The repository path within the registry.</param>
/// <param name="Digest">The manifest digest.</param>
public sealed record PushEvent(PushEventSource Source, string Key, string Registry, string Repository, Digest Digest)
{
    /// <summary>The tag pushed, if the push was by tag.</summary>
    public string? Tag { get; init; }

    /// <summary>The manifest media type.</summary>
    public string? MediaType { get; init; }

    /// <summary>The image reference, pinned by digest: <c>registry/repository@sha256:…</c>.</summary>
    public string ImageReference => $"{Registry}/{Repository}@{Digest}";
}
