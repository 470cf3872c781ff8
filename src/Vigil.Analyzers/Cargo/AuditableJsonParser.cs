using System.IO.Compression;
using System.Text.Json;

namespace Vigil.Analyzers.Cargo;

/// <summary>Decodes the cargo-auditable dependency list: the zlib-compressed JSON of an ELF section named <c>.dep-v0</c>.</summary>
public static class AuditableJsonParser
{
    private const int MaxJson = 16 * 1024 * 1024;

    /// <summary>The runtime dependencies as (name, version); build-only and local (workspace) crates are left out.</summary>
    /// <exception cref="InvalidDataException">The section is not zlib data or not the expected JSON.</exception>
    public static IReadOnlyList<(string Name, string Version)> Parse(byte[] section)
    {
        ArgumentNullException.ThrowIfNull(section);
        using var json = new MemoryStream();
        using (var zlib = new ZLibStream(new MemoryStream(section), CompressionMode.Decompress))
        {
            var buffer = new byte[81920];
            int read;
            while ((read = zlib.Read(buffer)) > 0)
            {
                if (json.Length + read > MaxJson)
                {
                    throw new InvalidDataException($"cargo-auditable data inflates beyond {MaxJson} bytes");
                }

                json.Write(buffer, 0, read);
            }
        }

        json.Position = 0;
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, Json.DocumentOptions);
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"cargo-auditable data is not JSON: {ex.Message}", ex);
        }

        using (document)
        {
            var result = new List<(string, string)>();
            if (document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("packages", out var packages) && packages.ValueKind == JsonValueKind.Array)
            {
                foreach (var package in packages.EnumerateArray())
                {
                    if (Json.String(package, "name") is { Length: > 0 } name && Json.String(package, "version") is { Length: > 0 } version
                        && Json.String(package, "kind") != "build" && Json.String(package, "source") != "local")
                    {
                        result.Add((name, version));
                    }
                }
            }

            return result;
        }
    }
}
