using Vigil.Core;

namespace Vigil.Gates.Policy;

/// <summary>What a verdict is about: an image and, for admission, the workload that wants to run it.</summary>
/// <param name="Image">The image reference as written (<c>registry.example.com/app:1.2</c> or with <c>@sha256:…</c>).</param>
public sealed record PolicySubject(string Image)
{
    /// <summary>The manifest digest decided on, once known.</summary>
    public Digest? Digest { get; init; }

    /// <summary>The workload's namespace, when there is a workload.</summary>
    public string? Namespace { get; init; }

    /// <summary>The workload's labels.</summary>
    public IReadOnlyDictionary<string, string> Labels { get; init; } = new Dictionary<string, string>();
}
