using Vigil.Core;

namespace Vigil.Gates.Abstractions;

/// <summary>Registry writes the push gate needs: promote a manifest to a release repository, or delete it.</summary>
public interface IRegistryPromoter
{
    /// <summary>
    /// Copies <paramref name="sourceRepository"/>@<paramref name="digest"/> to <paramref name="targetRepository"/>:<paramref name="targetTag"/>
    /// in the same <paramref name="registry"/> (host and port, such as <c>127.0.0.1:5000</c>), mounting blobs rather than
    /// uploading them again.
    /// </summary>
    Task PromoteAsync(string registry, string sourceRepository, Digest digest, string targetRepository, string targetTag, CancellationToken cancellationToken);

    /// <summary>Deletes the manifest <paramref name="repository"/>@<paramref name="digest"/>.</summary>
    Task DeleteAsync(string registry, string repository, Digest digest, CancellationToken cancellationToken);
}
