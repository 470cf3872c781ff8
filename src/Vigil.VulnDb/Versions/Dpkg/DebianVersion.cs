using System.Diagnostics.CodeAnalysis;
using Vigil.VulnDb.Versions.Internal;

namespace Vigil.VulnDb.Versions.Dpkg;

/// <summary>
/// A Debian package version, <c>[epoch:]upstream_version[-debian_revision]</c>, ordered by the Debian policy algorithm
/// (dpkg's <c>verrevcmp</c>): epochs numerically, then upstream and revision by alternating non-digit parts (letters before
/// other characters, <c>~</c> before everything, even the end) and digit parts (numerically).
/// </summary>
/// <remarks>
/// The epoch ends at the first colon and the revision starts after the last hyphen. A missing epoch is 0 and a missing
/// revision equals <c>0</c>, so <c>1.0</c> equals <c>0:1.0-0</c>. Like dpkg, a version not starting with a digit is
/// accepted. The default value equals the empty version, which sorts like <c>0</c>. Immutable and thread-safe.
/// </remarks>
public readonly struct DebianVersion : IVersion<DebianVersion>
{
    private const string SchemeName = "Debian";

    private readonly string? _text;
    private readonly int _upstreamStart;
    private readonly int _upstreamEnd;

    private DebianVersion(string text, int epoch, int upstreamStart, int upstreamEnd)
    {
        _text = text;
        Epoch = epoch;
        _upstreamStart = upstreamStart;
        _upstreamEnd = upstreamEnd;
    }

    /// <inheritdoc/>
    public static VersionScheme Scheme => VersionScheme.Dpkg;

    /// <summary>The epoch, 0 when absent.</summary>
    public int Epoch { get; }

    /// <summary>The upstream version.</summary>
    public string UpstreamVersion => UpstreamSpan.ToString();

    /// <summary>The Debian revision, or the empty string when absent.</summary>
    public string Revision => RevisionSpan.ToString();

    /// <summary>Whether the version has a Debian revision (a hyphen).</summary>
    public bool HasRevision => _text is not null && _upstreamEnd < _text.Length;

    private ReadOnlySpan<char> UpstreamSpan => _text.AsSpan(_upstreamStart, _upstreamEnd - _upstreamStart);

    private ReadOnlySpan<char> RevisionSpan => HasRevision ? _text.AsSpan(_upstreamEnd + 1) : [];

    /// <inheritdoc/>
    public static bool TryParse([NotNullWhen(true)] string? text, out DebianVersion version)
    {
        version = default;
        return text is not null && TryParseCore(text, out version) is null;
    }

    /// <inheritdoc/>
    public static DebianVersion Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var error = TryParseCore(text, out var version);
        return error is null ? version : throw VersionText.Invalid(SchemeName, text, error);
    }

    /// <inheritdoc/>
    public int CompareTo(DebianVersion other)
    {
        if (Epoch != other.Epoch)
        {
            return Epoch < other.Epoch ? -1 : 1;
        }

        var upstream = CompareFragment(UpstreamSpan, other.UpstreamSpan);
        return upstream != 0 ? upstream : CompareFragment(RevisionSpan, other.RevisionSpan);
    }

    /// <inheritdoc/>
    public bool Equals(DebianVersion other) => CompareTo(other) == 0;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is DebianVersion other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode()
    {
        var hash = default(HashCode);
        hash.Add(Epoch);
        AddFragmentHash(ref hash, UpstreamSpan);
        hash.Add('-');
        AddFragmentHash(ref hash, RevisionSpan);
        return hash.ToHashCode();
    }

    /// <summary>The text the version was parsed from.</summary>
    public override string ToString() => _text ?? string.Empty;

    /// <inheritdoc/>
    public static bool operator ==(DebianVersion left, DebianVersion right) => left.Equals(right);

    /// <inheritdoc/>
    public static bool operator !=(DebianVersion left, DebianVersion right) => !left.Equals(right);

    /// <inheritdoc/>
    public static bool operator <(DebianVersion left, DebianVersion right) => left.CompareTo(right) < 0;

    /// <inheritdoc/>
    public static bool operator <=(DebianVersion left, DebianVersion right) => left.CompareTo(right) <= 0;

    /// <inheritdoc/>
    public static bool operator >(DebianVersion left, DebianVersion right) => left.CompareTo(right) > 0;

    /// <inheritdoc/>
    public static bool operator >=(DebianVersion left, DebianVersion right) => left.CompareTo(right) >= 0;

    /// <summary>dpkg's <c>verrevcmp</c> on one upstream version or revision.</summary>
    internal static int CompareFragment(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        int i = 0, j = 0;
        while (i < a.Length || j < b.Length)
        {
            // Non-digit prefix, character by character; Order() is 0 both at the end and at a digit.
            while ((i < a.Length && !char.IsAsciiDigit(a[i])) || (j < b.Length && !char.IsAsciiDigit(b[j])))
            {
                var ac = Order(a, i);
                var bc = Order(b, j);
                if (ac != bc)
                {
                    return ac < bc ? -1 : 1;
                }

                i++;
                j++;
            }

            var aDigits = VersionText.DigitRun(a, i);
            var bDigits = VersionText.DigitRun(b, j);
            var digits = VersionText.CompareDigits(a.Slice(i, aDigits), b.Slice(j, bDigits));
            if (digits != 0)
            {
                return digits;
            }

            i += aDigits;
            j += bDigits;
        }

        return 0;
    }

    private static int Order(ReadOnlySpan<char> s, int i)
    {
        if (i >= s.Length || char.IsAsciiDigit(s[i]))
        {
            return 0;
        }

        var c = s[i];
        return c == '~' ? -1 : char.IsAsciiLetter(c) ? c : c + 256;
    }

    // Hash of the canonical form: equal fragments have identical non-digit parts and equal digit values (an empty digit
    // run is zero), and a fragment of only zeros equals the empty one.
    private static void AddFragmentHash(ref HashCode hash, ReadOnlySpan<char> s)
    {
        var i = 0;
        while (i < s.Length)
        {
            var start = i;
            while (i < s.Length && !char.IsAsciiDigit(s[i]))
            {
                i++;
            }

            var nonDigits = s[start..i];
            var digits = s.Slice(i, VersionText.DigitRun(s, i));
            i += digits.Length;
            var value = VersionText.TrimLeadingZeros(digits);
            if (nonDigits.IsEmpty && value.IsEmpty && i == s.Length)
            {
                break;
            }

            hash.Add(string.GetHashCode(nonDigits));
            hash.Add(string.GetHashCode(value));
        }
    }

    private static string? TryParseCore(string text, out DebianVersion version)
    {
        version = default;
        if (VersionText.CheckLength(text) is { } lengthError)
        {
            return lengthError;
        }

        var epoch = 0;
        var upstreamStart = 0;
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        if (colon >= 0)
        {
            var epochText = text.AsSpan(0, colon);
            if (epochText.IsEmpty)
            {
                return "the epoch before ':' is empty";
            }

            if (!VersionText.IsAllDigits(epochText))
            {
                return "the epoch before ':' is not a number";
            }

            if (!int.TryParse(epochText, out epoch))
            {
                return "the epoch is too big";
            }

            upstreamStart = colon + 1;
        }

        var hyphen = text.LastIndexOf('-');
        var upstreamEnd = hyphen >= upstreamStart ? hyphen : text.Length;
        if (upstreamEnd == upstreamStart)
        {
            return "the upstream version is empty";
        }

        if (hyphen >= upstreamStart && hyphen == text.Length - 1)
        {
            return "the revision after the last '-' is empty";
        }

        var upstreamError = CheckCharacters(text.AsSpan(upstreamStart, upstreamEnd - upstreamStart), "-:", "upstream version");
        if (upstreamError is not null)
        {
            return upstreamError;
        }

        if (upstreamEnd < text.Length && CheckCharacters(text.AsSpan(upstreamEnd + 1), string.Empty, "revision") is { } revisionError)
        {
            return revisionError;
        }

        version = new DebianVersion(text, epoch, upstreamStart, upstreamEnd);
        return null;
    }

    // Policy: alphanumerics and "." "+" "~" everywhere; the upstream version may also hold "-" and ":".
    private static string? CheckCharacters(ReadOnlySpan<char> part, string extra, string what)
    {
        foreach (var c in part)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not ('.' or '+' or '~') && !extra.Contains(c, StringComparison.Ordinal))
            {
                return $"invalid character '{Printable(c)}' in the {what}";
            }
        }

        return null;
    }

    private static string Printable(char c) => char.IsControl(c) || char.IsWhiteSpace(c) ? $"\\u{(int)c:x4}" : c.ToString();
}
