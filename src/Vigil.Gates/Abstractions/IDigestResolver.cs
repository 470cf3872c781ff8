using Vigil.Core;

namespace Vigil.Gates.Abstractions;

/// <summary>Resolves a tag to the manifest digest it points at now (a registry HEAD request).</summary>
public interface IDigestResolver
{
    /// <summary>The digest of <paramref name="repository"/>:<paramref name="tag"/>, or null when the registry does not know it.</summary>
    Task<Digest?> ResolveAsync(string repository, string tag, CancellationToken cancellationToken);
}
