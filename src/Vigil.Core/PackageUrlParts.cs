using System.Diagnostics.CodeAnalysis;

namespace Vigil.Core;

/// <summary>
/// A package URL split into its components, the inverse of <see cref="PackageUrl.Create"/>: how purls from SBOMs made by
/// other tools are read back, and how OS package purls get their distribution added.
/// </summary>
/// <param name="Type">The purl type, lower case (<c>deb</c>, <c>npm</c>…).</param>
/// <param name="Namespace">The decoded namespace, segments joined by '/', or null.</param>
/// <param name="Name">The decoded name.</param>
/// <param name="Version">The decoded version, or null.</param>
/// <param name="Qualifiers">The decoded qualifiers, keys lower case.</param>
public sealed record PackageUrlParts(string Type, string? Namespace, string Name, string? Version, IReadOnlyDictionary<string, string> Qualifiers)
{
    /// <summary>A qualifier's value, or null.</summary>
    public string? Qualifier(string key) => Qualifiers.TryGetValue(key, out var value) ? value : null;

    /// <summary>The same purl with one qualifier set (or removed when <paramref name="value"/> is null).</summary>
    public PackageUrlParts WithQualifier(string key, string? value)
    {
        var copy = new Dictionary<string, string>(Qualifiers, StringComparer.Ordinal);
        if (value is null)
        {
            copy.Remove(key);
        }
        else
        {
            copy[key] = value;
        }

        return this with { Qualifiers = copy };
    }

    /// <summary>Formats the purl in canonical form.</summary>
    public override string ToString() => PackageUrl.Create(Type, Namespace, Name, Version, Qualifiers.Select(q => new KeyValuePair<string, string?>(q.Key, q.Value)));

    /// <summary>Parses <c>pkg:type/namespace/name@version?qualifiers#subpath</c> without throwing; the subpath is dropped.</summary>
    public static bool TryParse([NotNullWhen(true)] string? purl, [NotNullWhen(true)] out PackageUrlParts? parts)
    {
        parts = null;
        if (string.IsNullOrWhiteSpace(purl) || !purl.StartsWith("pkg:", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var rest = purl[4..].TrimStart('/');
        var hash = rest.IndexOf('#', StringComparison.Ordinal);
        if (hash >= 0)
        {
            rest = rest[..hash];
        }

        var qualifiers = new Dictionary<string, string>(StringComparer.Ordinal);
        var question = rest.IndexOf('?', StringComparison.Ordinal);
        if (question >= 0)
        {
            foreach (var pair in rest[(question + 1)..].Split('&', StringSplitOptions.RemoveEmptyEntries))
            {
                var eq = pair.IndexOf('=', StringComparison.Ordinal);
                if (eq > 0 && eq < pair.Length - 1)
                {
                    qualifiers[pair[..eq].ToLowerInvariant()] = Uri.UnescapeDataString(pair[(eq + 1)..]);
                }
            }

            rest = rest[..question];
        }

        // The version starts at the last '@' after the last '/', so an npm scope's encoded or plain '@' stays in the namespace.
        string? version = null;
        var lastSlash = rest.LastIndexOf('/');
        var at = rest.IndexOf('@', lastSlash + 1);
        if (at >= 0)
        {
            version = Uri.UnescapeDataString(rest[(at + 1)..]);
            rest = rest[..at];
        }

        var segments = rest.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (segments.Length < 2)
        {
            return false;
        }

        var type = segments[0].ToLowerInvariant();
        var name = Uri.UnescapeDataString(segments[^1]);
        var ns = segments.Length > 2 ? string.Join('/', segments[1..^1].Select(Uri.UnescapeDataString)) : null;
        if (name.Length == 0)
        {
            return false;
        }

        parts = new PackageUrlParts(type, ns, name, string.IsNullOrEmpty(version) ? null : version, qualifiers);
        return true;
    }
}
