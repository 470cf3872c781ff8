using System.Globalization;
using System.Text.Json;
using Vigil.Analyzers;
using Vigil.Analyzers.OsRelease;
using Vigil.Core;

namespace Vigil.Reporting.Sbom;

/// <summary>
/// Reads a CycloneDX or SPDX JSON SBOM made by any tool (Vigil, Trivy, Syft) back into an <see cref="Inventory"/>, so
/// that <c>vigil scan sbom.json</c> can match it. Packages are recognised by purl; Vigil's own properties, Trivy's
/// <c>aquasecurity:trivy:*</c> properties and Syft's <c>upstream</c> qualifier supply source packages.
/// </summary>
public static class SbomReader
{
    /// <summary>Reads the document, telling the format from its content.</summary>
    /// <param name="input">The JSON document.</param>
    /// <param name="name">What to call the artifact when the document does not name it (the file name).</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <exception cref="InvalidDataException">Not JSON, or neither CycloneDX nor SPDX.</exception>
    public static async Task<Inventory> ReadAsync(Stream input, string name, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        JsonDocument document;
        try
        {
            document = await JsonDocument.ParseAsync(input, new JsonDocumentOptions { AllowTrailingCommas = true, MaxDepth = 256 }, cancellationToken);
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"The SBOM is not valid JSON: {ex.Message}", ex);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Object && Str(root, "bomFormat") == "CycloneDX")
            {
                return CycloneDxInventoryReader.Read(root, name);
            }

            if (root.ValueKind == JsonValueKind.Object && Str(root, "spdxVersion") is { } version && version.StartsWith("SPDX-2", StringComparison.Ordinal))
            {
                return SpdxInventoryReader.Read(root, name);
            }

            throw new InvalidDataException("The file is neither a CycloneDX JSON BOM (bomFormat) nor an SPDX 2.x JSON document (spdxVersion).");
        }
    }

    internal static string? Str(JsonElement element, string property) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    internal static IEnumerable<JsonElement> Array(JsonElement element, string property) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.Array ? value.EnumerateArray() : [];

    internal static DateTimeOffset Timestamp(string? text) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var value) ? value : default;

    internal static OsInfo OsFrom(string id, string? version, string? ecosystem)
    {
        id = id.ToLowerInvariant();
        var parsed = ecosystem is { Length: > 0 } ? Ecosystem.Parse(ecosystem) : OsEcosystems.For(id, version, null);
        return new OsInfo(id, string.IsNullOrEmpty(version) ? null : version, parsed);
    }

    internal static Inventory Finish(ArtifactInfo artifact, OsInfo? os, List<Package> packages, List<ScanWarning> warnings, DateTimeOffset created, IReadOnlyDictionary<string, int> analyzers) =>
        new(artifact, os, PackageOrder.Sort(packages.DistinctBy(p => (p.Ecosystem, p.Name, p.Version, p.FilePath))))
        {
            Warnings = warnings,
            CreatedAt = created,
            AnalyzerVersions = analyzers,
        };
}
