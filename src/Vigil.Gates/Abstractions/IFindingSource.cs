using Vigil.Core;

namespace Vigil.Gates.Abstractions;

/// <summary>A read-only place where Vigil already computed the findings of an image: the results store, the SBOM cache.</summary>
public interface IFindingSource
{
    /// <summary>A short name for logs (<c>sbom-cache</c>, <c>results-store</c>).</summary>
    string Name { get; }

    /// <summary>The findings of <paramref name="digest"/>, or null when this source does not know the image. Never pulls anything.</summary>
    ValueTask<ImageScanResult?> FindAsync(Digest digest, CancellationToken cancellationToken);
}
