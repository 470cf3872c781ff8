using System.Text.Json;
using Vigil.Core;

namespace Vigil.Scanning.Sbom;

/// <summary>
/// Stable JSON serialization of an <see cref="Inventory"/>: what the SBOM cache stores. The same inventory always gives the
/// same bytes; <see cref="SchemaVersion"/> is bumped on incompatible changes and older documents are refused.
/// </summary>
public static class InventoryJson
{
    /// <summary>The version of the JSON shape written.</summary>
    public const int SchemaVersion = 1;

    /// <summary>Writes <paramref name="inventory"/> as UTF-8 JSON; the stream is flushed, not closed.</summary>
    public static Task SerializeAsync(Stream output, Inventory inventory, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(inventory);
        return JsonSerializer.SerializeAsync(output, ToDocument(inventory), InventoryJsonContext.Default.InventoryDocument, cancellationToken);
    }

    /// <summary>The JSON of <paramref name="inventory"/> as bytes.</summary>
    public static byte[] Serialize(Inventory inventory)
    {
        ArgumentNullException.ThrowIfNull(inventory);
        return JsonSerializer.SerializeToUtf8Bytes(ToDocument(inventory), InventoryJsonContext.Default.InventoryDocument);
    }

    /// <summary>Reads an inventory written by <see cref="SerializeAsync"/>.</summary>
    /// <exception cref="InvalidDataException">Not JSON, another schema version, or a field that does not parse.</exception>
    public static async Task<Inventory> DeserializeAsync(Stream input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        InventoryDocument? document;
        try
        {
            document = await JsonSerializer.DeserializeAsync(input, InventoryJsonContext.Default.InventoryDocument, cancellationToken);
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"Not an inventory document: {ex.Message}", ex);
        }

        if (document is null || document.SchemaVersion != SchemaVersion)
        {
            throw new InvalidDataException($"Inventory document has schema version {document?.SchemaVersion}, expected {SchemaVersion}.");
        }

        try
        {
            return FromDocument(document);
        }
        catch (Exception ex) when (ex is FormatException or ArgumentException)
        {
            throw new InvalidDataException($"Inventory document holds an invalid value: {ex.Message}", ex);
        }
    }

    private static InventoryDocument ToDocument(Inventory inventory)
    {
        var artifact = inventory.Artifact;
        return new InventoryDocument
        {
            SchemaVersion = SchemaVersion,
            Artifact = new ArtifactDocument(artifact.Name, artifact.Kind.ToString())
            {
                ManifestDigest = artifact.ManifestDigest?.ToString(),
                ConfigDigest = artifact.ConfigDigest?.ToString(),
                Repository = artifact.Repository,
                Platform = artifact.Platform?.ToString(),
                Layers = [.. artifact.Layers.Select(l => l.ToString())],
            },
            Os = inventory.Os is { } os ? new OsDocument(os.Id, os.VersionId, os.Ecosystem.ToString()) { PrettyName = os.PrettyName, Codename = os.Codename } : null,
            Packages = [.. inventory.Packages.Select(p => new PackageDocument(p.Ecosystem.ToString(), p.Name, p.Version, p.Type.ToString(), p.Purl)
            {
                SourceName = p.SourceName,
                SourceVersion = p.SourceVersion,
                AnalyzerId = p.AnalyzerId,
                LayerDigest = p.LayerDigest?.ToString(),
                FilePath = p.FilePath,
                Licenses = p.Licenses.Count == 0 ? null : [.. p.Licenses],
            })],
            Warnings = [.. inventory.Warnings.Select(w => new WarningDocument(w.Source, w.Message))],
            CreatedAt = inventory.CreatedAt,
            AnalyzerVersions = new SortedDictionary<string, int>(inventory.AnalyzerVersions.ToDictionary(), StringComparer.Ordinal),
        };
    }

    private static Inventory FromDocument(InventoryDocument document)
    {
        var a = document.Artifact ?? throw new FormatException("artifact is missing");
        var artifact = new ArtifactInfo(a.Name, Enum.Parse<ArtifactKind>(a.Kind))
        {
            ManifestDigest = a.ManifestDigest is null ? null : Digest.Parse(a.ManifestDigest),
            ConfigDigest = a.ConfigDigest is null ? null : Digest.Parse(a.ConfigDigest),
            Repository = a.Repository,
            Platform = a.Platform is null ? null : Platform.Parse(a.Platform),
            Layers = [.. (a.Layers ?? []).Select(Digest.Parse)],
        };
        var os = document.Os is { } o ? new OsInfo(o.Id, o.VersionId, Ecosystem.Parse(o.Ecosystem)) { PrettyName = o.PrettyName, Codename = o.Codename } : null;
        var packages = (document.Packages ?? []).Select(p => new Package(Ecosystem.Parse(p.Ecosystem), p.Name, p.Version, Enum.Parse<PackageType>(p.Type), p.Purl)
        {
            SourceName = p.SourceName,
            SourceVersion = p.SourceVersion,
            AnalyzerId = p.AnalyzerId,
            LayerDigest = p.LayerDigest is null ? null : Digest.Parse(p.LayerDigest),
            FilePath = p.FilePath,
            Licenses = p.Licenses ?? [],
        }).ToList();
        return new Inventory(artifact, os, packages)
        {
            Warnings = [.. (document.Warnings ?? []).Select(w => new ScanWarning(w.Source, w.Message))],
            CreatedAt = document.CreatedAt,
            AnalyzerVersions = new Dictionary<string, int>(document.AnalyzerVersions ?? [], StringComparer.Ordinal),
        };
    }
}
