using System.Diagnostics.CodeAnalysis;

namespace Vigil.VulnDb.Versions;

/// <summary>Parses and orders version strings of one <see cref="VersionScheme"/>.</summary>
/// <remarks>
/// To compare one installed version with many range events, parse it once with <see cref="TryParse"/> and compare the
/// <see cref="ParsedVersion"/> handles: comparing two handles does not allocate. Implementations are stateless and thread-safe.
/// </remarks>
public interface IVersionComparer
{
    /// <summary>The scheme this comparer implements.</summary>
    VersionScheme Scheme { get; }

    /// <summary>Parses <paramref name="version"/>; returns false (never throws) when it is null or invalid in this scheme.</summary>
    bool TryParse([NotNullWhen(true)] string? version, [NotNullWhen(true)] out ParsedVersion? parsed);

    /// <summary>Parses <paramref name="version"/>.</summary>
    /// <exception cref="FormatException">The version is invalid in this scheme; the message says why.</exception>
    ParsedVersion Parse(string version);

    /// <summary>Compares two version strings: negative when <paramref name="x"/> sorts first, zero when equal, positive otherwise.</summary>
    /// <exception cref="FormatException">Either version is invalid in this scheme.</exception>
    int Compare(string x, string y);

    /// <summary>Whether <paramref name="version"/> is a valid version in this scheme.</summary>
    bool IsValid([NotNullWhen(true)] string? version);
}
