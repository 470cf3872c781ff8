using System.Diagnostics.CodeAnalysis;

namespace Vigil.Reporting.Filtering;

/// <summary>
/// A package URL used as a pattern: a finding's purl matches when type, namespace and name are equal, the version is equal
/// if the pattern has one, and every qualifier of the pattern is present with the same value.
/// </summary>
/// <remarks>So <c>pkg:deb/debian/openssl</c> matches every installed openssl, and adding <c>?distro=debian-12</c> narrows it.</remarks>
internal sealed record PurlPattern(string Type, string? Namespace, string Name, string? Version, IReadOnlyDictionary<string, string> Qualifiers)
{
    public static bool TryParse(string? text, [NotNullWhen(true)] out PurlPattern? pattern)
    {
        pattern = null;
        if (text is null || !text.StartsWith("pkg:", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var rest = text[4..].TrimStart('/');
        var hash = rest.IndexOf('#', StringComparison.Ordinal);
        rest = hash >= 0 ? rest[..hash] : rest;
        var qualifiers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var question = rest.IndexOf('?', StringComparison.Ordinal);
        if (question >= 0)
        {
            foreach (var pair in rest[(question + 1)..].Split('&', StringSplitOptions.RemoveEmptyEntries))
            {
                var equals = pair.IndexOf('=', StringComparison.Ordinal);
                if (equals > 0)
                {
                    qualifiers[pair[..equals]] = Uri.UnescapeDataString(pair[(equals + 1)..]);
                }
            }

            rest = rest[..question];
        }

        string? version = null;
        var at = rest.LastIndexOf('@');
        if (at > rest.LastIndexOf('/'))
        {
            version = Uri.UnescapeDataString(rest[(at + 1)..]);
            rest = rest[..at];
        }

        var segments = rest.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (segments.Length < 2)
        {
            return false;
        }

        var @namespace = segments.Length > 2 ? string.Join('/', segments[1..^1].Select(Uri.UnescapeDataString)) : null;
        pattern = new PurlPattern(segments[0], @namespace, Uri.UnescapeDataString(segments[^1]), version, qualifiers);
        return true;
    }

    /// <summary>Whether <paramref name="candidate"/> is one of the packages this pattern describes.</summary>
    public bool Matches(PurlPattern candidate) =>
        string.Equals(Type, candidate.Type, StringComparison.OrdinalIgnoreCase)
        && string.Equals(Namespace, candidate.Namespace, StringComparison.OrdinalIgnoreCase)
        && string.Equals(Name, candidate.Name, StringComparison.OrdinalIgnoreCase)
        && (Version is null || string.Equals(Version, candidate.Version, StringComparison.Ordinal))
        && Qualifiers.All(q => candidate.Qualifiers.TryGetValue(q.Key, out var value) && string.Equals(value, q.Value, StringComparison.Ordinal));

    /// <summary>Whether the purl text <paramref name="candidate"/> matches this pattern (false when it is not a purl).</summary>
    public bool Matches(string? candidate) => TryParse(candidate, out var parsed) && Matches(parsed);
}
