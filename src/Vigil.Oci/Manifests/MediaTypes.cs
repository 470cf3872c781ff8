namespace Vigil.Oci.Manifests;

/// <summary>The manifest and layer media types Vigil knows.</summary>
public static class MediaTypes
{
    /// <summary>OCI image manifest.</summary>
    public const string OciManifest = "application/vnd.oci.image.manifest.v1+json";

    /// <summary>OCI image index (multi-platform).</summary>
    public const string OciIndex = "application/vnd.oci.image.index.v1+json";

    /// <summary>OCI image config.</summary>
    public const string OciConfig = "application/vnd.oci.image.config.v1+json";

    /// <summary>Docker image manifest, schema 2.</summary>
    public const string DockerManifest = "application/vnd.docker.distribution.manifest.v2+json";

    /// <summary>Docker manifest list (multi-platform).</summary>
    public const string DockerManifestList = "application/vnd.docker.distribution.manifest.list.v2+json";

    /// <summary>Docker schema 1 manifest: not supported.</summary>
    public const string DockerSchema1 = "application/vnd.docker.distribution.manifest.v1+json";

    /// <summary>Signed Docker schema 1 manifest: not supported.</summary>
    public const string DockerSchema1Signed = "application/vnd.docker.distribution.manifest.v1+prettyjws";

    /// <summary>The Accept header for manifest requests: every type, so that schema 1 can be recognized and rejected.</summary>
    public const string ManifestAccept =
        OciManifest + ", " + OciIndex + ", " + DockerManifest + ", " + DockerManifestList + ", " + DockerSchema1Signed + ";q=0.1, " + DockerSchema1 + ";q=0.1";

    /// <summary>Whether <paramref name="mediaType"/> is an index or manifest list.</summary>
    public static bool IsIndex(string? mediaType) => mediaType is OciIndex or DockerManifestList;

    /// <summary>Whether <paramref name="mediaType"/> is a single-image manifest.</summary>
    public static bool IsManifest(string? mediaType) => mediaType is OciManifest or DockerManifest;
}
