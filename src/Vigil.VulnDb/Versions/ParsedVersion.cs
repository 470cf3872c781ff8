namespace Vigil.VulnDb.Versions;

/// <summary>
/// A version parsed by an <see cref="IVersionComparer"/>: a scheme-independent handle that is cheap to compare with other
/// handles of the same scheme (no allocation, no re-parsing).
/// </summary>
/// <remarks>
/// Handles of different schemes are not comparable: <see cref="CompareTo(ParsedVersion?)"/> throws
/// <see cref="ArgumentException"/>. A null handle sorts before every version. Instances are immutable and thread-safe.
/// </remarks>
public abstract class ParsedVersion : IComparable<ParsedVersion>, IEquatable<ParsedVersion>, IComparable
{
    private protected ParsedVersion()
    {
    }

    /// <summary>The scheme the version was parsed with.</summary>
    public abstract VersionScheme Scheme { get; }

    /// <summary>The parsed value (a boxed scheme struct such as <see cref="Dpkg.DebianVersion"/>).</summary>
    public abstract object Value { get; }

    /// <summary>Compares with another version of the same scheme.</summary>
    /// <exception cref="ArgumentException"><paramref name="other"/> has a different scheme.</exception>
    public abstract int CompareTo(ParsedVersion? other);

    /// <inheritdoc/>
    public int CompareTo(object? obj) => obj switch
    {
        null => 1,
        ParsedVersion other => CompareTo(other),
        _ => throw new ArgumentException($"Cannot compare a version with {obj.GetType().Name}.", nameof(obj)),
    };

    /// <summary>Whether both are versions of the same scheme that compare equal.</summary>
    public bool Equals(ParsedVersion? other) => other is not null && other.Scheme == Scheme && CompareTo(other) == 0;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as ParsedVersion);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Scheme, Value);

    /// <summary>The text the version was parsed from.</summary>
    public abstract override string ToString();

    /// <summary>Ordering equality.</summary>
    public static bool operator ==(ParsedVersion? left, ParsedVersion? right) => left is null ? right is null : left.Equals(right);

    /// <summary>Ordering inequality.</summary>
    public static bool operator !=(ParsedVersion? left, ParsedVersion? right) => !(left == right);

    /// <summary>Whether <paramref name="left"/> sorts before <paramref name="right"/>.</summary>
    public static bool operator <(ParsedVersion? left, ParsedVersion? right) => Compare(left, right) < 0;

    /// <summary>Whether <paramref name="left"/> sorts before or equal to <paramref name="right"/>.</summary>
    public static bool operator <=(ParsedVersion? left, ParsedVersion? right) => Compare(left, right) <= 0;

    /// <summary>Whether <paramref name="left"/> sorts after <paramref name="right"/>.</summary>
    public static bool operator >(ParsedVersion? left, ParsedVersion? right) => Compare(left, right) > 0;

    /// <summary>Whether <paramref name="left"/> sorts after or equal to <paramref name="right"/>.</summary>
    public static bool operator >=(ParsedVersion? left, ParsedVersion? right) => Compare(left, right) >= 0;

    private static int Compare(ParsedVersion? left, ParsedVersion? right) =>
        left is null ? (right is null ? 0 : -1) : left.CompareTo(right);
}
