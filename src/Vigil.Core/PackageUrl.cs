using System.Text;

namespace Vigil.Core;

/// <summary>Builds package URLs (purl) as the purl specification writes them: <c>pkg:type/namespace/name@version?qualifiers</c>.</summary>
public static class PackageUrl
{
    /// <summary>Formats a purl, percent-encoding each component and sorting qualifiers by key as the spec requires.</summary>
    /// <param name="type">The purl type (<c>deb</c>, <c>npm</c>, <c>pypi</c>, <c>maven</c>…), lower case.</param>
    /// <param name="namespace">The namespace (<c>debian</c>, a Maven group id, an npm scope with <c>@</c>), or null. May contain '/' separators.</param>
    /// <param name="name">The package name.</param>
    /// <param name="version">The version, or null.</param>
    /// <param name="qualifiers">Qualifiers such as <c>distro</c> and <c>arch</c>; null or empty values are left out.</param>
    public static string Create(string type, string? @namespace, string name, string? version, IEnumerable<KeyValuePair<string, string?>>? qualifiers = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(type);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var builder = new StringBuilder("pkg:").Append(type.ToLowerInvariant()).Append('/');
        if (!string.IsNullOrEmpty(@namespace))
        {
            foreach (var segment in @namespace.Split('/', StringSplitOptions.RemoveEmptyEntries))
            {
                builder.Append(Encode(segment)).Append('/');
            }
        }

        builder.Append(Encode(name));
        if (!string.IsNullOrEmpty(version))
        {
            builder.Append('@').Append(Encode(version));
        }

        var pairs = (qualifiers ?? []).Where(q => !string.IsNullOrEmpty(q.Value)).OrderBy(q => q.Key, StringComparer.Ordinal).ToList();
        for (var i = 0; i < pairs.Count; i++)
        {
            builder.Append(i == 0 ? '?' : '&').Append(pairs[i].Key.ToLowerInvariant()).Append('=').Append(Encode(pairs[i].Value!));
        }

        return builder.ToString();
    }

    private static string Encode(string value)
    {
        // purl keeps these unreserved; ':' is allowed unencoded too (epochs in deb/rpm versions).
        var builder = new StringBuilder(value.Length);
        foreach (var b in Encoding.UTF8.GetBytes(value))
        {
            var c = (char)b;
            if (char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' or '~' or ':' or '+')
            {
                builder.Append(c);
            }
            else
            {
                builder.Append('%').Append(b.ToString("X2"));
            }
        }

        return builder.ToString();
    }
}
