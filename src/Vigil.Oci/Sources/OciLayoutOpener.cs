using System.Text.Json;
using Vigil.Oci.Manifests;

namespace Vigil.Oci.Sources;

/// <summary>
/// Opens an image from an OCI image layout (a directory or an oci-archive): <c>index.json</c> names the images, picked by
/// the <c>org.opencontainers.image.ref.name</c> annotation when a tag is given, or the only one when not.
/// </summary>
internal static class OciLayoutOpener
{
    /// <summary>Whether <paramref name="files"/> hold an OCI image layout.</summary>
    public static bool IsLayout(ILayoutFiles files) => files.Exists("oci-layout") && files.Exists("index.json");

    public static async Task<IImageSource> OpenAsync(ILayoutFiles files, string? tag, string name, OciOptions options, CancellationToken cancellationToken)
    {
        await using (var layoutStream = files.Open("oci-layout"))
        {
            var layout = await BlobReader.ReadCappedAsync(layoutStream, 64 * 1024, $"oci-layout file of {files.Location}", cancellationToken);
            CheckLayoutVersion(layout, files.Location);
        }

        byte[] indexBytes;
        await using (var indexStream = files.Open("index.json"))
        {
            indexBytes = await BlobReader.ReadCappedAsync(indexStream, options.MaxManifestBytes, $"index.json of {files.Location}", cancellationToken);
        }

        if (ManifestParser.Parse(indexBytes, MediaTypes.OciIndex, files.Location) is not ImageIndex index)
        {
            throw new ManifestException($"index.json of {files.Location} is not an image index.");
        }

        var root = Pick(index, tag, files.Location);
        return await ImageAssembler.AssembleAsync(new LayoutBlobStore(files), root, null, name, repository: null, options, cancellationToken);
    }

    private static Descriptor Pick(ImageIndex index, string? tag, string location)
    {
        if (tag is not null)
        {
            var tagged = index.Manifests.Where(m => m.RefName == tag).ToList();
            return tagged.Count switch
            {
                1 => tagged[0],
                0 => throw new ManifestException($"The image layout {location} has no image tagged '{tag}'; it has: {Tags(index)}."),
                _ => throw new ManifestException($"The image layout {location} has {tagged.Count} images tagged '{tag}'."),
            };
        }

        return index.Manifests.Count switch
        {
            1 => index.Manifests[0],
            0 => throw new ManifestException($"The image layout {location} holds no image."),
            _ => throw new ManifestException(
                $"The image layout {location} holds {index.Manifests.Count} images; pick one with {location}:TAG (tags: {Tags(index)})."),
        };
    }

    private static string Tags(ImageIndex index)
    {
        var tags = index.Manifests.Select(m => m.RefName).OfType<string>().ToList();
        return tags.Count == 0 ? "(none)" : string.Join(", ", tags);
    }

    private static void CheckLayoutVersion(byte[] layout, string location)
    {
        try
        {
            using var document = JsonDocument.Parse(layout);
            var version = document.RootElement.ValueKind == JsonValueKind.Object
                ? ManifestParser.GetString(document.RootElement, "imageLayoutVersion")
                : null;
            if (version is null || !version.StartsWith("1.", StringComparison.Ordinal))
            {
                throw new ManifestException($"{location} has an unsupported OCI layout version '{version}' (1.x is supported).");
            }
        }
        catch (JsonException ex)
        {
            throw new ManifestException($"The oci-layout file of {location} is not valid JSON.", ex);
        }
    }
}
