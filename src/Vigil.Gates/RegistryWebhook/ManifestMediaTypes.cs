namespace Vigil.Gates.RegistryWebhook;

/// <summary>The media types of manifests and indexes: pushes of these are images; anything else is a blob or an artifact part.</summary>
public static class ManifestMediaTypes
{
    private static readonly HashSet<string> Known = new(StringComparer.Ordinal)
    {
        "application/vnd.oci.image.manifest.v1+json",
        "application/vnd.oci.image.index.v1+json",
        "application/vnd.docker.distribution.manifest.v2+json",
        "application/vnd.docker.distribution.manifest.list.v2+json",
    };

    /// <summary>Whether <paramref name="mediaType"/> is an image manifest or index (null counts: some registries omit it).</summary>
    public static bool IsManifest(string? mediaType) => mediaType is null || Known.Contains(mediaType);
}
