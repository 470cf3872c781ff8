namespace Vigil.Scanning.Results;

/// <summary>What a search query names.</summary>
public enum SearchKind
{
    /// <summary>A vulnerability id or alias: <c>CVE-2024-3094</c>, <c>GHSA-…</c>, <c>DSA-5000-1</c>.</summary>
    Vulnerability = 0,

    /// <summary>A package name (<c>openssl</c>, <c>lodash</c>), case-insensitive.</summary>
    Package = 1,

    /// <summary>An image: a repository or reference (part of it matches) or a digest.</summary>
    Image = 2,
}
