using System.Diagnostics.CodeAnalysis;

namespace Vigil.VulnDb.Versions;

/// <summary>The <see cref="IVersionComparer"/> of a scheme struct <typeparamref name="T"/>.</summary>
/// <typeparam name="T">The scheme's version struct.</typeparam>
public abstract class VersionComparer<T> : IVersionComparer, IComparer<string>
    where T : struct, IVersion<T>
{
    private protected VersionComparer()
    {
    }

    /// <inheritdoc/>
    public VersionScheme Scheme => T.Scheme;

    /// <inheritdoc/>
    public bool TryParse([NotNullWhen(true)] string? version, [NotNullWhen(true)] out ParsedVersion? parsed)
    {
        if (T.TryParse(version, out var value))
        {
            parsed = new ParsedVersion<T>(value);
            return true;
        }

        parsed = null;
        return false;
    }

    /// <inheritdoc/>
    public ParsedVersion Parse(string version) => new ParsedVersion<T>(T.Parse(version));

    /// <inheritdoc/>
    public int Compare(string x, string y) => T.Parse(x).CompareTo(T.Parse(y));

    /// <summary>Compares two version strings; a null string sorts first.</summary>
    /// <exception cref="FormatException">Either version is invalid in this scheme.</exception>
    int IComparer<string>.Compare(string? x, string? y) =>
        x is null ? (y is null ? 0 : -1) : y is null ? 1 : Compare(x, y);

    /// <inheritdoc/>
    public bool IsValid([NotNullWhen(true)] string? version) => T.TryParse(version, out _);
}
