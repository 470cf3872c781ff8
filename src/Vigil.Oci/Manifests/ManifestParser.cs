using System.Text.Json;
using Vigil.Core;

namespace Vigil.Oci.Manifests;

/// <summary>
/// Parses manifests and indexes (OCI and Docker schema 2). The media type comes from the document, else from the
/// transport (HTTP Content-Type, the referring descriptor), else from its shape. Schema 1 is rejected with a clear error.
/// </summary>
public static class ManifestParser
{
    /// <summary>Parses a manifest or an index; the result is an <see cref="ImageManifest"/> or an <see cref="ImageIndex"/>.</summary>
    /// <param name="content">The manifest bytes.</param>
    /// <param name="declaredMediaType">The media type from the transport, when known.</param>
    /// <param name="subject">What the manifest is, for messages.</param>
    public static object Parse(ReadOnlySpan<byte> content, string? declaredMediaType, string subject)
    {
        try
        {
            using var document = JsonDocument.Parse(content.ToArray());
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new ManifestException($"The manifest of {subject} is not a JSON object.");
            }

            var schemaVersion = root.TryGetProperty("schemaVersion", out var sv) && sv.ValueKind == JsonValueKind.Number ? sv.GetInt32() : 0;
            var mediaType = GetString(root, "mediaType") ?? NormalizeDeclared(declaredMediaType);
            if (schemaVersion == 1 || mediaType is MediaTypes.DockerSchema1 or MediaTypes.DockerSchema1Signed)
            {
                throw new ManifestException(
                    $"{subject} has a Docker schema 1 manifest, which is deprecated and not supported. Re-push the image with a current client (schema 2 or OCI).");
            }

            if (schemaVersion != 2)
            {
                throw new ManifestException($"The manifest of {subject} has schemaVersion {schemaVersion}; only 2 is supported.");
            }

            mediaType ??= root.TryGetProperty("manifests", out _) ? MediaTypes.OciIndex : MediaTypes.OciManifest;
            if (MediaTypes.IsIndex(mediaType))
            {
                var entries = RequireArray(root, "manifests", subject).Select(e => ReadDescriptor(e, subject)).ToList();
                return new ImageIndex(mediaType, entries);
            }

            if (MediaTypes.IsManifest(mediaType))
            {
                if (!root.TryGetProperty("config", out var config))
                {
                    throw new ManifestException($"The manifest of {subject} has no config.");
                }

                var layers = RequireArray(root, "layers", subject).Select(e => ReadDescriptor(e, subject)).ToList();
                return new ImageManifest(mediaType, ReadDescriptor(config, subject), layers);
            }

            throw new ManifestException($"{subject} has media type '{mediaType}', which is not an image manifest or index.");
        }
        catch (JsonException ex)
        {
            throw new ManifestException($"The manifest of {subject} is not valid JSON: {ex.Message}", ex);
        }
    }

    internal static Descriptor ReadDescriptor(JsonElement element, string subject)
    {
        var mediaType = GetString(element, "mediaType") ?? string.Empty;
        var digestText = GetString(element, "digest");
        if (!Digest.TryParse(digestText, out var digest))
        {
            throw new ManifestException($"A descriptor in the manifest of {subject} has an invalid digest '{digestText}'.");
        }

        var size = element.TryGetProperty("size", out var s) && s.ValueKind == JsonValueKind.Number ? s.GetInt64() : -1;
        if (size < 0)
        {
            throw new ManifestException($"The descriptor {digest} in the manifest of {subject} has no valid size.");
        }

        Platform? platform = null;
        if (element.TryGetProperty("platform", out var p) && p.ValueKind == JsonValueKind.Object)
        {
            platform = new Platform(GetString(p, "os") ?? string.Empty, GetString(p, "architecture") ?? string.Empty, GetString(p, "variant"));
        }

        var annotations = new Dictionary<string, string>(StringComparer.Ordinal);
        if (element.TryGetProperty("annotations", out var a) && a.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in a.EnumerateObject().Where(x => x.Value.ValueKind == JsonValueKind.String))
            {
                annotations[property.Name] = property.Value.GetString()!;
            }
        }

        return new Descriptor(mediaType, digest, size) { Platform = platform, Annotations = annotations };
    }

    internal static string? GetString(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static JsonElement.ArrayEnumerator RequireArray(JsonElement root, string name, string subject) =>
        root.TryGetProperty(name, out var array) && array.ValueKind == JsonValueKind.Array
            ? array.EnumerateArray()
            : throw new ManifestException($"The manifest of {subject} has no '{name}' array.");

    private static string? NormalizeDeclared(string? declared)
    {
        if (string.IsNullOrWhiteSpace(declared))
        {
            return null;
        }

        var semicolon = declared.IndexOf(';', StringComparison.Ordinal);
        var type = (semicolon >= 0 ? declared[..semicolon] : declared).Trim();

        // Registries answer generic types for some uploads; those say nothing about the document.
        return type is "application/json" or "text/plain" or "application/octet-stream" ? null : type;
    }
}
