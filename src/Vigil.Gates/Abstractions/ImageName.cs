using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;
using Vigil.Core;

namespace Vigil.Gates.Abstractions;

/// <summary>
/// An image reference as written in a pod spec, split the way Docker does it: <c>nginx</c> is
/// <c>docker.io/library/nginx:latest</c>; <c>127.0.0.1:5000/app@sha256:…</c> has a registry and a digest.
/// </summary>
/// <param name="Registry">The registry host and optional port (<c>docker.io</c> when none is written).</param>
/// <param name="Path">The repository path within the registry (<c>library/nginx</c>).</param>
/// <param name="Tag">The tag, or null when only a digest is given.</param>
/// <param name="Digest">The digest, when pinned.</param>
public sealed partial record ImageName(string Registry, string Path, string? Tag, Digest? Digest)
{
    private const int MaxLength = 4096;

    /// <summary>The repository with its registry (<c>docker.io/library/nginx</c>), as scanners and registries take it.</summary>
    public string Repository => $"{Registry}/{Path}";

    /// <summary>Parses a reference; false with a reason for anything that is not one.</summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out ImageName? name, out string error)
    {
        name = null;
        error = string.Empty;
        if (string.IsNullOrWhiteSpace(text) || text.Length > MaxLength)
        {
            error = "The image reference is empty or too long.";
            return false;
        }

        Digest? digest = null;
        var rest = text;
        var at = text.IndexOf('@', StringComparison.Ordinal);
        if (at >= 0)
        {
            if (!Core.Digest.TryParse(text[(at + 1)..], out var parsed))
            {
                error = $"'{text}' has a malformed digest.";
                return false;
            }

            digest = parsed;
            rest = text[..at];
        }

        string? tag = null;
        var lastSlash = rest.LastIndexOf('/');
        var colon = rest.LastIndexOf(':');
        if (colon > lastSlash)
        {
            tag = rest[(colon + 1)..];
            rest = rest[..colon];
            if (!TagPattern().IsMatch(tag))
            {
                error = $"'{text}' has a malformed tag.";
                return false;
            }
        }

        var firstSlash = rest.IndexOf('/', StringComparison.Ordinal);
        string registry;
        string path;
        var first = firstSlash < 0 ? string.Empty : rest[..firstSlash];
        if (firstSlash > 0 && (first.Contains('.', StringComparison.Ordinal) || first.Contains(':', StringComparison.Ordinal) || first == "localhost"))
        {
            registry = first;
            path = rest[(firstSlash + 1)..];
        }
        else
        {
            registry = "docker.io";
            path = firstSlash < 0 ? "library/" + rest : rest;
        }

        if (!PathPattern().IsMatch(path) || !RegistryPattern().IsMatch(registry))
        {
            error = $"'{text}' is not a valid image reference.";
            return false;
        }

        name = new ImageName(registry, path, tag ?? (digest is null ? "latest" : null), digest);
        return true;
    }

    /// <inheritdoc/>
    public override string ToString() =>
        Repository + (Tag is null ? string.Empty : ":" + Tag) + (Digest is { } d ? "@" + d : string.Empty);

    [GeneratedRegex(@"^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$", RegexOptions.CultureInvariant)]
    private static partial Regex TagPattern();

    [GeneratedRegex(@"^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*$", RegexOptions.CultureInvariant)]
    private static partial Regex PathPattern();

    [GeneratedRegex(@"^[A-Za-z0-9.-]+(?::[0-9]{1,5})?$", RegexOptions.CultureInvariant)]
    private static partial Regex RegistryPattern();
}
