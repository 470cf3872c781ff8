using System.Security.Cryptography;
using System.Text;
using Vigil.Core;

namespace Vigil.Scanning.Sbom;

/// <summary>
/// What identifies a cached inventory: the image manifest digest, the platform, and the version of every analyzer that
/// made it. A newer analyzer gives a new key, so stale inventories are never returned.
/// </summary>
/// <param name="ManifestDigest">The image manifest digest.</param>
/// <param name="Platform">The platform the manifest was resolved for, or null when the manifest is not from an index.</param>
/// <param name="AnalyzerVersions">Analyzer id → version.</param>
public sealed record SbomCacheKey(Digest ManifestDigest, Platform? Platform, IReadOnlyDictionary<string, int> AnalyzerVersions)
{
    /// <summary>The key of an inventory (its artifact's manifest digest and platform, its analyzer versions).</summary>
    /// <exception cref="ArgumentException">The inventory's artifact has no manifest digest (a directory or SBOM input).</exception>
    public static SbomCacheKey For(Inventory inventory)
    {
        ArgumentNullException.ThrowIfNull(inventory);
        var digest = inventory.Artifact.ManifestDigest
            ?? throw new ArgumentException("Only image inventories (with a manifest digest) are cached.", nameof(inventory));
        return new SbomCacheKey(digest, inventory.Artifact.Platform, inventory.AnalyzerVersions);
    }

    /// <summary>The file-name-safe hash of the key: sha256 over its canonical text.</summary>
    public string Hash
    {
        get
        {
            var text = new StringBuilder().Append(ManifestDigest).Append('|').Append(Platform?.ToString() ?? "-");
            foreach (var (id, version) in AnalyzerVersions.OrderBy(a => a.Key, StringComparer.Ordinal))
            {
                text.Append('|').Append(id).Append('=').Append(version);
            }

            return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
        }
    }
}
