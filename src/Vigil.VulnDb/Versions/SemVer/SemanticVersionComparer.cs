namespace Vigil.VulnDb.Versions.SemVer;

/// <summary>The <see cref="IVersionComparer"/> for Semantic Versioning 2.0 (npm, crates.io, Go, Bitnami, Hex, Pub…).</summary>
public sealed class SemanticVersionComparer : VersionComparer<SemanticVersion>
{
    private SemanticVersionComparer()
    {
    }

    /// <summary>The shared instance.</summary>
    public static SemanticVersionComparer Instance { get; } = new();
}
