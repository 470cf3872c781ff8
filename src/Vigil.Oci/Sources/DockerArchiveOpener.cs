using System.Text.Json;
using Vigil.Core;
using Vigil.Core.Images;
using Vigil.Oci.Manifests;

namespace Vigil.Oci.Sources;

/// <summary>
/// Opens a docker-archive (<c>docker save</c>, <c>skopeo copy docker-archive:</c>): <c>manifest.json</c> lists each image's
/// config file, repo tags and layer tars. Layers are verified against the digest in their file name, or against the
/// config's diff_ids for the legacy <c>&lt;id&gt;/layer.tar</c> names.
/// </summary>
internal static class DockerArchiveOpener
{
    public static bool IsDockerArchive(ILayoutFiles files) => files.Exists("manifest.json");

    public static async Task<IImageSource> OpenAsync(ILayoutFiles files, string name, OciOptions options, CancellationToken cancellationToken)
    {
        byte[] manifestBytes;
        await using (var stream = files.Open("manifest.json"))
        {
            manifestBytes = await BlobReader.ReadCappedAsync(stream, options.MaxManifestBytes, $"manifest.json of {files.Location}", cancellationToken);
        }

        var (configPath, repoTag, layerPaths) = ParseManifest(manifestBytes, files.Location);
        byte[] configBytes;
        await using (var stream = files.Open(configPath))
        {
            configBytes = await BlobReader.ReadCappedAsync(stream, options.MaxConfigBytes, $"config of {files.Location}", cancellationToken);
        }

        var configDigest = Digest.Sha256(configBytes);
        if (DigestInName(configPath) is { } named && named != configDigest)
        {
            throw new Streams.DigestMismatchException($"The config {configPath} of {files.Location} does not match its digest: got {configDigest}.");
        }

        var config = ImageConfig.Parse(configBytes, files.Location);
        if (config.DiffIds.Count != layerPaths.Count)
        {
            throw new ManifestException(
                $"{files.Location} lists {layerPaths.Count} layers but its config has {config.DiffIds.Count} diff_ids.");
        }

        var store = new PathBlobStore(files);
        var layers = new List<ImageLayer>();
        for (var i = 0; i < layerPaths.Count; i++)
        {
            var digest = DigestInName(layerPaths[i]) ?? config.DiffIds[i];
            store.Add(digest, layerPaths[i]);
            layers.Add(new ImageLayer(i, digest, -1, "application/vnd.docker.image.rootfs.diff.tar"));
        }

        var repository = repoTag is not null && ImageReference.TryParse(repoTag, out var reference) ? reference.Name : null;
        var artifact = new ArtifactInfo(name, ArtifactKind.Image)
        {
            ConfigDigest = configDigest,
            Repository = repository,
            Platform = config.Platform,
            Layers = layers.Select(l => l.Digest).ToList(),
        };
        return new BlobImageSource(store, artifact, layers, config);
    }

    private static (string Config, string? RepoTag, List<string> Layers) ParseManifest(byte[] bytes, string location)
    {
        try
        {
            using var document = JsonDocument.Parse(bytes);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Array || root.GetArrayLength() == 0)
            {
                throw new ManifestException($"manifest.json of {location} lists no image.");
            }

            if (root.GetArrayLength() > 1)
            {
                throw new ManifestException($"{location} holds {root.GetArrayLength()} images; save one image per archive.");
            }

            var image = root[0];
            var config = ManifestParser.GetString(image, "Config")
                ?? throw new ManifestException($"manifest.json of {location} names no Config.");
            string? repoTag = null;
            if (image.TryGetProperty("RepoTags", out var tags) && tags.ValueKind == JsonValueKind.Array && tags.GetArrayLength() > 0)
            {
                repoTag = tags[0].GetString();
            }

            var layers = image.TryGetProperty("Layers", out var l) && l.ValueKind == JsonValueKind.Array
                ? l.EnumerateArray().Select(x => x.GetString() ?? throw new ManifestException($"manifest.json of {location} has a null layer.")).ToList()
                : throw new ManifestException($"manifest.json of {location} has no Layers.");
            return (config, repoTag, layers);
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            throw new ManifestException($"manifest.json of {location} is malformed: {ex.Message}", ex);
        }
    }

    /// <summary>The digest a member's name carries: <c>blobs/sha256/&lt;hex&gt;</c> or <c>&lt;hex&gt;.tar</c>/<c>&lt;hex&gt;.json</c>.</summary>
    private static Digest? DigestInName(string path)
    {
        var parts = path.Split('/');
        if (parts.Length == 3 && parts[0] == "blobs" && Digest.TryParse($"{parts[1]}:{parts[2]}", out var blob))
        {
            return blob;
        }

        var file = Path.GetFileNameWithoutExtension(parts[^1]);
        return parts.Length == 1 && Digest.TryParse("sha256:" + file, out var named) ? named : null;
    }

    /// <summary>Blobs of a docker-archive, found by the member paths manifest.json gives.</summary>
    private sealed class PathBlobStore(ILayoutFiles files) : IBlobStore
    {
        private readonly Dictionary<Digest, string> paths = [];

        public void Add(Digest digest, string path) => paths[digest] = path;

        public Task<Stream> OpenBlobAsync(Digest digest, CancellationToken cancellationToken) =>
            paths.TryGetValue(digest, out var path)
                ? Task.FromResult(files.Open(path))
                : throw new ImageReadException($"Blob {digest} is not part of {files.Location}.");

        public Task<Stream> OpenManifestAsync(Digest digest, CancellationToken cancellationToken) =>
            throw new NotSupportedException("A docker-archive has no manifest blobs.");

        public ValueTask DisposeAsync() => files.DisposeAsync();
    }
}
