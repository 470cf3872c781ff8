using System.Globalization;
using System.Text.Json;
using Vigil.Core;

namespace Vigil.Reporting.Sbom;

/// <summary>Reads the components of a CycloneDX JSON BOM (any 1.x) into an <see cref="Inventory"/>.</summary>
internal static class CycloneDxInventoryReader
{
    public static Inventory Read(JsonElement root, string fallbackName)
    {
        var metadata = root.TryGetProperty("metadata", out var m) ? m : default;
        var subject = metadata.ValueKind == JsonValueKind.Object && metadata.TryGetProperty("component", out var c) ? c : default;
        var subjectProperties = Properties(subject);
        var artifact = Artifact(subject, subjectProperties, fallbackName);
        var analyzers = subjectProperties.Where(p => p.Name == "vigil:analyzer").Select(p => p.Value.Split('=', 2))
            .Where(p => p.Length == 2 && int.TryParse(p[1], CultureInfo.InvariantCulture, out _))
            .ToDictionary(p => p[0], p => int.Parse(p[1], CultureInfo.InvariantCulture), StringComparer.Ordinal);

        var components = Flatten(SbomReader.Array(root, "components")).ToList();
        OsInfo? os = null;
        foreach (var component in components.Where(x => SbomReader.Str(x, "type") == "operating-system"))
        {
            if (SbomReader.Str(component, "name") is { Length: > 0 } id)
            {
                var props = Properties(component);
                os = SbomReader.OsFrom(id, SbomReader.Str(component, "version"), Get(props, "vigil:ecosystem")) with
                {
                    PrettyName = Get(props, "vigil:os:prettyName"),
                    Codename = Get(props, "vigil:os:codename"),
                };
                break;
            }
        }

        var packages = new List<Package>();
        var warnings = new List<ScanWarning>();
        foreach (var component in components)
        {
            if (SbomReader.Str(component, "purl") is not { Length: > 0 } purl)
            {
                continue;
            }

            var package = ToPackage(component, purl, os);
            if (package is null)
            {
                warnings.Add(new ScanWarning(purl, "component's purl type is not matched by Vigil; skipped"));
            }
            else
            {
                packages.Add(package);
            }
        }

        var created = SbomReader.Timestamp(SbomReader.Str(metadata, "timestamp"));
        return SbomReader.Finish(artifact, os, packages, warnings, created, analyzers);
    }

    private static Package? ToPackage(JsonElement component, string purl, OsInfo? os)
    {
        var props = Properties(component);
        var licenses = SbomReader.Array(component, "licenses")
            .Select(l => SbomReader.Str(l, "expression") ?? (l.TryGetProperty("license", out var x) ? SbomReader.Str(x, "id") ?? SbomReader.Str(x, "name") : null))
            .OfType<string>().ToList();

        // A Vigil BOM carries the exact values; anything else goes through the purl.
        if (Get(props, "vigil:ecosystem") is { } ecosystem && Get(props, "vigil:package:name") is { } name)
        {
            return new Package(Ecosystem.Parse(ecosystem), name, SbomReader.Str(component, "version") ?? string.Empty,
                Get(props, "vigil:package:type") == "os" ? PackageType.Os : PackageType.Library, purl)
            {
                SourceName = Get(props, "vigil:source:name"),
                SourceVersion = Get(props, "vigil:source:version"),
                AnalyzerId = Get(props, "vigil:analyzer"),
                LayerDigest = Digest.TryParse(Get(props, "vigil:layer:digest"), out var layer) ? layer : null,
                FilePath = Get(props, "vigil:file:path"),
                Licenses = licenses,
            };
        }

        var package = PurlPackageMapper.Map(purl, os);
        if (package is null)
        {
            return null;
        }

        // Trivy: source package in properties; deb/rpm source version split into epoch, version, release.
        if (Get(props, "aquasecurity:trivy:SrcName") is { Length: > 0 } srcName)
        {
            var srcVersion = Get(props, "aquasecurity:trivy:SrcVersion");
            if (Get(props, "aquasecurity:trivy:SrcRelease") is { Length: > 0 } release)
            {
                srcVersion = $"{srcVersion}-{release}";
            }

            if (Get(props, "aquasecurity:trivy:SrcEpoch") is { Length: > 0 } epoch && epoch != "0")
            {
                srcVersion = $"{epoch}:{srcVersion}";
            }

            package = package with
            {
                SourceName = srcName == package.Name ? null : srcName,
                SourceVersion = srcVersion is null || srcVersion == package.Version ? null : srcVersion,
            };
        }

        return package with
        {
            LayerDigest = Digest.TryParse(Get(props, "aquasecurity:trivy:LayerDigest"), out var digest) ? digest : null,
            FilePath = Get(props, "aquasecurity:trivy:FilePath") is { Length: > 0 } path ? "/" + path.TrimStart('/') : null,
            Licenses = licenses,
        };
    }

    private static ArtifactInfo Artifact(JsonElement subject, List<(string Name, string Value)> props, string fallbackName)
    {
        var name = SbomReader.Str(subject, "name") ?? fallbackName;
        var kind = Enum.TryParse<ArtifactKind>(Get(props, "vigil:artifact:kind"), out var k) ? k : ArtifactKind.Sbom;
        return new ArtifactInfo(name, kind)
        {
            ManifestDigest = Digest.TryParse(Get(props, "vigil:artifact:manifestDigest"), out var manifest) ? manifest : null,
            ConfigDigest = Digest.TryParse(Get(props, "vigil:artifact:configDigest") ?? Get(props, "aquasecurity:trivy:ImageID"), out var config) ? config : null,
            Repository = Get(props, "vigil:artifact:repository"),
            Platform = Get(props, "vigil:artifact:platform") is { } platform ? Platform.Parse(platform) : null,
            Layers = props.Where(p => p.Name == "vigil:artifact:layer").Select(p => Digest.TryParse(p.Value, out var d) ? d : (Digest?)null).OfType<Digest>().ToList(),
        };
    }

    private static IEnumerable<JsonElement> Flatten(IEnumerable<JsonElement> components)
    {
        foreach (var component in components)
        {
            yield return component;
            foreach (var nested in Flatten(SbomReader.Array(component, "components")))
            {
                yield return nested;
            }
        }
    }

    private static List<(string Name, string Value)> Properties(JsonElement element) =>
        SbomReader.Array(element, "properties")
            .Select(p => (SbomReader.Str(p, "name"), SbomReader.Str(p, "value")))
            .Where(p => p.Item1 is not null && p.Item2 is not null)
            .Select(p => (p.Item1!, p.Item2!))
            .ToList();

    private static string? Get(List<(string Name, string Value)> props, string name) => props.FirstOrDefault(p => p.Name == name).Value;
}
