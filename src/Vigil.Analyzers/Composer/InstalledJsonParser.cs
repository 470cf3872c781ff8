using System.Text.Json;

namespace Vigil.Analyzers.Composer;

/// <summary>Reads Composer's <c>vendor/composer/installed.json</c>: an array (Composer 1) or <c>{"packages": [...]}</c> (Composer 2).</summary>
public static class InstalledJsonParser
{
    /// <summary>One installed package: <c>vendor/name</c>, version, licences.</summary>
    public sealed record Entry(string Name, string Version, IReadOnlyList<string> Licenses);

    /// <summary>Every package with a name and version.</summary>
    /// <exception cref="InvalidDataException">The file is neither shape.</exception>
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
            throw new InvalidDataException($"installed.json is not valid JSON: {ex.Message}", ex);
        }

        using (document)
        {
            var root = document.RootElement;
            var packages = root.ValueKind switch
            {
                JsonValueKind.Array => root,
                JsonValueKind.Object when root.TryGetProperty("packages", out var p) && p.ValueKind == JsonValueKind.Array => p,
                _ => throw new InvalidDataException("installed.json is neither a package array nor an object with 'packages'"),
            };

            var result = new List<Entry>();
            foreach (var package in packages.EnumerateArray())
            {
                if (Json.String(package, "name") is { Length: > 0 } name && Json.String(package, "version") is { Length: > 0 } version)
                {
                    var licenses = package.TryGetProperty("license", out var l) && l.ValueKind == JsonValueKind.Array
                        ? l.EnumerateArray().Where(x => x.ValueKind == JsonValueKind.String).Select(x => x.GetString()!).ToList()
                        : [];
                    result.Add(new Entry(name, version, licenses));
                }
            }

            return result;
        }
    }
}
