using System.Diagnostics.CodeAnalysis;
using Vigil.VulnDb.Versions.Internal;

namespace Vigil.VulnDb.Versions.Generic;

/// <summary>
/// A version of an ecosystem without a known scheme, ordered "naturally": split into runs of ASCII digits and ASCII letters
/// (every other character only separates), digit runs compared numerically and letter runs case-insensitively.
/// </summary>
/// <remarks>
/// Where one version has more runs, an extra number makes it later and extra letters make it earlier, so
/// <c>1.0-beta</c> &lt; <c>1.0</c> &lt; <c>1.0.1</c>. Separators are not significant: <c>1.2</c> equals <c>1-2</c>.
/// A version needs at least one letter or digit and no whitespace or control characters. The default value equals the
/// empty version, which sorts before every number. Immutable and thread-safe.
/// </remarks>
public readonly struct GenericVersion : IVersion<GenericVersion>
{
    private const string SchemeName = "generic";

    private readonly string? _text;

    private GenericVersion(string text) => _text = text;

    /// <inheritdoc/>
    public static VersionScheme Scheme => VersionScheme.Generic;

    /// <inheritdoc/>
    public static bool TryParse([NotNullWhen(true)] string? text, out GenericVersion version)
    {
        version = default;
        return text is not null && TryParseCore(text, out version) is null;
    }

    /// <inheritdoc/>
    public static GenericVersion Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var error = TryParseCore(text, out var version);
        return error is null ? version : throw VersionText.Invalid(SchemeName, text, error);
    }

    /// <inheritdoc/>
    public int CompareTo(GenericVersion other)
    {
        var a = _text.AsSpan();
        var b = other._text.AsSpan();
        int i = 0, j = 0;
        while (true)
        {
            var aToken = NextToken(a, ref i);
            var bToken = NextToken(b, ref j);
            if (aToken.IsEmpty || bToken.IsEmpty)
            {
                return Rank(aToken).CompareTo(Rank(bToken));
            }

            var aNumber = char.IsAsciiDigit(aToken[0]);
            var bNumber = char.IsAsciiDigit(bToken[0]);
            if (aNumber != bNumber)
            {
                return aNumber ? 1 : -1;
            }

            var result = aNumber
                ? VersionText.CompareDigits(aToken, bToken)
                : Math.Sign(CompareIgnoreCase(aToken, bToken));
            if (result != 0)
            {
                return result;
            }
        }
    }

    /// <inheritdoc/>
    public bool Equals(GenericVersion other) => CompareTo(other) == 0;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is GenericVersion other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode()
    {
        var hash = default(HashCode);
        var s = _text.AsSpan();
        var i = 0;
        for (var token = NextToken(s, ref i); !token.IsEmpty; token = NextToken(s, ref i))
        {
            hash.Add(char.IsAsciiDigit(token[0])
                ? string.GetHashCode(VersionText.TrimLeadingZeros(token))
                : string.GetHashCode(token, StringComparison.OrdinalIgnoreCase));
        }

        return hash.ToHashCode();
    }

    /// <summary>The text the version was parsed from.</summary>
    public override string ToString() => _text ?? string.Empty;

    /// <inheritdoc/>
    public static bool operator ==(GenericVersion left, GenericVersion right) => left.Equals(right);

    /// <inheritdoc/>
    public static bool operator !=(GenericVersion left, GenericVersion right) => !left.Equals(right);

    /// <inheritdoc/>
    public static bool operator <(GenericVersion left, GenericVersion right) => left.CompareTo(right) < 0;

    /// <inheritdoc/>
    public static bool operator <=(GenericVersion left, GenericVersion right) => left.CompareTo(right) <= 0;

    /// <inheritdoc/>
    public static bool operator >(GenericVersion left, GenericVersion right) => left.CompareTo(right) > 0;

    /// <inheritdoc/>
    public static bool operator >=(GenericVersion left, GenericVersion right) => left.CompareTo(right) >= 0;

    // Letters < end < number: a trailing "beta" marks a pre-release, a trailing number a later version.
    private static int Rank(ReadOnlySpan<char> token) => token.IsEmpty ? 1 : char.IsAsciiDigit(token[0]) ? 2 : 0;

    private static int CompareIgnoreCase(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        for (var k = 0; k < a.Length && k < b.Length; k++)
        {
            var diff = char.ToLowerInvariant(a[k]) - char.ToLowerInvariant(b[k]);
            if (diff != 0)
            {
                return diff;
            }
        }

        return a.Length - b.Length;
    }

    private static ReadOnlySpan<char> NextToken(ReadOnlySpan<char> s, ref int i)
    {
        while (i < s.Length && !char.IsAsciiLetterOrDigit(s[i]))
        {
            i++;
        }

        if (i >= s.Length)
        {
            return [];
        }

        var start = i;
        var digit = char.IsAsciiDigit(s[i]);
        while (i < s.Length && char.IsAsciiLetterOrDigit(s[i]) && char.IsAsciiDigit(s[i]) == digit)
        {
            i++;
        }

        return s[start..i];
    }

    private static string? TryParseCore(string text, out GenericVersion version)
    {
        version = default;
        if (VersionText.CheckLength(text) is { } lengthError)
        {
            return lengthError;
        }

        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c) || char.IsControl(c))
            {
                return "it contains whitespace or control characters";
            }
        }

        if (!text.AsSpan().ContainsAny(AsciiLettersAndDigits))
        {
            return "it contains no letter or digit";
        }

        version = new GenericVersion(text);
        return null;
    }

    private static readonly System.Buffers.SearchValues<char> AsciiLettersAndDigits =
        System.Buffers.SearchValues.Create("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz");
}
