using System.Diagnostics.CodeAnalysis;
using Vigil.VulnDb.Versions.Internal;

namespace Vigil.VulnDb.Versions.Packagist;

/// <summary>
/// A Composer (Packagist) package version, normalized like Composer's <c>VersionParser::normalize</c> and ordered like
/// Composer, which compares normalized versions with PHP's <c>version_compare</c>.
/// </summary>
/// <remarks>
/// <para>Accepted: <c>[v]N[.N[.N[.N]]]</c> or a date version, then an optional stability modifier (<c>stable</c>,
/// <c>RC</c>, <c>beta</c>/<c>b</c>, <c>alpha</c>/<c>a</c>, <c>patch</c>/<c>pl</c>/<c>p</c>, with numbers) and
/// <c>-dev</c>; build metadata and <c>as</c> aliases are dropped; numeric branches like <c>2.x-dev</c> normalize to
/// <c>2.9999999.9999999.9999999-dev</c>. Named branches (<c>dev-main</c>) are rejected: Composer gives them no order.</para>
/// <para>Order: numbers numerically, then stabilities <c>dev</c> &lt; <c>alpha</c> &lt; <c>beta</c> &lt; <c>RC</c> &lt;
/// stable &lt; <c>patch</c>, so <c>1.0-dev</c> &lt; <c>1.0-alpha1</c> &lt; <c>1.0-RC1</c> &lt; <c>1.0</c> &lt;
/// <c>1.0-p1</c> &lt; <c>1.0.1</c>. The default value is <c>0.0.0.0</c>. Immutable and thread-safe.</para>
/// </remarks>
public readonly struct PackagistVersion : IVersion<PackagistVersion>
{
    private const string SchemeName = "Composer";

    private static readonly PhpVersionPart[] Zero = PhpVersionPart.Split("0.0.0.0");

    private readonly string? _text;
    private readonly PhpVersionPart[]? _parts;

    private PackagistVersion(string text, string normalized, PhpVersionPart[] parts)
    {
        _text = text;
        Normalized = normalized;
        _parts = parts;
    }

    /// <inheritdoc/>
    public static VersionScheme Scheme => VersionScheme.Packagist;

    /// <summary>Composer's normalized form (<c>v1.0-beta.2</c> → <c>1.0.0.0-beta2</c>).</summary>
    public string Normalized => field ?? "0.0.0.0";

    /// <inheritdoc/>
    public static bool TryParse([NotNullWhen(true)] string? text, out PackagistVersion version)
    {
        version = default;
        return text is not null && TryParseCore(text, out version) is null;
    }

    /// <inheritdoc/>
    public static PackagistVersion Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var error = TryParseCore(text, out var version);
        return error is null ? version : throw VersionText.Invalid(SchemeName, text, error);
    }

    /// <inheritdoc/>
    public int CompareTo(PackagistVersion other) => PhpVersionPart.Compare(_parts ?? Zero, other._parts ?? Zero);

    /// <inheritdoc/>
    public bool Equals(PackagistVersion other) => CompareTo(other) == 0;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is PackagistVersion other && Equals(other);

    /// <inheritdoc/>
    // Equal versions have parts of equal number value or equal special-form order, and the same count.
    public override int GetHashCode()
    {
        var hash = default(HashCode);
        foreach (var part in _parts ?? Zero)
        {
            hash.Add(part);
        }

        return hash.ToHashCode();
    }

    /// <summary>The text the version was parsed from.</summary>
    public override string ToString() => _text ?? "0.0.0.0";

    /// <inheritdoc/>
    public static bool operator ==(PackagistVersion left, PackagistVersion right) => left.Equals(right);

    /// <inheritdoc/>
    public static bool operator !=(PackagistVersion left, PackagistVersion right) => !left.Equals(right);

    /// <inheritdoc/>
    public static bool operator <(PackagistVersion left, PackagistVersion right) => left.CompareTo(right) < 0;

    /// <inheritdoc/>
    public static bool operator <=(PackagistVersion left, PackagistVersion right) => left.CompareTo(right) <= 0;

    /// <inheritdoc/>
    public static bool operator >(PackagistVersion left, PackagistVersion right) => left.CompareTo(right) > 0;

    /// <inheritdoc/>
    public static bool operator >=(PackagistVersion left, PackagistVersion right) => left.CompareTo(right) >= 0;

    private static string? TryParseCore(string text, out PackagistVersion version)
    {
        version = default;
        if (VersionText.CheckLength(text) is { } lengthError)
        {
            return lengthError;
        }

        // PHP's trim() would silently drop NUL bytes; treat them as the hostile input they are.
        if (text.Any(c => char.IsControl(c) && !char.IsWhiteSpace(c)))
        {
            return "it contains a control character";
        }

        var normalized = ComposerNormalizer.Normalize(text, out var error);
        if (normalized is null)
        {
            return error;
        }

        version = new PackagistVersion(text, normalized, PhpVersionPart.Split(normalized));
        return null;
    }
}
