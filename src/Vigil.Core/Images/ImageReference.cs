using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;

namespace Vigil.Core.Images;

/// <summary>
/// A container image reference such as <c>nginx</c>, <c>ghcr.io/org/app:1.2</c> or <c>localhost:5000/app@sha256:…</c>,
/// normalized with Docker's rules: no registry means <c>docker.io</c>, a single-part Docker Hub name gets <c>library/</c>,
/// no tag and no digest means <c>latest</c>.
/// </summary>
/// <remarks>
/// The first path part is a registry when it contains a dot or a colon, is <c>localhost</c>, or has upper-case letters
/// (as in github.com/distribution/reference). Repository names are lower case. Immutable and thread-safe.
/// </remarks>
public sealed partial record ImageReference
{
    /// <summary>Docker Hub's canonical registry name.</summary>
    public const string DockerHub = "docker.io";

    /// <summary>The host Docker Hub's registry API is served from.</summary>
    public const string DockerHubEndpoint = "registry-1.docker.io";

    private const int MaxNameLength = 255;

    private ImageReference(string registry, string repository, string? tag, Digest? digest)
    {
        Registry = registry;
        Repository = repository;
        Tag = tag;
        Digest = digest;
    }

    /// <summary>The registry host with optional port (<c>docker.io</c>, <c>localhost:5000</c>).</summary>
    public string Registry { get; }

    /// <summary>The repository path inside the registry (<c>library/nginx</c>).</summary>
    public string Repository { get; }

    /// <summary>The tag, or null when only a digest was given.</summary>
    public string? Tag { get; }

    /// <summary>The manifest digest, when pinned.</summary>
    public Digest? Digest { get; }

    /// <summary>The host (and port) to call for the registry API: <c>registry-1.docker.io</c> for Docker Hub.</summary>
    public string RegistryEndpoint => Registry == DockerHub ? DockerHubEndpoint : Registry;

    /// <summary>Registry and repository without tag or digest (<c>docker.io/library/nginx</c>).</summary>
    public string Name => $"{Registry}/{Repository}";

    /// <summary>What to ask the registry's manifest endpoint for: the digest when pinned, else the tag.</summary>
    public string ManifestReference => Digest?.ToString() ?? Tag!;

    /// <summary>Parses a reference, throwing <see cref="FormatException"/> with the reason when it is invalid.</summary>
    public static ImageReference Parse(string value) =>
        TryParse(value, out var reference, out var error) ? reference : throw new FormatException(error);

    /// <summary>Parses a reference without throwing.</summary>
    public static bool TryParse([NotNullWhen(true)] string? value, [NotNullWhen(true)] out ImageReference? reference) =>
        TryParse(value, out reference, out _);

    /// <summary>Parses a reference without throwing, returning the reason when it is invalid.</summary>
    public static bool TryParse([NotNullWhen(true)] string? value, [NotNullWhen(true)] out ImageReference? reference, out string error)
    {
        reference = null;
        if (string.IsNullOrWhiteSpace(value))
        {
            error = "An image reference is empty.";
            return false;
        }

        if (value.Trim() != value || value.Any(char.IsWhiteSpace))
        {
            error = $"Invalid image reference '{value}': it contains white space.";
            return false;
        }

        var remainder = value;
        Digest? digest = null;
        var at = remainder.IndexOf('@', StringComparison.Ordinal);
        if (at >= 0)
        {
            var digestText = remainder[(at + 1)..];
            if (!Core.Digest.TryParse(digestText, out var parsed))
            {
                error = $"Invalid image reference '{value}': '{digestText}' is not a digest (expected sha256:<64 hex digits>).";
                return false;
            }

            digest = parsed;
            remainder = remainder[..at];
        }

        string? tag = null;
        var lastColon = remainder.LastIndexOf(':');
        if (lastColon > remainder.LastIndexOf('/'))
        {
            tag = remainder[(lastColon + 1)..];
            remainder = remainder[..lastColon];
            if (!TagPattern().IsMatch(tag))
            {
                error = $"Invalid image reference '{value}': tag '{tag}' must be 1-128 of [A-Za-z0-9_.-], not starting with '.' or '-'.";
                return false;
            }
        }

        if (remainder.Length == 0)
        {
            error = $"Invalid image reference '{value}': the repository name is missing.";
            return false;
        }

        var (registry, repository) = SplitRegistry(remainder);
        if (registry.Length == 0 || !RegistryPattern().IsMatch(registry))
        {
            error = $"Invalid image reference '{value}': '{registry}' is not a valid registry host[:port].";
            return false;
        }

        if (repository.Any(char.IsAsciiLetterUpper))
        {
            error = $"Invalid image reference '{value}': repository name '{repository}' must be lower case.";
            return false;
        }

        if (!RepositoryPattern().IsMatch(repository))
        {
            error = $"Invalid image reference '{value}': repository '{repository}' must be '/'-separated parts of [a-z0-9] joined by '.', '_', '__' or '-'.";
            return false;
        }

        if (registry.Length + 1 + repository.Length > MaxNameLength)
        {
            error = $"Invalid image reference '{value}': the name is longer than {MaxNameLength} characters.";
            return false;
        }

        if (tag is null && digest is null)
        {
            tag = "latest";
        }

        reference = new ImageReference(registry, repository, tag, digest);
        error = string.Empty;
        return true;
    }

    /// <summary>The same repository pinned to <paramref name="digest"/> (the tag is kept for display).</summary>
    public ImageReference WithDigest(Digest digest) => new(Registry, Repository, Tag, digest);

    /// <summary>The same registry with another repository and tag, for copies and promotions.</summary>
    public ImageReference WithRepository(string repository, string tag) => Parse($"{Registry}/{repository}:{tag}");

    /// <summary>The fully qualified form: <c>docker.io/library/nginx:latest</c>, <c>…/app:1@sha256:…</c>.</summary>
    public override string ToString()
    {
        var text = Name;
        if (Tag is not null)
        {
            text += ":" + Tag;
        }

        if (Digest is { } digest)
        {
            text += "@" + digest;
        }

        return text;
    }

    private static (string Registry, string Repository) SplitRegistry(string name)
    {
        var slash = name.IndexOf('/', StringComparison.Ordinal);
        string registry;
        string repository;
        if (slash < 0)
        {
            registry = DockerHub;
            repository = name;
        }
        else
        {
            var first = name[..slash];
            var isRegistry = first.Contains('.', StringComparison.Ordinal) || first.Contains(':', StringComparison.Ordinal)
                || first == "localhost" || first.Any(char.IsAsciiLetterUpper);
            (registry, repository) = isRegistry ? (first, name[(slash + 1)..]) : (DockerHub, name);
        }

        if (registry == "index.docker.io")
        {
            registry = DockerHub;
        }

        if (registry == DockerHub && !repository.Contains('/', StringComparison.Ordinal))
        {
            repository = "library/" + repository;
        }

        return (registry, repository);
    }

    [GeneratedRegex(@"^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$", RegexOptions.CultureInvariant)]
    private static partial Regex TagPattern();

    [GeneratedRegex(@"^(?:(?:[A-Za-z0-9]|[A-Za-z0-9][A-Za-z0-9-]*[A-Za-z0-9])(?:\.(?:[A-Za-z0-9]|[A-Za-z0-9][A-Za-z0-9-]*[A-Za-z0-9]))*|\[[A-Fa-f0-9:]+\])(?::[0-9]+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex RegistryPattern();

    [GeneratedRegex(@"^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*$", RegexOptions.CultureInvariant)]
    private static partial Regex RepositoryPattern();
}
