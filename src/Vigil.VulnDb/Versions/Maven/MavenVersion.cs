using System.Diagnostics.CodeAnalysis;
using Vigil.VulnDb.Versions.Internal;

namespace Vigil.VulnDb.Versions.Maven;

/// <summary>
/// A Maven artifact version, ordered like Maven 3's <c>ComparableVersion</c> (the POM reference's "version order
/// specification").
/// </summary>
/// <remarks>
/// <para>The version is split at <c>.</c>, at <c>-</c> (which starts a nested list) and where letters and digits meet;
/// empty parts are 0 and trailing "null" items (0, <c>ga</c>, <c>final</c>, <c>release</c>, empty) are dropped, so
/// <c>1.0.0</c> equals <c>1</c> and <c>1-ga</c>. Qualifiers order as <c>alpha</c> &lt; <c>beta</c> &lt; <c>milestone</c>
/// &lt; <c>rc</c> = <c>cr</c> &lt; <c>snapshot</c> &lt; release &lt; <c>sp</c> &lt; unknown qualifiers (alphabetically);
/// <c>a1</c>, <c>b1</c>, <c>m1</c> mean alpha, beta, milestone. Numbers beat qualifiers and nested lists:
/// <c>1.0-RC1</c> &lt; <c>1.0</c> &lt; <c>1.0-sp</c> &lt; <c>1.0-1</c> &lt; <c>1.0.1</c>. Comparison is case-insensitive.</para>
/// <para>Like Maven 3's own comparison, the order is not transitive on some exotic mixes of qualifiers and lists
/// (<c>1-SNAPSHOT</c> &lt; <c>1</c> &lt; <c>1.sp.1</c> &lt; <c>1-SNAPSHOT</c>, and <c>1-sp1</c> &lt; <c>1-GA-SNAPSHOT</c> &lt;
/// <c>1</c> &lt; <c>1-sp1</c>); it is a total order on ordinary versions (dotted numbers, then qualifiers with optional
/// numbers, then <c>-SNAPSHOT</c>). Matching what Maven users see matters more here than repairing it.</para>
/// <para>Maven accepts any text; this type rejects only empty or overlong text, whitespace and control characters.
/// The default value equals the empty version (<c>0</c>). Immutable and thread-safe.</para>
/// </remarks>
public readonly struct MavenVersion : IVersion<MavenVersion>
{
    private const string SchemeName = "Maven";

    private static readonly MavenListItem Empty = new();

    private readonly string? _text;
    private readonly MavenListItem? _items;

    private MavenVersion(string text, MavenListItem items)
    {
        _text = text;
        _items = items;
    }

    /// <inheritdoc/>
    public static VersionScheme Scheme => VersionScheme.Maven;

    /// <summary>Maven's canonical form of the version (<c>1.0.RC2</c> → <c>1-rc-2</c>).</summary>
    public string Canonical => Items.ToString();

    private MavenListItem Items => _items ?? Empty;

    /// <inheritdoc/>
    public static bool TryParse([NotNullWhen(true)] string? text, out MavenVersion version)
    {
        version = default;
        return text is not null && TryParseCore(text, out version) is null;
    }

    /// <inheritdoc/>
    public static MavenVersion Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var error = TryParseCore(text, out var version);
        return error is null ? version : throw VersionText.Invalid(SchemeName, text, error);
    }

    /// <inheritdoc/>
    public int CompareTo(MavenVersion other) => Math.Sign(Items.CompareTo(other.Items));

    /// <inheritdoc/>
    public bool Equals(MavenVersion other) => CompareTo(other) == 0;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is MavenVersion other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode()
    {
        var hash = default(HashCode);
        Items.AddTo(ref hash);
        return hash.ToHashCode();
    }

    /// <summary>The text the version was parsed from.</summary>
    public override string ToString() => _text ?? string.Empty;

    /// <inheritdoc/>
    public static bool operator ==(MavenVersion left, MavenVersion right) => left.Equals(right);

    /// <inheritdoc/>
    public static bool operator !=(MavenVersion left, MavenVersion right) => !left.Equals(right);

    /// <inheritdoc/>
    public static bool operator <(MavenVersion left, MavenVersion right) => left.CompareTo(right) < 0;

    /// <inheritdoc/>
    public static bool operator <=(MavenVersion left, MavenVersion right) => left.CompareTo(right) <= 0;

    /// <inheritdoc/>
    public static bool operator >(MavenVersion left, MavenVersion right) => left.CompareTo(right) > 0;

    /// <inheritdoc/>
    public static bool operator >=(MavenVersion left, MavenVersion right) => left.CompareTo(right) >= 0;

    private static string? TryParseCore(string text, out MavenVersion version)
    {
        version = default;
        if (VersionText.CheckLength(text) is { } lengthError)
        {
            return lengthError;
        }

        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsWhiteSpace(text[i]) || char.IsControl(text[i]))
            {
                return $"it contains whitespace or a control character at position {i}";
            }
        }

        version = new MavenVersion(text, MavenVersionParser.Parse(text.ToLowerInvariant()));
        return null;
    }
}
