using Vigil.Core;
using Vigil.Oci.Manifests;

namespace Vigil.Oci.Sources;

/// <summary>
/// Turns a manifest or index (from any store) into an opened image: picks the platform from an index, reads and verifies
/// the manifest and config, and lists the layers.
/// </summary>
internal static class ImageAssembler
{
    /// <summary>Resolves <paramref name="root"/> (manifest or index) into an image source over <paramref name="store"/>.</summary>
    public static async Task<IImageSource> AssembleAsync(
        IBlobStore store,
        Descriptor root,
        byte[]? rootContent,
        string name,
        string? repository,
        OciOptions options,
        CancellationToken cancellationToken)
    {
        var descriptor = root;
        var content = rootContent ?? await BlobReader.ReadAsync(store, root, options.MaxManifestBytes, $"manifest of {name}", manifest: true, cancellationToken);
        var document = ManifestParser.Parse(content, root.MediaType, name);
        if (document is ImageIndex index)
        {
            descriptor = PlatformSelector.Select(index, options.Platform, name);
            content = await BlobReader.ReadAsync(store, descriptor, options.MaxManifestBytes, $"manifest of {name} for {options.Platform}", manifest: true, cancellationToken);
            document = ManifestParser.Parse(content, descriptor.MediaType, name);
        }

        if (document is not ImageManifest manifest)
        {
            throw new ManifestException($"The index of {name} for {options.Platform} points to another index; nested indexes are not supported.");
        }

        var configBytes = await BlobReader.ReadAsync(store, manifest.Config, options.MaxConfigBytes, $"config of {name}", manifest: false, cancellationToken);
        var config = ImageConfig.Parse(configBytes, name);
        var layers = manifest.Layers.Select((l, i) => new ImageLayer(i, l.Digest, l.Size, l.MediaType)).ToList();
        var artifact = new ArtifactInfo(name, ArtifactKind.Image)
        {
            ManifestDigest = descriptor.Digest,
            ConfigDigest = manifest.Config.Digest,
            Repository = repository,
            Platform = config.Platform,
            Layers = layers.Select(l => l.Digest).ToList(),
        };
        return new BlobImageSource(store, artifact, layers, config);
    }
}
