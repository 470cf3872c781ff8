namespace Vigil.Gates.Cache;

/// <summary>Where the admission gate looks for findings Vigil already computed.</summary>
public sealed class FindingSourceOptions
{
    /// <summary>The SQLite results store the controller writes, or null to not read one.</summary>
    public string? ResultsDatabasePath { get; set; }

    /// <summary>The SBOM cache directory, or null to not re-match cached SBOMs.</summary>
    public string? SbomCacheDirectory { get; set; }

    /// <summary>Platforms tried in the SBOM cache, after "no platform" (single-platform images).</summary>
    public IList<string> Platforms { get; init; } = ["linux/amd64", "linux/arm64", "linux/arm64/v8", "linux/arm/v7"];
}
