namespace Vigil.VulnDb.Versions.Packagist;

/// <summary>The <see cref="IVersionComparer"/> for Packagist (Composer).</summary>
public sealed class PackagistVersionComparer : VersionComparer<PackagistVersion>
{
    private PackagistVersionComparer()
    {
    }

    /// <summary>The shared instance.</summary>
    public static PackagistVersionComparer Instance { get; } = new();
}
