using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Vigil.Testing.Images;

/// <summary>
/// Builds small real images for tests into an OCI image layout: layers are tars the test describes (files, whiteouts,
/// opaque directories, hostile entries), compressed with gzip, zstd or not at all; the config and manifest are written
/// as the OCI spec says, so skopeo, umoci and registries accept them. Several images (and multi-platform indexes) can
/// share one layout; <see cref="TestImage"/> pushes them to a <see cref="Registry.RegistryServer"/> or writes archives.
/// </summary>
/// <example><code>
/// var image = await new TestImageBuilder(dir)
///     .Layer(l => l.File("/etc/os-release", "ID=debian\n"))
///     .Layer(l => l.Whiteout("/etc/os-release"))
///     .BuildAsync("v1");
/// </code></example>
public sealed class TestImageBuilder(string layoutDirectory)
{
    /// <summary>Media type of a gzip layer.</summary>
    public const string GzipLayer = "application/vnd.oci.image.layer.v1.tar+gzip";

    /// <summary>Media type of a zstd layer.</summary>
    public const string ZstdLayer = "application/vnd.oci.image.layer.v1.tar+zstd";

    /// <summary>Media type of an uncompressed layer.</summary>
    public const string TarLayer = "application/vnd.oci.image.layer.v1.tar";

    private readonly List<TestLayer> layers = [];
    private (string Os, string Architecture, string? Variant) platform = ("linux", "amd64", null);

    /// <summary>The OCI layout directory (created on build).</summary>
    public string LayoutDirectory { get; } = layoutDirectory;

    /// <summary>Sets the platform written to the config (default linux/amd64).</summary>
    public TestImageBuilder Platform(string os, string architecture, string? variant = null)
    {
        platform = (os, architecture, variant);
        return this;
    }

    /// <summary>Adds a layer on top of the previous ones.</summary>
    public TestImageBuilder Layer(Action<TestLayer> build)
    {
        ArgumentNullException.ThrowIfNull(build);
        var layer = new TestLayer();
        build(layer);
        layers.Add(layer);
        return this;
    }

    /// <summary>Writes the image into the layout, tagged <paramref name="tag"/> (the <c>org.opencontainers.image.ref.name</c>).</summary>
    public async Task<TestImage> BuildAsync(string tag = "latest", CancellationToken cancellationToken = default)
    {
        InitLayout(LayoutDirectory);
        var layerDescriptors = new JsonArray();
        var diffIds = new JsonArray();
        var layerDigests = new List<string>();
        foreach (var layer in layers)
        {
            var tar = layer.ToTar();
            diffIds.Add(Sha256(tar));
            var (blob, mediaType) = layer.Compression switch
            {
                LayerCompression.Gzip => (Gzip(tar), GzipLayer),
                LayerCompression.Zstd => (await ZstdAsync(tar, cancellationToken), ZstdLayer),
                _ => (tar, TarLayer),
            };
            var digest = await WriteBlobAsync(LayoutDirectory, blob, cancellationToken);
            layerDigests.Add(digest);
            layerDescriptors.Add(Descriptor(mediaType, digest, blob.Length));
        }

        var config = new JsonObject
        {
            ["created"] = "2023-11-14T22:13:20Z",
            ["architecture"] = platform.Architecture,
            ["os"] = platform.Os,
            ["config"] = new JsonObject { ["Env"] = new JsonArray("PATH=/usr/bin:/bin") },
            ["rootfs"] = new JsonObject { ["type"] = "layers", ["diff_ids"] = diffIds },
        };
        if (platform.Variant is not null)
        {
            config["variant"] = platform.Variant;
        }

        var configBytes = JsonSerializer.SerializeToUtf8Bytes(config);
        var configDigest = await WriteBlobAsync(LayoutDirectory, configBytes, cancellationToken);
        var manifest = new JsonObject
        {
            ["schemaVersion"] = 2,
            ["mediaType"] = "application/vnd.oci.image.manifest.v1+json",
            ["config"] = Descriptor("application/vnd.oci.image.config.v1+json", configDigest, configBytes.Length),
            ["layers"] = layerDescriptors,
        };
        var manifestBytes = JsonSerializer.SerializeToUtf8Bytes(manifest);
        var manifestDigest = await WriteBlobAsync(LayoutDirectory, manifestBytes, cancellationToken);
        await TagAsync(LayoutDirectory, tag, Descriptor("application/vnd.oci.image.manifest.v1+json", manifestDigest, manifestBytes.Length), cancellationToken);
        return new TestImage(LayoutDirectory, tag, manifestDigest, configDigest, layerDigests);
    }

    /// <summary>
    /// Writes a multi-platform OCI index of <paramref name="images"/> (built into the same layout) tagged <paramref name="tag"/>.
    /// </summary>
    public static async Task<TestImage> BuildIndexAsync(string layoutDirectory, string tag, IReadOnlyList<(TestImage Image, string Os, string Architecture)> images, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(images);
        var manifests = new JsonArray();
        foreach (var (image, os, architecture) in images)
        {
            var size = new FileInfo(BlobPath(layoutDirectory, image.ManifestDigest)).Length;
            var descriptor = Descriptor("application/vnd.oci.image.manifest.v1+json", image.ManifestDigest, size);
            descriptor["platform"] = new JsonObject { ["os"] = os, ["architecture"] = architecture };
            manifests.Add(descriptor);
        }

        var index = new JsonObject { ["schemaVersion"] = 2, ["mediaType"] = "application/vnd.oci.image.index.v1+json", ["manifests"] = manifests };
        var bytes = JsonSerializer.SerializeToUtf8Bytes(index);
        var digest = await WriteBlobAsync(layoutDirectory, bytes, cancellationToken);
        await TagAsync(layoutDirectory, tag, Descriptor("application/vnd.oci.image.index.v1+json", digest, bytes.Length), cancellationToken);
        return new TestImage(layoutDirectory, tag, digest, null, []);
    }

    /// <summary>
    /// Builds a one-layer image from <paramref name="rootDirectory"/> with umoci (init, new, insert), as the shared
    /// fixtures are made: umoci 0.4 writes layers without the end-of-archive marker.
    /// </summary>
    public static async Task<string> BuildWithUmociAsync(string layoutDirectory, string tag, string rootDirectory, CancellationToken cancellationToken = default)
    {
        if (!Directory.Exists(layoutDirectory))
        {
            await ToolRunner.RunAsync("umoci", ["init", "--layout", layoutDirectory], cancellationToken: cancellationToken);
        }

        await ToolRunner.RunAsync("umoci", ["new", "--image", $"{layoutDirectory}:{tag}"], cancellationToken: cancellationToken);
        await ToolRunner.RunAsync("umoci", ["insert", "--image", $"{layoutDirectory}:{tag}", "--no-history", rootDirectory, "/"], cancellationToken: cancellationToken);
        return $"{layoutDirectory}:{tag}";
    }

    /// <summary>The path of a blob in a layout.</summary>
    public static string BlobPath(string layoutDirectory, string digest) =>
        Path.Combine(layoutDirectory, "blobs", "sha256", digest["sha256:".Length..]);

    private static void InitLayout(string directory)
    {
        Directory.CreateDirectory(Path.Combine(directory, "blobs", "sha256"));
        var layout = Path.Combine(directory, "oci-layout");
        if (!File.Exists(layout))
        {
            File.WriteAllText(layout, "{\"imageLayoutVersion\":\"1.0.0\"}");
        }
    }

    private static async Task TagAsync(string directory, string tag, JsonObject descriptor, CancellationToken cancellationToken)
    {
        InitLayout(directory);
        var indexPath = Path.Combine(directory, "index.json");
        var index = File.Exists(indexPath)
            ? JsonNode.Parse(await File.ReadAllTextAsync(indexPath, cancellationToken))!.AsObject()
            : new JsonObject { ["schemaVersion"] = 2, ["mediaType"] = "application/vnd.oci.image.index.v1+json", ["manifests"] = new JsonArray() };
        var manifests = index["manifests"]!.AsArray();
        foreach (var existing in manifests.Where(m => (string?)m?["annotations"]?["org.opencontainers.image.ref.name"] == tag).ToList())
        {
            manifests.Remove(existing);
        }

        descriptor["annotations"] = new JsonObject { ["org.opencontainers.image.ref.name"] = tag };
        manifests.Add(descriptor);
        await File.WriteAllTextAsync(indexPath, index.ToJsonString(), cancellationToken);
    }

    private static JsonObject Descriptor(string mediaType, string digest, long size) =>
        new() { ["mediaType"] = mediaType, ["digest"] = digest, ["size"] = size };

    private static async Task<string> WriteBlobAsync(string directory, byte[] content, CancellationToken cancellationToken)
    {
        var digest = Sha256(content);
        await File.WriteAllBytesAsync(BlobPath(directory, digest), content, cancellationToken);
        return digest;
    }

    private static string Sha256(byte[] content) => "sha256:" + Convert.ToHexStringLower(SHA256.HashData(content));

    private static byte[] Gzip(byte[] tar)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(tar);
        }

        return buffer.ToArray();
    }

    private static async Task<byte[]> ZstdAsync(byte[] tar, CancellationToken cancellationToken)
    {
        var input = Path.GetTempFileName();
        try
        {
            await File.WriteAllBytesAsync(input, tar, cancellationToken);
            await ToolRunner.RunAsync("zstd", ["-q", "-f", "-3", input, "-o", input + ".zst"], cancellationToken: cancellationToken);
            return await File.ReadAllBytesAsync(input + ".zst", cancellationToken);
        }
        finally
        {
            File.Delete(input);
            File.Delete(input + ".zst");
        }
    }
}
