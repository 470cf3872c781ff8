using System.Security.Cryptography;
using System.Text;
using Vigil.Core;

namespace Vigil.Reporting.Sbom;

/// <summary>Deterministic identifiers for SBOM documents, so the same inventory always gives the same bytes.</summary>
internal static class SbomIds
{
    /// <summary>A name-based UUID (RFC 9562 version 8 layout over SHA-256) of the inventory's identity.</summary>
    public static Guid DocumentId(Inventory inventory)
    {
        var identity = $"{inventory.Artifact.Name}|{inventory.Artifact.ManifestDigest}|{inventory.CreatedAt:O}|{inventory.Packages.Count}";
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(identity));
        hash[6] = (byte)((hash[6] & 0x0F) | 0x80);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash.AsSpan(0, 16), bigEndian: true);
    }

    /// <summary>The property-name prefix of Vigil's own CycloneDX properties (a registered-style namespace).</summary>
    public const string PropertyPrefix = "vigil:";
}
