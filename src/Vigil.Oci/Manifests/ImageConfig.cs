using System.Text.Json;
using Vigil.Core;

namespace Vigil.Oci.Manifests;

/// <summary>The parts of an image config Vigil uses, with the raw JSON for anything else (env, history, labels).</summary>
/// <param name="Platform">The image platform (os, architecture, variant).</param>
/// <param name="DiffIds">Digests of the uncompressed layers, base first.</param>
/// <param name="Json">The config document as stored.</param>
public sealed record ImageConfig(Platform Platform, IReadOnlyList<Digest> DiffIds, ReadOnlyMemory<byte> Json)
{
    /// <summary>Parses an image config document.</summary>
    public static ImageConfig Parse(ReadOnlyMemory<byte> json, string subject)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new ManifestException($"The config of {subject} is not a JSON object.");
            }

            var platform = new Platform(
                ManifestParser.GetString(root, "os") ?? "unknown",
                ManifestParser.GetString(root, "architecture") ?? "unknown",
                ManifestParser.GetString(root, "variant"));
            var diffIds = new List<Digest>();
            if (root.TryGetProperty("rootfs", out var rootfs) && rootfs.ValueKind == JsonValueKind.Object
                && rootfs.TryGetProperty("diff_ids", out var ids) && ids.ValueKind == JsonValueKind.Array)
            {
                foreach (var id in ids.EnumerateArray())
                {
                    diffIds.Add(Digest.TryParse(id.GetString(), out var d)
                        ? d
                        : throw new ManifestException($"The config of {subject} has an invalid diff_id '{id}'."));
                }
            }

            return new ImageConfig(platform, diffIds, json);
        }
        catch (JsonException ex)
        {
            throw new ManifestException($"The config of {subject} is not valid JSON: {ex.Message}", ex);
        }
        catch (InvalidOperationException ex)
        {
            throw new ManifestException($"The config of {subject} is malformed: {ex.Message}", ex);
        }
    }
}
