using System.Diagnostics.CodeAnalysis;
using Vigil.VulnDb.Versions.Internal;

namespace Vigil.VulnDb.Versions.SemVer;

/// <summary>
/// A Semantic Versioning 2.0.0 version, <c>MAJOR.MINOR.PATCH[-prerelease][+build]</c>, as used by npm, crates.io, Go modules
/// and others, ordered by semver.org precedence.
/// </summary>
/// <remarks>
/// A leading <c>v</c> is accepted (Go writes <c>v1.2.3</c>). Build metadata, including Go's <c>+incompatible</c>, is ignored for
/// ordering and equality. Go pseudo-versions (<c>v0.0.0-20191109021931-daa7c04131f5</c>) are ordinary pre-releases and order
/// as semver. Parsing is strict otherwise: three numeric parts without leading zeros, non-empty identifiers of
/// <c>[0-9A-Za-z-]</c>, and no leading zeros in numeric pre-release identifiers. Numbers above <see cref="ulong.MaxValue"/>
/// are rejected. The default value is <c>0.0.0</c>. Immutable and thread-safe.
/// </remarks>
public readonly struct SemanticVersion : IVersion<SemanticVersion>
{
    private const string SchemeName = "semantic";

    private static readonly string[] PartNames = ["major", "minor", "patch"];

    private readonly string? _text;
    private readonly int _prereleaseStart;
    private readonly int _prereleaseEnd;

    private SemanticVersion(string text, ulong major, ulong minor, ulong patch, int prereleaseStart, int prereleaseEnd)
    {
        _text = text;
        Major = major;
        Minor = minor;
        Patch = patch;
        _prereleaseStart = prereleaseStart;
        _prereleaseEnd = prereleaseEnd;
    }

    /// <inheritdoc/>
    public static VersionScheme Scheme => VersionScheme.SemVer;

    /// <summary>The major version.</summary>
    public ulong Major { get; }

    /// <summary>The minor version.</summary>
    public ulong Minor { get; }

    /// <summary>The patch version.</summary>
    public ulong Patch { get; }

    /// <summary>Whether the version has a pre-release part (and so sorts before the same version without one).</summary>
    public bool IsPrerelease => _prereleaseEnd > _prereleaseStart;

    /// <summary>The pre-release part without its <c>-</c>, or the empty string.</summary>
    public string Prerelease => PrereleaseSpan.ToString();

    /// <summary>The build metadata without its <c>+</c>, or the empty string.</summary>
    public string BuildMetadata =>
        _text is not null && _prereleaseEnd < _text.Length ? _text[(_prereleaseEnd + 1)..] : string.Empty;

    private ReadOnlySpan<char> PrereleaseSpan =>
        IsPrerelease ? _text.AsSpan(_prereleaseStart, _prereleaseEnd - _prereleaseStart) : [];

    /// <inheritdoc/>
    public static bool TryParse([NotNullWhen(true)] string? text, out SemanticVersion version)
    {
        version = default;
        return text is not null && TryParseCore(text, out version) is null;
    }

    /// <inheritdoc/>
    public static SemanticVersion Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var error = TryParseCore(text, out var version);
        return error is null ? version : throw VersionText.Invalid(SchemeName, text, error);
    }

    /// <inheritdoc/>
    public int CompareTo(SemanticVersion other)
    {
        if (Major != other.Major)
        {
            return Major < other.Major ? -1 : 1;
        }

        if (Minor != other.Minor)
        {
            return Minor < other.Minor ? -1 : 1;
        }

        if (Patch != other.Patch)
        {
            return Patch < other.Patch ? -1 : 1;
        }

        return ComparePrerelease(PrereleaseSpan, other.PrereleaseSpan);
    }

    /// <inheritdoc/>
    public bool Equals(SemanticVersion other) => CompareTo(other) == 0;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is SemanticVersion other && Equals(other);

    /// <inheritdoc/>
    // Numeric identifiers have no leading zeros, so equal pre-releases are equal text.
    public override int GetHashCode() => HashCode.Combine(Major, Minor, Patch, string.GetHashCode(PrereleaseSpan));

    /// <summary>The text the version was parsed from.</summary>
    public override string ToString() => _text ?? "0.0.0";

    /// <inheritdoc/>
    public static bool operator ==(SemanticVersion left, SemanticVersion right) => left.Equals(right);

    /// <inheritdoc/>
    public static bool operator !=(SemanticVersion left, SemanticVersion right) => !left.Equals(right);

    /// <inheritdoc/>
    public static bool operator <(SemanticVersion left, SemanticVersion right) => left.CompareTo(right) < 0;

    /// <inheritdoc/>
    public static bool operator <=(SemanticVersion left, SemanticVersion right) => left.CompareTo(right) <= 0;

    /// <inheritdoc/>
    public static bool operator >(SemanticVersion left, SemanticVersion right) => left.CompareTo(right) > 0;

    /// <inheritdoc/>
    public static bool operator >=(SemanticVersion left, SemanticVersion right) => left.CompareTo(right) >= 0;

    /// <summary>semver.org rule 11: no pre-release sorts last; identifiers numeric-before-alphanumeric, fewer first.</summary>
    private static int ComparePrerelease(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        if (a.IsEmpty || b.IsEmpty)
        {
            return a.IsEmpty ? (b.IsEmpty ? 0 : 1) : -1;
        }

        while (true)
        {
            var aDot = a.IndexOf('.');
            var bDot = b.IndexOf('.');
            var aId = aDot < 0 ? a : a[..aDot];
            var bId = bDot < 0 ? b : b[..bDot];
            var result = CompareIdentifier(aId, bId);
            if (result != 0)
            {
                return result;
            }

            if (aDot < 0 || bDot < 0)
            {
                return aDot < 0 ? (bDot < 0 ? 0 : -1) : 1;
            }

            a = a[(aDot + 1)..];
            b = b[(bDot + 1)..];
        }
    }

    private static int CompareIdentifier(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        var aNumeric = VersionText.IsAllDigits(a);
        var bNumeric = VersionText.IsAllDigits(b);
        if (aNumeric && bNumeric)
        {
            return VersionText.CompareDigits(a, b);
        }

        if (aNumeric != bNumeric)
        {
            return aNumeric ? -1 : 1;
        }

        return Math.Sign(a.SequenceCompareTo(b));
    }

    private static string? TryParseCore(string text, out SemanticVersion version)
    {
        version = default;
        if (VersionText.CheckLength(text) is { } lengthError)
        {
            return lengthError;
        }

        var span = text.AsSpan();
        var pos = span[0] is 'v' or 'V' ? 1 : 0;
        Span<ulong> numbers = stackalloc ulong[3];
        for (var part = 0; part < 3; part++)
        {
            var digits = span.Slice(pos, VersionText.DigitRun(span, pos));
            if (digits.IsEmpty)
            {
                return $"expected the {PartNames[part]} version number at position {pos}";
            }

            if (digits.Length > 1 && digits[0] == '0')
            {
                return $"the {PartNames[part]} version has a leading zero";
            }

            if (!VersionText.TryParseNumber(digits, out numbers[part]))
            {
                return $"the {PartNames[part]} version is too big";
            }

            pos += digits.Length;
            if (part < 2)
            {
                if (pos >= span.Length || span[pos] != '.')
                {
                    return $"expected '.' after the {PartNames[part]} version";
                }

                pos++;
            }
        }

        var prereleaseStart = pos;
        var prereleaseEnd = pos;
        if (pos < span.Length && span[pos] == '-')
        {
            prereleaseStart = pos + 1;
            var plus = span[prereleaseStart..].IndexOf('+');
            prereleaseEnd = plus < 0 ? span.Length : prereleaseStart + plus;
            if (VersionText.CheckDotIdentifiers(span[prereleaseStart..prereleaseEnd], "pre-release", numericNoLeadingZero: true) is { } error)
            {
                return error;
            }

            pos = prereleaseEnd;
        }

        if (pos < span.Length)
        {
            if (span[pos] != '+')
            {
                return $"unexpected '{span[pos]}' after the patch version";
            }

            if (VersionText.CheckDotIdentifiers(span[(pos + 1)..], "build metadata", numericNoLeadingZero: false) is { } error)
            {
                return error;
            }
        }

        version = new SemanticVersion(text, numbers[0], numbers[1], numbers[2], prereleaseStart, prereleaseEnd);
        return null;
    }
}
