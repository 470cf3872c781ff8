using System.Diagnostics.CodeAnalysis;
using System.Numerics;

namespace Vigil.VulnDb.Versions;

/// <summary>
/// A parsed version of one scheme: a value type that is ordered, equatable and parsed once from text.
/// </summary>
/// <remarks>
/// Equality is ordering equality (<c>CompareTo == 0</c>), so <c>1.0</c> equals <c>1.0-0</c> for dpkg; <see cref="object.ToString"/>
/// returns the text the value was parsed from, so <c>Parse(v.ToString())</c> round-trips.
/// </remarks>
/// <typeparam name="TSelf">The implementing struct.</typeparam>
public interface IVersion<TSelf> : IComparable<TSelf>, IEquatable<TSelf>, IComparisonOperators<TSelf, TSelf, bool>
    where TSelf : struct, IVersion<TSelf>
{
    /// <summary>The scheme this type implements.</summary>
    static abstract VersionScheme Scheme { get; }

    /// <summary>Parses <paramref name="text"/>; returns false (never throws) when it is null or not a valid version.</summary>
    static abstract bool TryParse([NotNullWhen(true)] string? text, out TSelf version);

    /// <summary>Parses <paramref name="text"/>.</summary>
    /// <exception cref="FormatException">The text is not a valid version; the message says why.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    static abstract TSelf Parse(string text);
}
