using System.Buffers;
using System.Formats.Tar;
using System.IO.Compression;
using System.Text.Json;
using System.Text.Json.Nodes;
using Vigil.Core;

namespace Vigil.Cli.Commands.Demo;

/// <summary>
/// Writes the demo's layers as a real OCI image layout (gzip layers, config, manifest, index) so that the demo goes
/// through exactly the same reader as any image. Deterministic: same input, same digests.
/// </summary>
public static class DemoImageBuilder
{
    /// <summary>The tag the image carries in the layout's index (<c>DIR:demo</c>).</summary>
    public const string Tag = "demo";

    private static readonly DateTimeOffset Epoch = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Writes the layout into <paramref name="directory"/> and returns the manifest digest.</summary>
    public static async Task<Digest> WriteLayoutAsync(
        IReadOnlyList<IReadOnlyDictionary<string, byte[]>> layers, string directory, CancellationToken cancellationToken)
    {
        var blobs = Path.Combine(directory, "blobs", "sha256");
        Directory.CreateDirectory(blobs);

        // Nodes are built explicitly (no JsonArray.Add<T>, no JsonSerializer): both need reflection, which the native build lacks.
        var layerDescriptors = new List<JsonNode>();
        var diffIds = new List<JsonNode>();
        foreach (var layer in layers)
        {
            var tar = BuildTar(layer);
            diffIds.Add(JsonValue.Create(Digest.Sha256(tar).ToString()));
            var gz = Gzip(tar);
            var digest = await WriteBlobAsync(blobs, gz, cancellationToken);
            layerDescriptors.Add(Descriptor("application/vnd.oci.image.layer.v1.tar+gzip", digest, gz.Length));
        }

        var config = new JsonObject
        {
            ["created"] = Epoch.ToString("yyyy-MM-ddTHH:mm:ssZ"),
            ["architecture"] = "amd64",
            ["os"] = "linux",
            ["config"] = new JsonObject { ["Cmd"] = new JsonArray("node", "/app/index.js") },
            ["rootfs"] = new JsonObject { ["type"] = "layers", ["diff_ids"] = new JsonArray([.. diffIds]) },
        };
        var configBytes = Utf8(config);
        var configDigest = await WriteBlobAsync(blobs, configBytes, cancellationToken);

        var manifest = new JsonObject
        {
            ["schemaVersion"] = 2,
            ["mediaType"] = "application/vnd.oci.image.manifest.v1+json",
            ["config"] = Descriptor("application/vnd.oci.image.config.v1+json", configDigest, configBytes.Length),
            ["layers"] = new JsonArray([.. layerDescriptors]),
        };
        var manifestBytes = Utf8(manifest);
        var manifestDigest = await WriteBlobAsync(blobs, manifestBytes, cancellationToken);

        var manifestDescriptor = Descriptor("application/vnd.oci.image.manifest.v1+json", manifestDigest, manifestBytes.Length);
        manifestDescriptor["annotations"] = new JsonObject { ["org.opencontainers.image.ref.name"] = Tag };
        manifestDescriptor["platform"] = new JsonObject { ["architecture"] = "amd64", ["os"] = "linux" };
        var index = new JsonObject
        {
            ["schemaVersion"] = 2,
            ["mediaType"] = "application/vnd.oci.image.index.v1+json",
            ["manifests"] = new JsonArray(manifestDescriptor),
        };
        await File.WriteAllBytesAsync(Path.Combine(directory, "index.json"), Utf8(index), cancellationToken);
        await File.WriteAllTextAsync(Path.Combine(directory, "oci-layout"), """{"imageLayoutVersion":"1.0.0"}""", cancellationToken);
        return manifestDigest;
    }

    private static byte[] Utf8(JsonNode node)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            node.WriteTo(writer);
        }

        return buffer.WrittenSpan.ToArray();
    }

    private static JsonObject Descriptor(string mediaType, Digest digest, long size) => new()
    {
        ["mediaType"] = mediaType,
        ["digest"] = digest.ToString(),
        ["size"] = size,
    };

    private static async Task<Digest> WriteBlobAsync(string blobs, byte[] content, CancellationToken cancellationToken)
    {
        var digest = Digest.Sha256(content);
        await File.WriteAllBytesAsync(Path.Combine(blobs, digest.Hex), content, cancellationToken);
        return digest;
    }

    private static byte[] BuildTar(IReadOnlyDictionary<string, byte[]> files)
    {
        using var buffer = new MemoryStream();
        using (var writer = new TarWriter(buffer, TarEntryFormat.Pax, leaveOpen: true))
        {
            var directories = new SortedSet<string>(StringComparer.Ordinal);
            foreach (var path in files.Keys)
            {
                var parts = path.Trim('/').Split('/');
                for (var i = 1; i < parts.Length; i++)
                {
                    directories.Add(string.Join('/', parts[..i]) + "/");
                }
            }

            foreach (var directory in directories)
            {
                writer.WriteEntry(new PaxTarEntry(TarEntryType.Directory, directory) { Mode = (UnixFileMode)0b111_101_101, ModificationTime = Epoch });
            }

            foreach (var (path, content) in files.OrderBy(f => f.Key, StringComparer.Ordinal))
            {
                var entry = new PaxTarEntry(TarEntryType.RegularFile, path.TrimStart('/'))
                {
                    Mode = (UnixFileMode)0b110_100_100,
                    ModificationTime = Epoch,
                    DataStream = new MemoryStream(content),
                };
                writer.WriteEntry(entry);
            }
        }

        return buffer.ToArray();
    }

    private static byte[] Gzip(byte[] content)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Optimal, leaveOpen: true))
        {
            gzip.Write(content);
        }

        return output.ToArray();
    }
}
