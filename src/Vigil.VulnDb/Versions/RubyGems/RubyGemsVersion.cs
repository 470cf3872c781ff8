using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;
using Vigil.VulnDb.Versions.Internal;

namespace Vigil.VulnDb.Versions.RubyGems;

/// <summary>A RubyGems version, ordered like <c>Gem::Version</c>.</summary>
/// <remarks>
/// <para>Valid versions match <c>Gem::Version</c>'s pattern: digits, then <c>.</c>-separated alphanumeric parts, then an
/// optional <c>-</c> part (read as <c>.pre.</c>), with surrounding whitespace ignored. Unlike RubyGems, blank text is
/// rejected instead of meaning <c>0</c>.</para>
/// <para>The version splits into numbers and runs of letters; a version containing a letter is a pre-release. Trailing
/// zeros are dropped from the numeric part and from the part from the first letters on, then segments compare one by
/// one (missing ones are 0): numbers numerically, letters by byte (case-sensitive), letters before numbers. So
/// <c>1.0.a</c> = <c>1.a</c> &lt; <c>1</c> = <c>1.0</c> &lt; <c>1.0.1</c>, and <c>1.0-beta</c> = <c>1.0.pre.beta</c>.
/// The default value is <c>0</c>. Immutable and thread-safe.</para>
/// </remarks>
public readonly partial struct RubyGemsVersion : IVersion<RubyGemsVersion>
{
    private const string SchemeName = "RubyGems";

    private readonly string? _text;
    private readonly RubyGemsSegment[]? _segments; // canonical segments

    private RubyGemsVersion(string text, RubyGemsSegment[] segments, bool isPrerelease)
    {
        _text = text;
        _segments = segments;
        IsPrerelease = isPrerelease;
    }

    /// <inheritdoc/>
    public static VersionScheme Scheme => VersionScheme.RubyGems;

    /// <summary>Whether the version contains a letter, which makes it a pre-release for RubyGems.</summary>
    public bool IsPrerelease { get; }

    /// <summary>The canonical segments joined by dots (<c>1.0.0-beta.1</c> → <c>1.pre.beta.1</c>).</summary>
    public string Canonical => string.Join('.', (_segments ?? []).Select(s => s.IsNumber && s.Text.Length == 0 ? "0" : s.Text));

    /// <inheritdoc/>
    public static bool TryParse([NotNullWhen(true)] string? text, out RubyGemsVersion version)
    {
        version = default;
        return text is not null && TryParseCore(text, out version) is null;
    }

    /// <inheritdoc/>
    public static RubyGemsVersion Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var error = TryParseCore(text, out var version);
        return error is null ? version : throw VersionText.Invalid(SchemeName, text, error);
    }

    /// <inheritdoc/>
    public int CompareTo(RubyGemsVersion other)
    {
        var a = _segments ?? [];
        var b = other._segments ?? [];
        for (var i = 0; i < a.Length || i < b.Length; i++)
        {
            var left = i < a.Length ? a[i] : RubyGemsSegment.Zero;
            var right = i < b.Length ? b[i] : RubyGemsSegment.Zero;
            if (left.IsNumber != right.IsNumber)
            {
                return left.IsNumber ? 1 : -1;
            }

            var result = left.IsNumber
                ? VersionText.CompareDigits(left.Text, right.Text)
                : Math.Sign(string.CompareOrdinal(left.Text, right.Text));
            if (result != 0)
            {
                return result;
            }
        }

        return 0;
    }

    /// <inheritdoc/>
    public bool Equals(RubyGemsVersion other) => CompareTo(other) == 0;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is RubyGemsVersion other && Equals(other);

    /// <inheritdoc/>
    // Canonical segments never end in zero, so equal versions have identical segments.
    public override int GetHashCode()
    {
        var hash = default(HashCode);
        foreach (var segment in _segments ?? [])
        {
            hash.Add(segment);
        }

        return hash.ToHashCode();
    }

    /// <summary>The text the version was parsed from.</summary>
    public override string ToString() => _text ?? "0";

    /// <inheritdoc/>
    public static bool operator ==(RubyGemsVersion left, RubyGemsVersion right) => left.Equals(right);

    /// <inheritdoc/>
    public static bool operator !=(RubyGemsVersion left, RubyGemsVersion right) => !left.Equals(right);

    /// <inheritdoc/>
    public static bool operator <(RubyGemsVersion left, RubyGemsVersion right) => left.CompareTo(right) < 0;

    /// <inheritdoc/>
    public static bool operator <=(RubyGemsVersion left, RubyGemsVersion right) => left.CompareTo(right) <= 0;

    /// <inheritdoc/>
    public static bool operator >(RubyGemsVersion left, RubyGemsVersion right) => left.CompareTo(right) > 0;

    /// <inheritdoc/>
    public static bool operator >=(RubyGemsVersion left, RubyGemsVersion right) => left.CompareTo(right) >= 0;

    // Gem::Version::VERSION_PATTERN, anchored; \s is limited to ASCII whitespace as in Ruby.
    [GeneratedRegex(@"^[ \t\r\n\f\v]*[0-9]+(?>\.[0-9a-zA-Z]+)*(?:-[0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*)?[ \t\r\n\f\v]*\z", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();

    private static string? TryParseCore(string text, out RubyGemsVersion version)
    {
        version = default;
        if (VersionText.CheckLength(text) is { } lengthError)
        {
            return lengthError;
        }

        var trimmed = text.Trim(' ', '\t', '\r', '\n', '\f', '\v');
        if (trimmed.Length == 0)
        {
            return "it is blank";
        }

        if (!Pattern().IsMatch(text))
        {
            return char.IsAsciiDigit(trimmed[0])
                ? "it must be numbers and letters separated by '.', with at most one '-' part"
                : "it must start with a number";
        }

        var segments = Split(trimmed.Replace("-", ".pre.", StringComparison.Ordinal));
        version = new RubyGemsVersion(text, Canonicalize(segments), trimmed.Any(char.IsAsciiLetter));
        return null;
    }

    private static List<RubyGemsSegment> Split(string version)
    {
        var segments = new List<RubyGemsSegment>();
        var i = 0;
        while (i < version.Length)
        {
            if (!char.IsAsciiLetterOrDigit(version[i]))
            {
                i++;
                continue;
            }

            var start = i;
            var isNumber = char.IsAsciiDigit(version[i]);
            while (i < version.Length && (isNumber ? char.IsAsciiDigit(version[i]) : char.IsAsciiLetter(version[i])))
            {
                i++;
            }

            var text = version[start..i];
            segments.Add(new RubyGemsSegment(isNumber ? text.TrimStart('0') : text, isNumber));
        }

        return segments;
    }

    // Gem::Version#canonical_segments: drop trailing zeros of the numeric part and of the part from the first letters.
    private static RubyGemsSegment[] Canonicalize(List<RubyGemsSegment> segments)
    {
        var stringStart = segments.FindIndex(s => !s.IsNumber);
        if (stringStart < 0)
        {
            stringStart = segments.Count;
        }

        var numeric = TrimZeros(segments.GetRange(0, stringStart));
        var rest = TrimZeros(segments.GetRange(stringStart, segments.Count - stringStart));
        return [.. numeric, .. rest];
    }

    private static List<RubyGemsSegment> TrimZeros(List<RubyGemsSegment> segments)
    {
        while (segments.Count > 0 && segments[^1].IsZero)
        {
            segments.RemoveAt(segments.Count - 1);
        }

        return segments;
    }
}
