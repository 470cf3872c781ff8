using System.Text.Json;

namespace Vigil.Analyzers.Npm;

/// <summary>Reads the identity of an installed npm package from its <c>package.json</c>.</summary>
public static class PackageJsonParser
{
    /// <summary>An installed package's name, version and declared licences.</summary>
    public sealed record Manifest(string Name, string Version, IReadOnlyList<string> Licenses);

    /// <summary>The manifest, or null when the file has no name or version (nested build manifests, private stubs).</summary>
    /// <exception cref="InvalidDataException">The file is not a JSON object.</exception>
    public static async Task<Manifest?> ParseAsync(Stream stream, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stream);
        JsonDocument document;
        try
        {
            document = await JsonDocument.ParseAsync(stream, Json.DocumentOptions, cancellationToken);
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"package.json is not valid JSON: {ex.Message}", ex);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new InvalidDataException("package.json is not a JSON object");
            }

            var name = Json.String(root, "name");
            var version = Json.String(root, "version");
            if (string.IsNullOrWhiteSpace(name) || string.IsNullOrWhiteSpace(version))
            {
                return null;
            }

            return new Manifest(name.Trim(), version.Trim(), Licenses(root));
        }
    }

    private static List<string> Licenses(JsonElement root)
    {
        var result = new List<string>();
        if (root.TryGetProperty("license", out var license))
        {
            AddLicense(license, result);
        }

        if (root.TryGetProperty("licenses", out var licenses) && licenses.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in licenses.EnumerateArray())
            {
                AddLicense(item, result);
            }
        }

        return result;
    }

    // "MIT", or the old form { "type": "MIT", "url": "…" }.
    private static void AddLicense(JsonElement value, List<string> result)
    {
        var text = value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Object => Json.String(value, "type"),
            _ => null,
        };
        if (!string.IsNullOrWhiteSpace(text))
        {
            result.Add(text.Trim());
        }
    }
}
