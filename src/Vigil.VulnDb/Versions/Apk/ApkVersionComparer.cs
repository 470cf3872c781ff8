namespace Vigil.VulnDb.Versions.Apk;

/// <summary>The <see cref="IVersionComparer"/> for apk-based distributions (Alpine, Wolfi, Chainguard).</summary>
public sealed class ApkVersionComparer : VersionComparer<ApkVersion>
{
    private ApkVersionComparer()
    {
    }

    /// <summary>The shared instance.</summary>
    public static ApkVersionComparer Instance { get; } = new();
}
