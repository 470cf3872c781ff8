using System.Diagnostics.CodeAnalysis;
using Vigil.VulnDb.Versions.Internal;

namespace Vigil.VulnDb.Versions.NuGet;

/// <summary>
/// A NuGet package version, <c>Major[.Minor[.Patch[.Revision]]][-label.label…][+metadata]</c>, ordered like
/// <c>NuGet.Versioning</c>'s default comparison.
/// </summary>
/// <remarks>
/// One to four numbers (missing ones are 0, each fits in an <see cref="int"/>, leading zeros allowed), surrounding
/// whitespace ignored; a version with release labels sorts before the same version without; labels compare one by one,
/// numeric ones (no leading zeros) numerically and before text ones, text ones case-insensitively, and fewer labels first. Build metadata is ignored,
/// so <c>1.0.0+a</c> equals <c>1.0</c>. The default value is <c>0.0.0</c>. Immutable and thread-safe.
/// </remarks>
public readonly struct NuGetVersion : IVersion<NuGetVersion>
{
    private const string SchemeName = "NuGet";

    private readonly string? _text;
    private readonly int _releaseStart;
    private readonly int _releaseEnd;

    private NuGetVersion(string text, int major, int minor, int patch, int revision, int releaseStart, int releaseEnd)
    {
        _text = text;
        Major = major;
        Minor = minor;
        Patch = patch;
        Revision = revision;
        _releaseStart = releaseStart;
        _releaseEnd = releaseEnd;
    }

    /// <inheritdoc/>
    public static VersionScheme Scheme => VersionScheme.NuGet;

    /// <summary>The major version.</summary>
    public int Major { get; }

    /// <summary>The minor version (0 when absent).</summary>
    public int Minor { get; }

    /// <summary>The patch version (0 when absent).</summary>
    public int Patch { get; }

    /// <summary>The fourth, legacy revision number (0 when absent).</summary>
    public int Revision { get; }

    /// <summary>Whether the version has release labels.</summary>
    public bool IsPrerelease => _releaseEnd > _releaseStart;

    /// <summary>The release labels joined by dots, or the empty string.</summary>
    public string Release => ReleaseSpan.ToString();

    private ReadOnlySpan<char> ReleaseSpan => IsPrerelease ? _text.AsSpan(_releaseStart, _releaseEnd - _releaseStart) : [];

    /// <inheritdoc/>
    public static bool TryParse([NotNullWhen(true)] string? text, out NuGetVersion version)
    {
        version = default;
        return text is not null && TryParseCore(text, out version) is null;
    }

    /// <inheritdoc/>
    public static NuGetVersion Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var error = TryParseCore(text, out var version);
        return error is null ? version : throw VersionText.Invalid(SchemeName, text, error);
    }

    /// <inheritdoc/>
    public int CompareTo(NuGetVersion other)
    {
        var result = Major.CompareTo(other.Major);
        result = result != 0 ? result : Minor.CompareTo(other.Minor);
        result = result != 0 ? result : Patch.CompareTo(other.Patch);
        result = result != 0 ? result : Revision.CompareTo(other.Revision);
        if (result != 0)
        {
            return Math.Sign(result);
        }

        if (IsPrerelease != other.IsPrerelease)
        {
            return IsPrerelease ? -1 : 1;
        }

        return CompareRelease(ReleaseSpan, other.ReleaseSpan);
    }

    /// <inheritdoc/>
    public bool Equals(NuGetVersion other) => CompareTo(other) == 0;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is NuGetVersion other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode()
    {
        var hash = default(HashCode);
        hash.Add(Major);
        hash.Add(Minor);
        hash.Add(Patch);
        hash.Add(Revision);
        hash.Add(string.GetHashCode(ReleaseSpan, StringComparison.OrdinalIgnoreCase));
        return hash.ToHashCode();
    }

    /// <summary>The text the version was parsed from.</summary>
    public override string ToString() => _text ?? "0.0.0";

    /// <inheritdoc/>
    public static bool operator ==(NuGetVersion left, NuGetVersion right) => left.Equals(right);

    /// <inheritdoc/>
    public static bool operator !=(NuGetVersion left, NuGetVersion right) => !left.Equals(right);

    /// <inheritdoc/>
    public static bool operator <(NuGetVersion left, NuGetVersion right) => left.CompareTo(right) < 0;

    /// <inheritdoc/>
    public static bool operator <=(NuGetVersion left, NuGetVersion right) => left.CompareTo(right) <= 0;

    /// <inheritdoc/>
    public static bool operator >(NuGetVersion left, NuGetVersion right) => left.CompareTo(right) > 0;

    /// <inheritdoc/>
    public static bool operator >=(NuGetVersion left, NuGetVersion right) => left.CompareTo(right) >= 0;

    private static int CompareRelease(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        var aLabels = a.Split('.');
        var bLabels = b.Split('.');
        while (true)
        {
            var aMore = aLabels.MoveNext();
            var bMore = bLabels.MoveNext();
            if (!aMore || !bMore)
            {
                return aMore == bMore ? 0 : aMore ? 1 : -1;
            }

            var result = CompareLabel(a[aLabels.Current], b[bLabels.Current]);
            if (result != 0)
            {
                return result;
            }
        }
    }

    // Labels are validated without leading zeros, so all-digit labels of any length compare as numbers.
    private static int CompareLabel(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
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

        return Math.Sign(a.CompareTo(b, StringComparison.OrdinalIgnoreCase));
    }

    private static string? TryParseCore(string text, out NuGetVersion version)
    {
        version = default;
        if (VersionText.CheckLength(text) is { } lengthError)
        {
            return lengthError;
        }

        // NuGet ignores surrounding whitespace; positions below are in the trimmed span, offset into the text.
        var offset = text.Length - text.AsSpan().TrimStart().Length;
        var span = text.AsSpan().Trim();
        if (span.IsEmpty)
        {
            return "it is blank";
        }

        var versionEnd = span.IndexOfAny('-', '+');
        if (versionEnd < 0)
        {
            versionEnd = span.Length;
        }

        Span<int> numbers = stackalloc int[4];
        var count = 0;
        var numbersPart = span[..versionEnd];
        foreach (var range in numbersPart.Split('.'))
        {
            var part = numbersPart[range];
            if (count == 4)
            {
                return "it has more than four numbers";
            }

            if (part.IsEmpty || !VersionText.IsAllDigits(part))
            {
                return $"'{part}' is not a version number";
            }

            if (!int.TryParse(part, System.Globalization.NumberStyles.None, null, out numbers[count]))
            {
                return $"the number '{part}' is too big";
            }

            count++;
        }

        var releaseStart = versionEnd;
        var releaseEnd = versionEnd;
        if (versionEnd < span.Length && span[versionEnd] == '-')
        {
            releaseStart = versionEnd + 1;
            var plus = span[releaseStart..].IndexOf('+');
            releaseEnd = plus < 0 ? span.Length : releaseStart + plus;
            if (VersionText.CheckDotIdentifiers(span[releaseStart..releaseEnd], "release label", numericNoLeadingZero: true) is { } error)
            {
                return error;
            }
        }

        if (releaseEnd < span.Length && VersionText.CheckDotIdentifiers(span[(releaseEnd + 1)..], "metadata", numericNoLeadingZero: false) is { } metadataError)
        {
            return metadataError;
        }

        version = new NuGetVersion(
            text, numbers[0], numbers[1], numbers[2], numbers[3], offset + releaseStart, offset + releaseEnd);
        return null;
    }
}
