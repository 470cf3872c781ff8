using System.Diagnostics.CodeAnalysis;
using Vigil.VulnDb.Versions.Internal;

namespace Vigil.VulnDb.Versions.Rpm;

/// <summary>
/// An RPM version, <c>[epoch:]version[-release]</c> (EVR), ordered like rpm: epochs numerically, then version and release
/// with <c>rpmvercmp</c>.
/// </summary>
/// <remarks>
/// <c>rpmvercmp</c> splits into runs of ASCII letters and digits (every other character only separates); numbers beat letters,
/// numbers compare numerically and letters by byte; <c>~</c> sorts before everything, even the end (<c>1.0~rc1</c> &lt;
/// <c>1.0</c>); <c>^</c> sorts after the end but before anything else (<c>1.0</c> &lt; <c>1.0^git1</c> &lt; <c>1.0.1</c>).
/// A missing epoch is 0 and a missing release is empty, which sorts before any release. The release starts after the last
/// hyphen. Accepted characters are ASCII letters, digits and <c>. _ + ~ ^</c> (and <c>-</c> inside the version). The
/// default value equals the empty version. Immutable and thread-safe.
/// </remarks>
public readonly struct RpmVersion : IVersion<RpmVersion>
{
    private const string SchemeName = "RPM";

    private readonly string? _text;
    private readonly int _versionStart;
    private readonly int _versionEnd;

    private RpmVersion(string text, long epoch, int versionStart, int versionEnd)
    {
        _text = text;
        Epoch = epoch;
        _versionStart = versionStart;
        _versionEnd = versionEnd;
    }

    /// <inheritdoc/>
    public static VersionScheme Scheme => VersionScheme.Rpm;

    /// <summary>The epoch, 0 when absent.</summary>
    public long Epoch { get; }

    /// <summary>The version part (between the epoch and the release).</summary>
    public string Version => VersionSpan.ToString();

    /// <summary>The release, or the empty string when absent.</summary>
    public string Release => ReleaseSpan.ToString();

    private ReadOnlySpan<char> VersionSpan => _text.AsSpan(_versionStart, _versionEnd - _versionStart);

    private ReadOnlySpan<char> ReleaseSpan => _text is not null && _versionEnd < _text.Length ? _text.AsSpan(_versionEnd + 1) : [];

    /// <inheritdoc/>
    public static bool TryParse([NotNullWhen(true)] string? text, out RpmVersion version)
    {
        version = default;
        return text is not null && TryParseCore(text, out version) is null;
    }

    /// <inheritdoc/>
    public static RpmVersion Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var error = TryParseCore(text, out var version);
        return error is null ? version : throw VersionText.Invalid(SchemeName, text, error);
    }

    /// <inheritdoc/>
    public int CompareTo(RpmVersion other)
    {
        if (Epoch != other.Epoch)
        {
            return Epoch < other.Epoch ? -1 : 1;
        }

        var version = Compare(VersionSpan, other.VersionSpan);
        return version != 0 ? version : Compare(ReleaseSpan, other.ReleaseSpan);
    }

    /// <inheritdoc/>
    public bool Equals(RpmVersion other) => CompareTo(other) == 0;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is RpmVersion other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode()
    {
        var hash = default(HashCode);
        hash.Add(Epoch);
        AddSegmentsHash(ref hash, VersionSpan);
        hash.Add('-');
        AddSegmentsHash(ref hash, ReleaseSpan);
        return hash.ToHashCode();
    }

    /// <summary>The text the version was parsed from.</summary>
    public override string ToString() => _text ?? string.Empty;

    /// <inheritdoc/>
    public static bool operator ==(RpmVersion left, RpmVersion right) => left.Equals(right);

    /// <inheritdoc/>
    public static bool operator !=(RpmVersion left, RpmVersion right) => !left.Equals(right);

    /// <inheritdoc/>
    public static bool operator <(RpmVersion left, RpmVersion right) => left.CompareTo(right) < 0;

    /// <inheritdoc/>
    public static bool operator <=(RpmVersion left, RpmVersion right) => left.CompareTo(right) <= 0;

    /// <inheritdoc/>
    public static bool operator >(RpmVersion left, RpmVersion right) => left.CompareTo(right) > 0;

    /// <inheritdoc/>
    public static bool operator >=(RpmVersion left, RpmVersion right) => left.CompareTo(right) >= 0;

    /// <summary>rpm's <c>rpmvercmp</c> on a version or a release.</summary>
    internal static int Compare(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        int i = 0, j = 0;
        while (true)
        {
            SkipSeparators(a, ref i);
            SkipSeparators(b, ref j);
            var ac = i < a.Length ? a[i] : '\0';
            var bc = j < b.Length ? b[j] : '\0';

            if (ac == '~' || bc == '~')
            {
                if (ac != bc)
                {
                    return ac == '~' ? -1 : 1;
                }

                i++;
                j++;
                continue;
            }

            // '^' sorts after the end but before any other segment.
            if (ac == '^' || bc == '^')
            {
                if (ac == bc)
                {
                    i++;
                    j++;
                    continue;
                }

                return ac == '\0' ? -1 : bc == '\0' ? 1 : ac == '^' ? -1 : 1;
            }

            if (ac == '\0' || bc == '\0')
            {
                return ac == bc ? 0 : ac == '\0' ? -1 : 1;
            }

            var aSegment = Segment(a, i);
            var bSegment = Segment(b, j);
            var aNumber = char.IsAsciiDigit(ac);
            if (aNumber != char.IsAsciiDigit(bc))
            {
                return aNumber ? 1 : -1;
            }

            var result = aNumber ? VersionText.CompareDigits(aSegment, bSegment) : Math.Sign(aSegment.SequenceCompareTo(bSegment));
            if (result != 0)
            {
                return result;
            }

            i += aSegment.Length;
            j += bSegment.Length;
        }
    }

    private static void SkipSeparators(ReadOnlySpan<char> s, ref int i)
    {
        while (i < s.Length && !char.IsAsciiLetterOrDigit(s[i]) && s[i] is not ('~' or '^'))
        {
            i++;
        }
    }

    private static ReadOnlySpan<char> Segment(ReadOnlySpan<char> s, int start)
    {
        var digits = char.IsAsciiDigit(s[start]);
        var end = start;
        while (end < s.Length && (digits ? char.IsAsciiDigit(s[end]) : char.IsAsciiLetter(s[end])))
        {
            end++;
        }

        return s[start..end];
    }

    // Equal strings have the same sequence of '~', '^', letter runs and digit values once separators are dropped.
    private static void AddSegmentsHash(ref HashCode hash, ReadOnlySpan<char> s)
    {
        var i = 0;
        while (true)
        {
            SkipSeparators(s, ref i);
            if (i >= s.Length)
            {
                return;
            }

            if (s[i] is '~' or '^')
            {
                hash.Add(s[i++]);
                continue;
            }

            var segment = Segment(s, i);
            i += segment.Length;
            hash.Add(string.GetHashCode(char.IsAsciiDigit(segment[0]) ? VersionText.TrimLeadingZeros(segment) : segment));
        }
    }

    private static string? TryParseCore(string text, out RpmVersion version)
    {
        version = default;
        if (VersionText.CheckLength(text) is { } lengthError)
        {
            return lengthError;
        }

        long epoch = 0;
        var versionStart = 0;
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        if (colon >= 0)
        {
            var epochText = text.AsSpan(0, colon);
            if (!VersionText.IsAllDigits(epochText))
            {
                return epochText.IsEmpty ? "the epoch before ':' is empty" : "the epoch before ':' is not a number";
            }

            if (!long.TryParse(epochText, out epoch) || epoch > uint.MaxValue)
            {
                return "the epoch is too big";
            }

            versionStart = colon + 1;
        }

        var hyphen = text.LastIndexOf('-');
        var versionEnd = hyphen >= versionStart ? hyphen : text.Length;
        if (versionEnd == versionStart)
        {
            return "the version is empty";
        }

        if (versionEnd == text.Length - 1)
        {
            return "the release after the last '-' is empty";
        }

        for (var i = versionStart; i < text.Length; i++)
        {
            var c = text[i];
            if (i == versionEnd)
            {
                continue;
            }

            if (!char.IsAsciiLetterOrDigit(c) && c is not ('.' or '_' or '+' or '~' or '^') && !(c == '-' && i < versionEnd))
            {
                var what = i < versionEnd ? "version" : "release";
                var shown = char.IsControl(c) || char.IsWhiteSpace(c) ? $"\\u{(int)c:x4}" : c.ToString();
                return $"invalid character '{shown}' in the {what}";
            }
        }

        version = new RpmVersion(text, epoch, versionStart, versionEnd);
        return null;
    }
}
