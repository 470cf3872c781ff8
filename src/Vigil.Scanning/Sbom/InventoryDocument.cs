namespace Vigil.Scanning.Sbom;

/// <summary>
/// The on-disk JSON shape of an <see cref="Core.Inventory"/>, kept apart from the domain types so that the file format only
/// changes on purpose (<see cref="SchemaVersion"/>). Digests, ecosystems and platforms are written as their strings.
/// </summary>
internal sealed record InventoryDocument
{
    public int SchemaVersion { get; init; }

    public required ArtifactDocument Artifact { get; init; }

    public OsDocument? Os { get; init; }

    public List<PackageDocument> Packages { get; init; } = [];

    public List<WarningDocument> Warnings { get; init; } = [];

    public DateTimeOffset CreatedAt { get; init; }

    public SortedDictionary<string, int> AnalyzerVersions { get; init; } = new(StringComparer.Ordinal);
}

/// <summary>The JSON shape of <see cref="Core.ArtifactInfo"/>.</summary>
internal sealed record ArtifactDocument(string Name, string Kind)
{
    public string? ManifestDigest { get; init; }

    public string? ConfigDigest { get; init; }

    public string? Repository { get; init; }

    public string? Platform { get; init; }

    public List<string> Layers { get; init; } = [];
}

/// <summary>The JSON shape of <see cref="Core.OsInfo"/>.</summary>
internal sealed record OsDocument(string Id, string? VersionId, string Ecosystem)
{
    public string? PrettyName { get; init; }

    public string? Codename { get; init; }
}

/// <summary>The JSON shape of <see cref="Core.Package"/>.</summary>
internal sealed record PackageDocument(string Ecosystem, string Name, string Version, string Type, string Purl)
{
    public string? SourceName { get; init; }

    public string? SourceVersion { get; init; }

    public string? AnalyzerId { get; init; }

    public string? LayerDigest { get; init; }

    public string? FilePath { get; init; }

    public List<string>? Licenses { get; init; }
}

/// <summary>The JSON shape of <see cref="Core.ScanWarning"/>.</summary>
internal sealed record WarningDocument(string Source, string Message);
