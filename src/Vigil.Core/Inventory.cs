namespace Vigil.Core;

/// <summary>
/// The packages installed in one artifact: Vigil's in-memory SBOM, cached by manifest digest and re-matched whenever the
/// vulnerability data changes.
/// </summary>
/// <param name="Artifact">What was inventoried.</param>
/// <param name="Os">The detected operating system, or null (scratch and distroless-static images have none).</param>
/// <param name="Packages">Every package found, after whiteouts.</param>
public sealed record Inventory(ArtifactInfo Artifact, OsInfo? Os, IReadOnlyList<Package> Packages)
{
    /// <summary>Files that could not be read, with the reason.</summary>
    public IReadOnlyList<ScanWarning> Warnings { get; init; } = [];

    /// <summary>When the inventory was made.</summary>
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>
    /// Analyzer ids and versions that made it (<c>dpkg</c> → 1). Part of the cache key: a newer analyzer invalidates old entries.
    /// </summary>
    public IReadOnlyDictionary<string, int> AnalyzerVersions { get; init; } = new Dictionary<string, int>();
}
