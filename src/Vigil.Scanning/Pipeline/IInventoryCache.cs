using Vigil.Core;

namespace Vigil.Scanning.Pipeline;

/// <summary>Where inventories are kept by image identity (manifest digest + platform), so an image is read once for its life.</summary>
public interface IInventoryCache
{
    /// <summary>The cached inventory of <paramref name="artifact"/>, or null when it was never read by the current analyzers.</summary>
    ValueTask<Inventory?> GetAsync(ArtifactInfo artifact, CancellationToken cancellationToken);

    /// <summary>Stores <paramref name="inventory"/> under its artifact's digest and platform.</summary>
    ValueTask PutAsync(Inventory inventory, CancellationToken cancellationToken);
}
