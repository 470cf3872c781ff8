using System.Runtime.CompilerServices;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Vigil.Core;

namespace Vigil.Scanning.Sbom;

/// <summary>
/// Inventories of images kept on disk by <see cref="SbomCacheKey"/>, so an image is read once and re-matched whenever
/// the vulnerability data changes. Files are written atomically (temporary file, then rename); an unreadable file is a
/// miss, never an error.
/// </summary>
/// <remarks><threadsafety>Safe for concurrent use, also by several processes sharing the directory.</threadsafety></remarks>
public sealed class SbomCache
{
    private const string Extension = ".inventory.json";
    private readonly string _directory;
    private readonly ILogger<SbomCache> _logger;

    /// <summary>Creates a cache over the configured directory.</summary>
    public SbomCache(IOptions<SbomCacheOptions> options, ILogger<SbomCache>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _directory = Path.GetFullPath(options.Value.Directory);
        _logger = logger ?? NullLogger<SbomCache>.Instance;
    }

    /// <summary>The cache directory.</summary>
    public string Directory => _directory;

    /// <summary>The cached inventory for <paramref name="key"/>, or null.</summary>
    public async Task<Inventory?> GetAsync(SbomCacheKey key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        var path = PathOf(key);
        if (!File.Exists(path))
        {
            return null;
        }

        return await ReadAsync(path, cancellationToken);
    }

    /// <summary>The cached inventory of an image, if one made by exactly <paramref name="analyzerVersions"/> exists.</summary>
    public Task<Inventory?> GetAsync(ArtifactInfo artifact, IReadOnlyDictionary<string, int> analyzerVersions, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(artifact);
        return artifact.ManifestDigest is { } digest
            ? GetAsync(new SbomCacheKey(digest, artifact.Platform, analyzerVersions), cancellationToken)
            : Task.FromResult<Inventory?>(null);
    }

    /// <summary>Stores an image inventory, replacing any entry with the same key.</summary>
    /// <exception cref="ArgumentException">The inventory has no manifest digest.</exception>
    public async Task PutAsync(Inventory inventory, CancellationToken cancellationToken)
    {
        var key = SbomCacheKey.For(inventory);
        System.IO.Directory.CreateDirectory(_directory);
        var path = PathOf(key);
        var temporary = Path.Combine(_directory, $".{key.Hash}.{Guid.NewGuid():N}.tmp");
        try
        {
            await using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, FileOptions.Asynchronous))
            {
                await InventoryJson.SerializeAsync(file, inventory, cancellationToken);
                await file.FlushAsync(cancellationToken);
                file.Flush(flushToDisk: true);
            }

            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            if (File.Exists(temporary))
            {
                File.Delete(temporary);
            }
        }
    }

    /// <summary>
    /// Remembers which manifest (and platform) a pinned reference's digest resolved to for <paramref name="platform"/>,
    /// so that the next scan of the same digest finds its inventory without asking the registry (a digest is immutable;
    /// an index digest resolves per platform).
    /// </summary>
    public async Task PinAsync(Digest requested, Platform platform, SbomCacheKey key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(platform);
        ArgumentNullException.ThrowIfNull(key);
        var pins = Path.Combine(_directory, "pins");
        System.IO.Directory.CreateDirectory(pins);
        var temporary = Path.Combine(pins, $".{Guid.NewGuid():N}.tmp");
        await File.WriteAllTextAsync(temporary, $"{key.ManifestDigest}\n{key.Platform?.ToString() ?? "-"}\n", cancellationToken);
        File.Move(temporary, PinPathOf(requested, platform), overwrite: true);
    }

    /// <summary>The inventory a pinned digest resolved to for <paramref name="platform"/>, made by exactly <paramref name="analyzerVersions"/>; null when unknown.</summary>
    public async Task<Inventory?> GetPinnedAsync(Digest requested, Platform platform, IReadOnlyDictionary<string, int> analyzerVersions, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(platform);
        string[] lines;
        try
        {
            lines = await File.ReadAllLinesAsync(PinPathOf(requested, platform), cancellationToken);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }

        if (lines.Length < 2 || !Digest.TryParse(lines[0], out var manifest) || !TryParsePlatform(lines[1], out var resolvedPlatform))
        {
            _logger.LogWarning("Ignoring unreadable SBOM cache pin for {Digest}", requested);
            return null;
        }

        return await GetAsync(new SbomCacheKey(manifest, resolvedPlatform, analyzerVersions), cancellationToken);
    }

    private static bool TryParsePlatform(string text, out Platform? platform)
    {
        platform = null;
        if (text == "-")
        {
            return true;
        }

        try
        {
            platform = Platform.Parse(text);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    private string PinPathOf(Digest requested, Platform platform) =>
        Path.Combine(_directory, "pins", Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes($"{requested}|{platform}"))) + ".pin");

    /// <summary>Removes the entry for <paramref name="key"/>; true when there was one.</summary>
    public bool Remove(SbomCacheKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var path = PathOf(key);
        if (!File.Exists(path))
        {
            return false;
        }

        File.Delete(path);
        return true;
    }

    /// <summary>Every readable cached inventory, in file-name order; unreadable files are skipped and logged.</summary>
    public async IAsyncEnumerable<Inventory> EnumerateAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (!System.IO.Directory.Exists(_directory))
        {
            yield break;
        }

        foreach (var path in System.IO.Directory.EnumerateFiles(_directory, "*" + Extension).Order(StringComparer.Ordinal))
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (await ReadAsync(path, cancellationToken) is { } inventory)
            {
                yield return inventory;
            }
        }
    }

    private string PathOf(SbomCacheKey key) => Path.Combine(_directory, key.Hash + Extension);

    private async Task<Inventory?> ReadAsync(string path, CancellationToken cancellationToken)
    {
        try
        {
            await using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, 81920, FileOptions.Asynchronous);
            return await InventoryJson.DeserializeAsync(file, cancellationToken);
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException or UnauthorizedAccessException)
        {
            _logger.LogWarning("Ignoring unreadable SBOM cache entry {Path}: {Reason}", path, ex.Message);
            return null;
        }
    }
}
