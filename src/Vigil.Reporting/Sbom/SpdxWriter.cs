using System.Globalization;
using System.Text;
using System.Text.Json;
using Vigil.Core;

namespace Vigil.Reporting.Sbom;

/// <summary>Writes an <see cref="Inventory"/> as an SPDX 2.3 JSON document: one package per component, each with its purl.</summary>
/// <remarks>
/// Declared licences are free text as often as SPDX expressions, so <c>licenseDeclared</c> stays <c>NOASSERTION</c> and the
/// declared text goes into <c>licenseComments</c>. The OSV ecosystem and source package are written as a package comment.
/// </remarks>
public static class SpdxWriter
{
    /// <summary>Writes the document as indented UTF-8 JSON; the stream is flushed, not closed.</summary>
    public static async ValueTask WriteAsync(Stream output, Inventory inventory, string toolVersion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(inventory);
        await using var json = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true });
        Write(json, inventory, toolVersion);
        await json.FlushAsync(cancellationToken);
    }

    private const string ArtifactId = "SPDXRef-Artifact";

    private static void Write(Utf8JsonWriter json, Inventory inventory, string toolVersion)
    {
        var artifact = inventory.Artifact;
        json.WriteStartObject();
        json.WriteString("spdxVersion", "SPDX-2.3");
        json.WriteString("dataLicense", "CC0-1.0");
        json.WriteString("SPDXID", "SPDXRef-DOCUMENT");
        json.WriteString("name", artifact.Name);
        json.WriteString("documentNamespace", $"https://vigil.invalid/spdx/{Uri.EscapeDataString(artifact.Name)}-{SbomIds.DocumentId(inventory)}");
        json.WriteStartObject("creationInfo");
        json.WriteString("created", inventory.CreatedAt.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
        json.WriteStartArray("creators");
        json.WriteStringValue($"Tool: vigil-{toolVersion}");
        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteStartArray("documentDescribes");
        json.WriteStringValue(ArtifactId);
        json.WriteEndArray();

        var ids = new List<string>();
        json.WriteStartArray("packages");
        WritePackage(json, ArtifactId, artifact.Name, artifact.ManifestDigest?.ToString(), artifact.Kind == ArtifactKind.Image ? "CONTAINER" : "FILE", purl: null, comment: artifact.Platform is null ? null : $"platform: {artifact.Platform}", licenses: []);
        if (inventory.Os is { } os)
        {
            ids.Add("SPDXRef-OperatingSystem");
            WritePackage(json, ids[^1], os.Id, os.VersionId, "OPERATING_SYSTEM", purl: null, comment: $"ecosystem: {os.Ecosystem}", licenses: []);
        }

        for (var i = 0; i < inventory.Packages.Count; i++)
        {
            var package = inventory.Packages[i];
            ids.Add($"SPDXRef-Package-{i + 1}");
            WritePackage(json, ids[^1], package.Name, package.Version, "LIBRARY", package.Purl, Comment(package), package.Licenses);
        }

        json.WriteEndArray();

        json.WriteStartArray("relationships");
        WriteRelationship(json, "SPDXRef-DOCUMENT", "DESCRIBES", ArtifactId);
        foreach (var id in ids)
        {
            WriteRelationship(json, ArtifactId, "CONTAINS", id);
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static string Comment(Package package)
    {
        var text = new StringBuilder($"ecosystem: {package.Ecosystem}");
        if (package.SourceName is not null || package.SourceVersion is not null)
        {
            text.Append($"; source: {package.MatchName} {package.MatchVersion}");
        }

        if (package.FilePath is not null)
        {
            text.Append($"; file: {package.FilePath}");
        }

        if (package.LayerDigest is { } layer)
        {
            text.Append($"; layer: {layer}");
        }

        return text.ToString();
    }

    private static void WritePackage(Utf8JsonWriter json, string id, string name, string? version, string purpose, string? purl, string? comment, IReadOnlyList<string> licenses)
    {
        json.WriteStartObject();
        json.WriteString("SPDXID", id);
        json.WriteString("name", name);
        if (version is not null)
        {
            json.WriteString("versionInfo", version);
        }

        json.WriteString("downloadLocation", "NOASSERTION");
        json.WriteBoolean("filesAnalyzed", false);
        json.WriteString("licenseConcluded", "NOASSERTION");
        json.WriteString("licenseDeclared", "NOASSERTION");
        if (licenses.Count > 0)
        {
            json.WriteString("licenseComments", $"declared: {string.Join(", ", licenses)}");
        }

        json.WriteString("copyrightText", "NOASSERTION");
        json.WriteString("primaryPackagePurpose", purpose);
        if (comment is not null)
        {
            json.WriteString("comment", comment);
        }

        if (purl is not null)
        {
            json.WriteStartArray("externalRefs");
            json.WriteStartObject();
            json.WriteString("referenceCategory", "PACKAGE-MANAGER");
            json.WriteString("referenceType", "purl");
            json.WriteString("referenceLocator", purl);
            json.WriteEndObject();
            json.WriteEndArray();
        }

        json.WriteEndObject();
    }

    private static void WriteRelationship(Utf8JsonWriter json, string from, string type, string to)
    {
        json.WriteStartObject();
        json.WriteString("spdxElementId", from);
        json.WriteString("relationshipType", type);
        json.WriteString("relatedSpdxElement", to);
        json.WriteEndObject();
    }
}
