using System.Globalization;
using System.Text.Json;
using Vigil.Core;

namespace Vigil.Reporting.Sbom;

/// <summary>
/// Writes an <see cref="Inventory"/> as a CycloneDX 1.6 JSON BOM, optionally with findings as its <c>vulnerabilities</c>.
/// Vigil-specific facts (OSV ecosystem, source package, layer, file) are component properties named <c>vigil:*</c>, which
/// <see cref="SbomReader"/> reads back losslessly.
/// </summary>
public static class CycloneDxWriter
{
    /// <summary>Writes the BOM as indented UTF-8 JSON; the stream is flushed, not closed.</summary>
    /// <param name="output">Where to write.</param>
    /// <param name="inventory">The packages.</param>
    /// <param name="findings">Findings to write as <c>vulnerabilities</c>, or null for a plain SBOM.</param>
    /// <param name="toolVersion">The Vigil version, for <c>metadata.tools</c>.</param>
    /// <param name="cancellationToken">Cancels the flush.</param>
    public static async ValueTask WriteAsync(Stream output, Inventory inventory, IReadOnlyList<Finding>? findings, string toolVersion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(inventory);
        await using var json = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true });
        Write(json, inventory, findings, toolVersion);
        await json.FlushAsync(cancellationToken);
    }

    private static void Write(Utf8JsonWriter json, Inventory inventory, IReadOnlyList<Finding>? findings, string toolVersion)
    {
        var refs = ComponentRefs(inventory.Packages);
        json.WriteStartObject();
        json.WriteString("$schema", "http://cyclonedx.org/schema/bom-1.6.schema.json");
        json.WriteString("bomFormat", "CycloneDX");
        json.WriteString("specVersion", "1.6");
        json.WriteString("serialNumber", $"urn:uuid:{SbomIds.DocumentId(inventory)}");
        json.WriteNumber("version", 1);
        WriteMetadata(json, inventory, toolVersion);

        json.WriteStartArray("components");
        if (inventory.Os is { } os)
        {
            json.WriteStartObject();
            json.WriteString("bom-ref", OsRef(os));
            json.WriteString("type", "operating-system");
            json.WriteString("name", os.Id);
            if (os.VersionId is not null)
            {
                json.WriteString("version", os.VersionId);
            }

            WriteProperties(json, [("vigil:ecosystem", os.Ecosystem.ToString()), ("vigil:os:prettyName", os.PrettyName), ("vigil:os:codename", os.Codename)]);
            json.WriteEndObject();
        }

        for (var i = 0; i < inventory.Packages.Count; i++)
        {
            WriteComponent(json, inventory.Packages[i], refs[i]);
        }

        json.WriteEndArray();

        json.WriteStartArray("dependencies");
        json.WriteStartObject();
        json.WriteString("ref", ArtifactRef);
        json.WriteStartArray("dependsOn");
        if (inventory.Os is { } system)
        {
            json.WriteStringValue(OsRef(system));
        }

        foreach (var reference in refs)
        {
            json.WriteStringValue(reference);
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndArray();

        if (findings is not null)
        {
            WriteVulnerabilities(json, inventory, findings, refs);
        }

        json.WriteEndObject();
    }

    private const string ArtifactRef = "vigil:artifact";

    private static string OsRef(OsInfo os) => $"vigil:os:{os.Id}@{os.VersionId}";

    private static void WriteMetadata(Utf8JsonWriter json, Inventory inventory, string toolVersion)
    {
        json.WriteStartObject("metadata");
        json.WriteString("timestamp", inventory.CreatedAt.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
        json.WriteStartObject("tools");
        json.WriteStartArray("components");
        json.WriteStartObject();
        json.WriteString("type", "application");
        json.WriteString("name", "vigil");
        json.WriteString("version", toolVersion);
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteEndObject();

        var artifact = inventory.Artifact;
        json.WriteStartObject("component");
        json.WriteString("bom-ref", ArtifactRef);
        json.WriteString("type", artifact.Kind == ArtifactKind.Image ? "container" : "file");
        json.WriteString("name", artifact.Name);
        if (artifact.ManifestDigest is { } digest)
        {
            json.WriteString("version", digest.ToString());
        }

        var properties = new List<(string, string?)>
        {
            ("vigil:artifact:kind", artifact.Kind.ToString()),
            ("vigil:artifact:manifestDigest", artifact.ManifestDigest?.ToString()),
            ("vigil:artifact:configDigest", artifact.ConfigDigest?.ToString()),
            ("vigil:artifact:repository", artifact.Repository),
            ("vigil:artifact:platform", artifact.Platform?.ToString()),
        };
        properties.AddRange(artifact.Layers.Select(l => ("vigil:artifact:layer", (string?)l.ToString())));
        properties.AddRange(inventory.AnalyzerVersions.Select(a => ("vigil:analyzer", (string?)$"{a.Key}={a.Value}")));
        WriteProperties(json, properties);
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WriteComponent(Utf8JsonWriter json, Package package, string reference)
    {
        json.WriteStartObject();
        json.WriteString("bom-ref", reference);
        json.WriteString("type", "library");
        var (group, name) = SplitGroup(package);
        if (group is not null)
        {
            json.WriteString("group", group);
        }

        json.WriteString("name", name);
        json.WriteString("version", package.Version);
        if (package.Licenses.Count > 0)
        {
            json.WriteStartArray("licenses");
            foreach (var license in package.Licenses)
            {
                // Declared licences are free text as often as SPDX ids; "name" is valid for both.
                json.WriteStartObject();
                json.WriteStartObject("license");
                json.WriteString("name", license);
                json.WriteEndObject();
                json.WriteEndObject();
            }

            json.WriteEndArray();
        }

        json.WriteString("purl", package.Purl);
        WriteProperties(json,
        [
            ("vigil:ecosystem", package.Ecosystem.ToString()),
            ("vigil:package:type", package.Type == PackageType.Os ? "os" : "library"),
            ("vigil:package:name", package.Name),
            ("vigil:source:name", package.SourceName),
            ("vigil:source:version", package.SourceVersion),
            ("vigil:analyzer", package.AnalyzerId),
            ("vigil:layer:digest", package.LayerDigest?.ToString()),
            ("vigil:file:path", package.FilePath),
        ]);
        json.WriteEndObject();
    }

    // Maven "group:artifact" and scoped names map onto CycloneDX group + name, as other tools write them.
    private static (string? Group, string Name) SplitGroup(Package package)
    {
        if (package.Ecosystem.Name == "Maven" && package.Name.IndexOf(':', StringComparison.Ordinal) is var colon and > 0)
        {
            return (package.Name[..colon], package.Name[(colon + 1)..]);
        }

        if (package.Ecosystem.Name is "npm" or "Packagist" && package.Name.IndexOf('/', StringComparison.Ordinal) is var slash and > 0)
        {
            return (package.Name[..slash], package.Name[(slash + 1)..]);
        }

        return (null, package.Name);
    }

    private static void WriteVulnerabilities(Utf8JsonWriter json, Inventory inventory, IReadOnlyList<Finding> findings, string[] refs)
    {
        // Findings refer to packages by value; map each back to its component's bom-ref.
        var byPackage = new Dictionary<Package, string>();
        for (var i = 0; i < inventory.Packages.Count; i++)
        {
            byPackage.TryAdd(inventory.Packages[i], refs[i]);
        }

        json.WriteStartArray("vulnerabilities");
        foreach (var group in findings.GroupBy(f => f.Id, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var first = group.First();
            json.WriteStartObject();
            json.WriteString("bom-ref", $"vigil:vuln:{group.Key}");
            json.WriteString("id", group.Key);
            json.WriteStartObject("source");
            json.WriteString("name", SourceName(group.Key));
            json.WriteEndObject();
            json.WriteStartArray("ratings");
            json.WriteStartObject();
            if (first.CvssScore is { } score)
            {
                json.WriteNumber("score", score);
            }

            json.WriteString("severity", first.Severity switch
            {
                Severity.Critical => "critical",
                Severity.High => "high",
                Severity.Medium => "medium",
                Severity.Low => "low",
                _ => "unknown",
            });
            if (first.CvssVector is { } vector)
            {
                json.WriteString("method", CvssMethod(vector));
                json.WriteString("vector", vector);
            }

            json.WriteEndObject();
            json.WriteEndArray();
            if (first.Summary is not null)
            {
                json.WriteString("description", first.Summary);
            }

            var fixes = group.Where(f => f.FixedVersion is not null).Select(f => $"{f.Package.Name}: upgrade to {f.FixedVersion}").Distinct().ToList();
            if (fixes.Count > 0)
            {
                json.WriteString("recommendation", string.Join("; ", fixes));
            }

            var references = group.SelectMany(f => f.References).Where(r => Uri.TryCreate(r, UriKind.Absolute, out _)).Distinct().ToList();
            if (references.Count > 0)
            {
                json.WriteStartArray("advisories");
                foreach (var url in references)
                {
                    json.WriteStartObject();
                    json.WriteString("url", url);
                    json.WriteEndObject();
                }

                json.WriteEndArray();
            }

            if (first.Published is { } published)
            {
                json.WriteString("published", published.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
            }

            if (first.Modified is { } modified)
            {
                json.WriteString("updated", modified.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
            }

            json.WriteStartArray("affects");
            foreach (var finding in group)
            {
                json.WriteStartObject();
                json.WriteString("ref", byPackage.TryGetValue(finding.Package, out var reference) ? reference : finding.Package.Purl);
                json.WriteStartArray("versions");
                json.WriteStartObject();
                json.WriteString("version", finding.Package.Version);
                json.WriteString("status", "affected");
                json.WriteEndObject();
                json.WriteEndArray();
                json.WriteEndObject();
            }

            json.WriteEndArray();
            var aliases = group.SelectMany(f => f.Aliases).Where(a => a != group.Key).Distinct(StringComparer.Ordinal).ToList();
            WriteProperties(json, aliases.Select(a => ("vigil:alias", (string?)a)).ToList());
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    private static string SourceName(string id) => id switch
    {
        _ when id.StartsWith("CVE-", StringComparison.Ordinal) => "NVD",
        _ when id.StartsWith("GHSA-", StringComparison.Ordinal) => "GitHub",
        _ => "OSV",
    };

    private static string CvssMethod(string vector) => vector switch
    {
        _ when vector.StartsWith("CVSS:4.0/", StringComparison.Ordinal) => "CVSSv4",
        _ when vector.StartsWith("CVSS:3.1/", StringComparison.Ordinal) => "CVSSv31",
        _ when vector.StartsWith("CVSS:3.0/", StringComparison.Ordinal) => "CVSSv3",
        _ when vector.StartsWith("AV:", StringComparison.Ordinal) => "CVSSv2",
        _ => "other",
    };

    /// <summary>One unique bom-ref per package: the purl, suffixed where two packages share it (same package in two files).</summary>
    private static string[] ComponentRefs(IReadOnlyList<Package> packages)
    {
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var refs = new string[packages.Count];
        for (var i = 0; i < packages.Count; i++)
        {
            var purl = packages[i].Purl;
            var count = seen.GetValueOrDefault(purl);
            seen[purl] = count + 1;
            refs[i] = count == 0 ? purl : $"{purl}#{count}";
        }

        return refs;
    }

    private static void WriteProperties(Utf8JsonWriter json, IReadOnlyList<(string Name, string? Value)> properties)
    {
        var present = properties.Where(p => !string.IsNullOrEmpty(p.Value)).ToList();
        if (present.Count == 0)
        {
            return;
        }

        json.WriteStartArray("properties");
        foreach (var (name, value) in present)
        {
            json.WriteStartObject();
            json.WriteString("name", name);
            json.WriteString("value", value);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }
}
