using Vigil.Core;

namespace Vigil.Oci.Manifests;

/// <summary>Picks the entry of a multi-platform index for a platform, as container runtimes do.</summary>
public static class PlatformSelector
{
    /// <summary>
    /// The entry for <paramref name="wanted"/>: same os and architecture, and the same variant when one is asked for
    /// (arm64 treats no variant as v8). Attestation entries (<c>unknown/unknown</c>) are never picked.
    /// </summary>
    /// <exception cref="ManifestException">No entry matches; the message lists the platforms the index has.</exception>
    public static Descriptor Select(ImageIndex index, Platform wanted, string subject)
    {
        var candidates = index.Manifests
            .Where(m => m.Platform is { } p && p.Os == wanted.Os && p.Architecture == wanted.Architecture)
            .ToList();
        var match = wanted.Variant is null
            ? candidates.OrderBy(m => m.Platform!.Variant is null || DefaultVariant(wanted.Architecture) == m.Platform.Variant ? 0 : 1).FirstOrDefault()
            : candidates.FirstOrDefault(m => NormalizeVariant(m.Platform!) == wanted.Variant);
        if (match is not null)
        {
            return match;
        }

        var available = string.Join(", ", index.Manifests.Select(m => m.Platform?.ToString() ?? "(no platform)").Distinct());
        throw new ManifestException($"{subject} has no image for platform {wanted}; it has: {available}.");
    }

    private static string? DefaultVariant(string architecture) => architecture == "arm64" ? "v8" : null;

    private static string? NormalizeVariant(Platform platform) => platform.Variant ?? DefaultVariant(platform.Architecture);
}
