using System.Text.Json;
using Vigil.Core;

namespace Vigil.Reporting.Sbom;

/// <summary>Reads the packages of an SPDX 2.x JSON document into an <see cref="Inventory"/>.</summary>
internal static class SpdxInventoryReader
{
    public static Inventory Read(JsonElement root, string fallbackName)
    {
        var packages = SbomReader.Array(root, "packages").ToList();
        OsInfo? os = null;
        foreach (var package in packages.Where(p => SbomReader.Str(p, "primaryPackagePurpose") is "OPERATING_SYSTEM" or "OPERATING-SYSTEM" && Purl(p) is null))
        {
            if (SbomReader.Str(package, "name") is { Length: > 0 } id)
            {
                os = SbomReader.OsFrom(id, SbomReader.Str(package, "versionInfo"), CommentField(package, "ecosystem"));
                break;
            }
        }

        var result = new List<Package>();
        var warnings = new List<ScanWarning>();
        foreach (var element in packages)
        {
            if (Purl(element) is not { } purl)
            {
                continue;
            }

            var mapped = PurlPackageMapper.Map(purl, os);
            if (mapped is null)
            {
                warnings.Add(new ScanWarning(purl, "package's purl type is not matched by Vigil; skipped"));
                continue;
            }

            // Vigil's own comment carries the exact ecosystem and source package.
            if (CommentField(element, "ecosystem") is { } ecosystem)
            {
                mapped = mapped with { Ecosystem = Ecosystem.Parse(ecosystem), Name = SbomReader.Str(element, "name") ?? mapped.Name };
            }

            if (CommentField(element, "source") is { } source && source.Split(' ', 2) is [var sourceName, var sourceVersion])
            {
                mapped = mapped with
                {
                    SourceName = sourceName == mapped.Name ? null : sourceName,
                    SourceVersion = sourceVersion == mapped.Version ? null : sourceVersion,
                };
            }

            result.Add(mapped with
            {
                FilePath = CommentField(element, "file"),
                LayerDigest = Digest.TryParse(CommentField(element, "layer"), out var layer) ? layer : null,
            });
        }

        var name = SbomReader.Str(root, "name") ?? fallbackName;
        var created = SbomReader.Timestamp(root.TryGetProperty("creationInfo", out var info) ? SbomReader.Str(info, "created") : null);
        return SbomReader.Finish(new ArtifactInfo(name, ArtifactKind.Sbom), os, result, warnings, created, new Dictionary<string, int>());
    }

    private static string? Purl(JsonElement package) =>
        SbomReader.Array(package, "externalRefs")
            .Where(r => SbomReader.Str(r, "referenceType") == "purl")
            .Select(r => SbomReader.Str(r, "referenceLocator"))
            .FirstOrDefault(p => p is { Length: > 0 });

    // Vigil writes "ecosystem: Debian:12; source: glibc 2.36-9; file: /var/lib/dpkg/status".
    private static string? CommentField(JsonElement package, string field)
    {
        if (SbomReader.Str(package, "comment") is not { } comment)
        {
            return null;
        }

        foreach (var part in comment.Split("; "))
        {
            if (part.StartsWith(field + ": ", StringComparison.Ordinal))
            {
                return part[(field.Length + 2)..];
            }
        }

        return null;
    }
}
