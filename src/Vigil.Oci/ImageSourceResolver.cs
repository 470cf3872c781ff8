using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Vigil.Core.Images;
using Vigil.Oci.Registry;
using Vigil.Oci.Sources;

namespace Vigil.Oci;

/// <summary>
/// The one entry point for image acquisition: opens whatever the user named, detecting its kind. Accepted inputs:
/// <list type="bullet">
/// <item>an OCI image layout directory (<c>DIR</c> when it holds one image, <c>DIR:TAG</c> to pick by ref name);</item>
/// <item>an oci-archive or docker-archive (<c>docker save</c>) tar file;</item>
/// <item>a plain root file system directory;</item>
/// <item>an image reference (<c>nginx</c>, <c>ghcr.io/org/app:1.2</c>, <c>localhost:5000/app@sha256:…</c>).</item>
/// </list>
/// skopeo-style prefixes (<c>oci:</c>, <c>oci-archive:</c>, <c>docker-archive:</c>, <c>dir:</c>, <c>docker://</c>) force a kind.
/// </summary>
/// <remarks>Thread-safe.</remarks>
public sealed class ImageSourceResolver
{
    private readonly OciOptions options;
    private readonly RegistryClientFactory registries;
    private readonly ILogger<ImageSourceResolver> logger;

    /// <summary>Creates the resolver.</summary>
    public ImageSourceResolver(IOptions<OciOptions> options, RegistryClientFactory registries, ILogger<ImageSourceResolver> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        this.options = options.Value;
        this.registries = registries;
        this.logger = logger;
    }

    /// <summary>A resolver without a host's dependency injection (tools, tests): <c>AddVigilOci</c> in a private container.</summary>
    public static ImageSourceResolver Create(Action<OciOptions>? configure = null) =>
        new ServiceCollection().AddVigilOci(configure).BuildServiceProvider().GetRequiredService<ImageSourceResolver>();

    /// <summary>Opens <paramref name="input"/>: reads its manifest and config, not yet its layers.</summary>
    /// <param name="input">A path or an image reference.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The opened image; dispose it when done.</returns>
    /// <exception cref="ImageReadException">The input cannot be opened; the message says why.</exception>
    /// <exception cref="FormatException">The input is neither an existing path nor a valid image reference.</exception>
    public async Task<IImageSource> OpenAsync(string input, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(input);
        logger.LogDebug("Opening image input {Input}", input);
        if (TryStripPrefix(input, "oci:", out var ociPath))
        {
            var (dir, tag) = SplitTag(ociPath);
            return await OpenLayoutDirectoryAsync(dir, tag, input, cancellationToken);
        }

        if (TryStripPrefix(input, "oci-archive:", out var ociArchive) || TryStripPrefix(input, "docker-archive:", out ociArchive))
        {
            return await OpenArchiveAsync(ociArchive, input, cancellationToken);
        }

        if (TryStripPrefix(input, "dir:", out var rootfs))
        {
            return new RootFileSystemSource(rootfs);
        }

        if (TryStripPrefix(input, "docker://", out var remote) || TryStripPrefix(input, "registry:", out remote))
        {
            return await OpenRegistryAsync(ImageReference.Parse(remote), null, cancellationToken);
        }

        if (Directory.Exists(input))
        {
            var files = new DirectoryLayoutFiles(input);
            return OciLayoutOpener.IsLayout(files)
                ? await OciLayoutOpener.OpenAsync(files, null, input, options, cancellationToken)
                : new RootFileSystemSource(input);
        }

        if (File.Exists(input))
        {
            return await OpenArchiveAsync(input, input, cancellationToken);
        }

        var colon = input.LastIndexOf(':');
        if (colon > 0 && Directory.Exists(input[..colon]) && OciLayoutOpener.IsLayout(new DirectoryLayoutFiles(input[..colon])))
        {
            return await OpenLayoutDirectoryAsync(input[..colon], input[(colon + 1)..], input, cancellationToken);
        }

        if (ImageReference.TryParse(input, out var reference, out var error))
        {
            return await OpenRegistryAsync(reference, null, cancellationToken);
        }

        if (input.StartsWith('/') || input.StartsWith('.') || input.StartsWith('~'))
        {
            throw new ImageReadException($"'{input}' does not exist (no such file or directory).");
        }

        throw new FormatException($"'{input}' is not an existing path, and {error}");
    }

    /// <summary>The platform picked from an index (<see cref="OciOptions.Platform"/>).</summary>
    public Core.Platform Platform => options.Platform;

    /// <summary>
    /// The registry reference <paramref name="input"/> names when it pins a digest (<c>repo@sha256:…</c>), which
    /// <see cref="OpenAsync"/> would open from a registry; null for tags, paths and archives. Content at a digest never
    /// changes, so what was read from it once can be reused without asking the registry again.
    /// </summary>
    public static ImageReference? PinnedRegistryReference(string input)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(input);
        if (TryStripPrefix(input, "docker://", out var remote) || TryStripPrefix(input, "registry:", out remote))
        {
            return ImageReference.TryParse(remote, out var prefixed, out _) && prefixed.Digest is not null ? prefixed : null;
        }

        // The same order as OpenAsync: anything that exists on disk, or has a transport prefix, is not a registry image.
        if (input.StartsWith("oci:", StringComparison.Ordinal) || input.StartsWith("oci-archive:", StringComparison.Ordinal)
            || input.StartsWith("docker-archive:", StringComparison.Ordinal) || input.StartsWith("dir:", StringComparison.Ordinal)
            || Directory.Exists(input) || File.Exists(input))
        {
            return null;
        }

        var colon = input.LastIndexOf(':');
        if (colon > 0 && Directory.Exists(input[..colon]))
        {
            return null;
        }

        return ImageReference.TryParse(input, out var reference, out _) && reference.Digest is not null ? reference : null;
    }

    private async Task<IImageSource> OpenLayoutDirectoryAsync(string directory, string? tag, string name, CancellationToken cancellationToken)
    {
        var files = new DirectoryLayoutFiles(directory);
        if (!OciLayoutOpener.IsLayout(files))
        {
            throw new ImageReadException($"'{directory}' is not an OCI image layout (no oci-layout and index.json).");
        }

        return await OciLayoutOpener.OpenAsync(files, tag, name, options, cancellationToken);
    }

    private async Task<IImageSource> OpenArchiveAsync(string path, string name, CancellationToken cancellationToken)
    {
        if (!File.Exists(path))
        {
            throw new ImageReadException($"Archive '{path}' does not exist.");
        }

        await using (var head = File.OpenRead(path))
        {
            var magic = new byte[4];
            var read = await head.ReadAtLeastAsync(magic, magic.Length, throwOnEndOfStream: false, cancellationToken);
            if (Layers.LayerDecompressor.Detect(magic.AsSpan(0, read)) != Layers.LayerDecompressor.Compression.None)
            {
                throw new ImageReadException($"'{path}' is a compressed file; image archives are plain tars (decompress it first, e.g. gunzip).");
            }
        }

        var files = TarLayoutFiles.Index(path);
        if (OciLayoutOpener.IsLayout(files))
        {
            return await OciLayoutOpener.OpenAsync(files, null, name, options, cancellationToken);
        }

        if (Sources.DockerArchiveOpener.IsDockerArchive(files))
        {
            return await DockerArchiveOpener.OpenAsync(files, name, options, cancellationToken);
        }

        throw new ImageReadException($"'{path}' is neither an oci-archive (oci-layout, index.json) nor a docker-archive (manifest.json).");
    }

    /// <summary>Opens an image in a registry, with <paramref name="credential"/> or the configured credentials.</summary>
    /// <param name="reference">The image.</param>
    /// <param name="credential">Credentials for this pull (from an imagePullSecret); null for the configured ones.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    public async Task<IImageSource> OpenRegistryAsync(ImageReference reference, Auth.RegistryCredential? credential = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reference);
        var client = await registries.CreateAsync(reference.Registry, credential, cancellationToken);
        var manifest = await client.GetManifestAsync(reference.Repository, reference.ManifestReference, cancellationToken);
        var root = new Manifests.Descriptor(manifest.MediaType, manifest.Digest, manifest.Content.Length);
        return await ImageAssembler.AssembleAsync(new RegistryBlobStore(client, reference.Repository), root, manifest.Content.ToArray(),
            reference.ToString(), reference.Name, options, cancellationToken);
    }

    private static bool TryStripPrefix(string input, string prefix, out string rest)
    {
        var match = input.StartsWith(prefix, StringComparison.Ordinal);
        rest = match ? input[prefix.Length..] : string.Empty;
        return match;
    }

    private static (string Path, string? Tag) SplitTag(string value)
    {
        var colon = value.LastIndexOf(':');
        return colon > 0 && !Directory.Exists(value) ? (value[..colon], value[(colon + 1)..]) : (value, null);
    }
}
