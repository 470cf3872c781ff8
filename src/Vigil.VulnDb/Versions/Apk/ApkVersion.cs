using System.Diagnostics.CodeAnalysis;
using Vigil.VulnDb.Versions.Internal;

namespace Vigil.VulnDb.Versions.Apk;

/// <summary>
/// An Alpine package version, <c>digit{.digit}...{letter}{_suffix{#}}...{~hash}{-r#}</c>, ordered like apk-tools.
/// </summary>
/// <remarks>
/// <para>Versions are compared token by token: the first number numerically; later dotted numbers numerically unless either
/// has a leading zero, then as text (Gentoo rule); one lowercase letter by character; suffixes by rank
/// (<c>_alpha</c> &lt; <c>_beta</c> &lt; <c>_pre</c> &lt; <c>_rc</c> &lt; none &lt; <c>_cvs</c> &lt; <c>_svn</c> &lt;
/// <c>_git</c> &lt; <c>_hg</c> &lt; <c>_p</c>) and their numbers numerically; a <c>~hash</c> as text; <c>-rN</c>
/// numerically.</para>
/// <para>When one version runs out of tokens or continues with a different kind of token, a pre-release suffix
/// (<c>_alpha</c>…<c>_rc</c>) makes it earlier; otherwise the version whose next token is a dotted number is later, then a
/// letter, a post-release suffix, a suffix number, a hash, a revision, and the end last (<c>1.0-r1</c> &lt; <c>1.0.1</c>,
/// <c>1.0_rc1</c> &lt; <c>1.0</c> &lt; <c>1.0_p1</c>). Versions apk-tools calls invalid are rejected (apk then falls back
/// to a string sort, which is no version order). The default value equals <c>0</c>. Immutable and thread-safe.</para>
/// </remarks>
public readonly struct ApkVersion : IVersion<ApkVersion>
{
    private const string SchemeName = "Alpine";

    private readonly string? _text;

    private ApkVersion(string text) => _text = text;

    /// <summary>Kinds of token, in apk-tools' order: a larger kind is "further along" a version.</summary>
    private enum Kind
    {
        InitialDigit,
        Digit,
        Letter,
        Suffix,
        SuffixNumber,
        CommitHash,
        Revision,
        End,
        Invalid,
    }

    /// <inheritdoc/>
    public static VersionScheme Scheme => VersionScheme.Apk;

    /// <inheritdoc/>
    public static bool TryParse([NotNullWhen(true)] string? text, out ApkVersion version)
    {
        version = default;
        return text is not null && TryParseCore(text, out version) is null;
    }

    /// <inheritdoc/>
    public static ApkVersion Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var error = TryParseCore(text, out var version);
        return error is null ? version : throw VersionText.Invalid(SchemeName, text, error);
    }

    /// <inheritdoc/>
    public int CompareTo(ApkVersion other)
    {
        var a = Text;
        var b = other.Text;
        var ta = Token.First(a);
        var tb = Token.First(b);
        while (ta.Kind == tb.Kind && ta.Kind < Kind.End)
        {
            var result = Token.Compare(ta, tb, a, b);
            if (result != 0)
            {
                return result;
            }

            ta = Token.Next(ta, a);
            tb = Token.Next(tb, b);
        }

        if (ta.Kind == tb.Kind)
        {
            return 0;
        }

        if (ta.IsPreReleaseSuffix)
        {
            return -1;
        }

        if (tb.IsPreReleaseSuffix)
        {
            return 1;
        }

        return ta.Kind > tb.Kind ? -1 : 1;
    }

    /// <inheritdoc/>
    public bool Equals(ApkVersion other) => CompareTo(other) == 0;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is ApkVersion other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode()
    {
        var hash = default(HashCode);
        var s = Text;
        for (var t = Token.First(s); t.Kind < Kind.End; t = Token.Next(t, s))
        {
            hash.Add(t.Kind);
            var value = s.Slice(t.Start, t.Length);
            // Numbers compared numerically hash without leading zeros; dotted numbers with a leading zero compare as text.
            var numeric = t.Kind is Kind.InitialDigit or Kind.SuffixNumber or Kind.Revision
                || (t.Kind == Kind.Digit && value[0] != '0');
            hash.Add(t.Kind == Kind.Suffix ? t.Suffix : string.GetHashCode(numeric ? VersionText.TrimLeadingZeros(value) : value));
        }

        return hash.ToHashCode();
    }

    /// <summary>The text the version was parsed from.</summary>
    public override string ToString() => _text ?? "0";

    /// <inheritdoc/>
    public static bool operator ==(ApkVersion left, ApkVersion right) => left.Equals(right);

    /// <inheritdoc/>
    public static bool operator !=(ApkVersion left, ApkVersion right) => !left.Equals(right);

    /// <inheritdoc/>
    public static bool operator <(ApkVersion left, ApkVersion right) => left.CompareTo(right) < 0;

    /// <inheritdoc/>
    public static bool operator <=(ApkVersion left, ApkVersion right) => left.CompareTo(right) <= 0;

    /// <inheritdoc/>
    public static bool operator >(ApkVersion left, ApkVersion right) => left.CompareTo(right) > 0;

    /// <inheritdoc/>
    public static bool operator >=(ApkVersion left, ApkVersion right) => left.CompareTo(right) >= 0;

    private ReadOnlySpan<char> Text => _text is null ? "0" : _text.AsSpan();

    private static string? TryParseCore(string text, out ApkVersion version)
    {
        version = default;
        if (VersionText.CheckLength(text) is { } lengthError)
        {
            return lengthError;
        }

        var s = text.AsSpan();
        var token = Token.First(s);
        if (token.Kind == Kind.Invalid)
        {
            return "it must start with a digit";
        }

        while (token.Kind < Kind.End)
        {
            var next = Token.Next(token, s);
            if (next.Kind == Kind.Invalid)
            {
                return Token.Explain(token, s);
            }

            token = next;
        }

        version = new ApkVersion(text);
        return null;
    }

    /// <summary>One token: its kind, where its value is, and the suffix rank for suffixes.</summary>
    private readonly record struct Token(Kind Kind, int Start, int Length, int Suffix)
    {
        // Suffix ranks: pre-release suffixes sort below "no suffix" (5), post-release ones above.
        private const int NoSuffix = 5;

        private static readonly string[] Suffixes = ["", "alpha", "beta", "pre", "rc", "", "cvs", "svn", "git", "hg", "p"];

        public bool IsPreReleaseSuffix => Kind == Kind.Suffix && Suffix < NoSuffix;

        private int End => Start + Length;

        public static Token First(ReadOnlySpan<char> s) => Digits(Kind.InitialDigit, s, 0);

        public static Token Next(Token previous, ReadOnlySpan<char> s)
        {
            var pos = previous.End;
            if (pos >= s.Length)
            {
                return new Token(Kind.End, pos, 0, 0);
            }

            var kind = previous.Kind;
            var c = s[pos];
            switch (c)
            {
                case >= 'a' and <= 'z' when kind <= Kind.Digit:
                    return new Token(Kind.Letter, pos, 1, 0);
                case '.' when kind <= Kind.Digit:
                    return Digits(Kind.Digit, s, pos + 1);
                case '_' when kind <= Kind.SuffixNumber:
                    var nameLength = 0;
                    while (pos + 1 + nameLength < s.Length && char.IsAsciiLetterLower(s[pos + 1 + nameLength]))
                    {
                        nameLength++;
                    }

                    var suffix = SuffixRank(s.Slice(pos + 1, nameLength));
                    return suffix is > 0 and not NoSuffix
                        ? new Token(Kind.Suffix, pos + 1, nameLength, suffix)
                        : new Token(Kind.Invalid, pos, 0, 0);
                case >= '0' and <= '9' when kind == Kind.Suffix:
                    return Digits(Kind.SuffixNumber, s, pos);
                case '~' when kind < Kind.CommitHash:
                    var hashLength = 0;
                    while (pos + 1 + hashLength < s.Length && char.IsAsciiHexDigit(s[pos + 1 + hashLength]))
                    {
                        hashLength++;
                    }

                    return new Token(hashLength > 0 ? Kind.CommitHash : Kind.Invalid, pos + 1, hashLength, 0);
                case '-' when kind < Kind.Revision && pos + 1 < s.Length && s[pos + 1] == 'r':
                    return Digits(Kind.Revision, s, pos + 2);
                default:
                    return new Token(Kind.Invalid, pos, 0, 0);
            }
        }

        public static int Compare(Token ta, Token tb, ReadOnlySpan<char> a, ReadOnlySpan<char> b)
        {
            var va = a.Slice(ta.Start, ta.Length);
            var vb = b.Slice(tb.Start, tb.Length);
            return ta.Kind switch
            {
                // A leading zero makes apk compare dotted numbers as text (Gentoo: "1.02" < "1.1").
                Kind.Digit when va[0] == '0' || vb[0] == '0' => Math.Sign(va.SequenceCompareTo(vb)),
                Kind.InitialDigit or Kind.Digit or Kind.SuffixNumber or Kind.Revision => VersionText.CompareDigits(va, vb),
                Kind.Suffix => ta.Suffix.CompareTo(tb.Suffix),
                _ => Math.Sign(va.SequenceCompareTo(vb)),
            };
        }

        public static string Explain(Token previous, ReadOnlySpan<char> s)
        {
            var pos = previous.End;
            var c = s[pos];
            return c switch
            {
                '_' when previous.Kind <= Kind.SuffixNumber => $"unknown suffix '{s[pos..].ToString().Split('.', '-', '~')[0]}' at position {pos}",
                '-' when previous.Kind < Kind.Revision => $"'-' at position {pos} must be followed by 'r' and a number",
                '~' when previous.Kind < Kind.CommitHash => $"'~' at position {pos} must be followed by a hexadecimal commit hash",
                '.' when previous.Kind <= Kind.Digit => $"'.' at position {pos} must be followed by a number",
                _ when char.IsControl(c) || char.IsWhiteSpace(c) => $"unexpected character '\\u{(int)c:x4}' at position {pos}",
                _ => $"unexpected '{c}' at position {pos}",
            };
        }

        private static int SuffixRank(ReadOnlySpan<char> name)
        {
            for (var i = 1; i < Suffixes.Length; i++)
            {
                if (i != NoSuffix && name.SequenceEqual(Suffixes[i]))
                {
                    return i;
                }
            }

            return 0;
        }

        private static Token Digits(Kind kind, ReadOnlySpan<char> s, int start)
        {
            var length = VersionText.DigitRun(s, start);
            return new Token(length > 0 ? kind : Kind.Invalid, start, length, 0);
        }
    }
}
