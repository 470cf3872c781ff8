namespace Vigil.Core;

/// <summary>
/// An OSV ecosystem, such as <c>npm</c>, <c>PyPI</c> or <c>Debian:12</c>: the base name plus, for distributions, a release.
/// </summary>
/// <remarks>
/// OSV writes the release after the first colon (<c>Ubuntu:22.04:LTS</c> has base <c>Ubuntu</c> and release <c>22.04:LTS</c>).
/// Comparison is ordinal: OSV names are case-sensitive.
/// </remarks>
public readonly record struct Ecosystem
{
    /// <summary>Creates an ecosystem from its base name and optional release.</summary>
    public Ecosystem(string name, string? release = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Name = name;
        Release = string.IsNullOrEmpty(release) ? null : release;
    }

    /// <summary>The base name, e.g. <c>Debian</c>, <c>npm</c>.</summary>
    public string Name { get; }

    /// <summary>The release part for distributions (<c>12</c>, <c>v3.20</c>, <c>22.04:LTS</c>), or null.</summary>
    public string? Release { get; }

    /// <summary>The same ecosystem without its release (<c>Debian:12</c> → <c>Debian</c>).</summary>
    public Ecosystem WithoutRelease => new(Name);

    /// <summary>Parses an OSV ecosystem string.</summary>
    public static Ecosystem Parse(string value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value);
        var colon = value.IndexOf(':', StringComparison.Ordinal);
        return colon < 0 ? new Ecosystem(value) : new Ecosystem(value[..colon], value[(colon + 1)..]);
    }

    /// <inheritdoc/>
    public override string ToString() => Release is null ? Name ?? string.Empty : $"{Name}:{Release}";

    /// <summary>npm (Node.js).</summary>
    public static Ecosystem Npm { get; } = new("npm");

    /// <summary>PyPI (Python).</summary>
    public static Ecosystem PyPI { get; } = new("PyPI");

    /// <summary>Maven (Java).</summary>
    public static Ecosystem Maven { get; } = new("Maven");

    /// <summary>NuGet (.NET).</summary>
    public static Ecosystem NuGet { get; } = new("NuGet");

    /// <summary>Go modules.</summary>
    public static Ecosystem Go { get; } = new("Go");

    /// <summary>crates.io (Rust).</summary>
    public static Ecosystem CratesIo { get; } = new("crates.io");

    /// <summary>RubyGems.</summary>
    public static Ecosystem RubyGems { get; } = new("RubyGems");

    /// <summary>Packagist (PHP Composer).</summary>
    public static Ecosystem Packagist { get; } = new("Packagist");

    /// <summary>Debian, base name (add a release with <c>new Ecosystem("Debian", "12")</c>).</summary>
    public static Ecosystem Debian { get; } = new("Debian");

    /// <summary>Ubuntu, base name.</summary>
    public static Ecosystem Ubuntu { get; } = new("Ubuntu");

    /// <summary>Alpine, base name.</summary>
    public static Ecosystem Alpine { get; } = new("Alpine");
}
