using Vigil.Core;

namespace Vigil.Scanning.Pipeline;

/// <summary>Where inventories are kept by image identity (manifest digest + platform), so an image is read once for its life.</summary>
public interface IInventoryCache
{
    /// <summary>The cached inventory of <paramref name="artifact"/>, or null when it was never read by the current analyzers.</summary>
    ValueTask<Inventory?> GetAsync(ArtifactInfo artifact, CancellationToken cancellationToken);

    /// <summary>Stores <paramref name="inventory"/> under its artifact's digest and platform.</summary>
    ValueTask PutAsync(Inventory inventory, CancellationToken cancellationToken);

    /// <summary>
    /// The inventory a pinned reference's digest (<c>repo@sha256:…</c>) resolved to for <paramref name="platform"/>, without
    /// opening the image: null when that digest was never read for that platform by the current analyzers.
    /// </summary>
    ValueTask<Inventory?> GetPinnedAsync(Digest requested, Platform platform, CancellationToken cancellationToken);

    /// <summary>Remembers that <paramref name="requested"/> resolved to <paramref name="inventory"/>'s image for <paramref name="platform"/>.</summary>
    ValueTask PinAsync(Digest requested, Platform platform, Inventory inventory, CancellationToken cancellationToken);
}
