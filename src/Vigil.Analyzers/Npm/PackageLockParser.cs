using System.Text.Json;

namespace Vigil.Analyzers.Npm;

/// <summary>Reads the packages an npm lockfile (<c>package-lock.json</c> v1, v2, v3) pins.</summary>
/// <remarks>
/// Development dependencies are left out: they are not installed by <c>npm ci --omit=dev</c>, the way images are built.
/// Linked workspace packages (<c>"link": true</c>) are the application's own code and left out too.
/// </remarks>
public static class PackageLockParser
{
    /// <summary>One pinned package.</summary>
    public sealed record Entry(string Name, string Version);

    /// <summary>Every non-development package with a version; the v2/v3 <c>packages</c> map wins over v1 <c>dependencies</c>.</summary>
    /// <exception cref="InvalidDataException">The file is not a JSON object.</exception>
    public static async Task<IReadOnlyList<Entry>> ParseAsync(Stream stream, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stream);
        JsonDocument document;
        try
        {
            document = await JsonDocument.ParseAsync(stream, Json.DocumentOptions, cancellationToken);
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"package-lock.json is not valid JSON: {ex.Message}", ex);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new InvalidDataException("package-lock.json is not a JSON object");
            }

            var result = new List<Entry>();
            if (root.TryGetProperty("packages", out var packages) && packages.ValueKind == JsonValueKind.Object)
            {
                ReadPackages(packages, result);
            }
            else if (root.TryGetProperty("dependencies", out var dependencies) && dependencies.ValueKind == JsonValueKind.Object)
            {
                ReadDependencies(dependencies, result, depth: 0);
            }

            return result.Distinct().ToList();
        }
    }

    private static void ReadPackages(JsonElement packages, List<Entry> result)
    {
        foreach (var property in packages.EnumerateObject())
        {
            // "" is the root project; keys are install paths such as "node_modules/a/node_modules/@s/b".
            const string marker = "node_modules/";
            var index = property.Name.LastIndexOf(marker, StringComparison.Ordinal);
            if (index < 0 || property.Value.ValueKind != JsonValueKind.Object || IsDevOrLink(property.Value))
            {
                continue;
            }

            var name = Json.String(property.Value, "name") ?? property.Name[(index + marker.Length)..];
            if (Json.String(property.Value, "version") is { Length: > 0 } version && name.Length > 0)
            {
                result.Add(new Entry(name, version));
            }
        }
    }

    private static void ReadDependencies(JsonElement dependencies, List<Entry> result, int depth)
    {
        // Nesting mirrors node_modules nesting; a hostile file could nest very deep.
        if (depth > 64)
        {
            throw new InvalidDataException("package-lock.json dependencies nest deeper than 64 levels");
        }

        foreach (var property in dependencies.EnumerateObject())
        {
            if (property.Value.ValueKind != JsonValueKind.Object || IsDevOrLink(property.Value))
            {
                continue;
            }

            // v1 writes "file:…" or git URLs as versions of non-registry packages; those cannot be matched.
            if (Json.String(property.Value, "version") is { Length: > 0 } version && !version.Contains(':', StringComparison.Ordinal))
            {
                result.Add(new Entry(property.Name, version));
            }

            if (property.Value.TryGetProperty("dependencies", out var nested) && nested.ValueKind == JsonValueKind.Object)
            {
                ReadDependencies(nested, result, depth + 1);
            }
        }
    }

    private static bool IsDevOrLink(JsonElement value) =>
        Json.Bool(value, "dev") || Json.Bool(value, "link") || Json.Bool(value, "devOptional");
}
