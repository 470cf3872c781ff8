using Vigil.Core;

namespace Vigil.Reporting.Filtering;

/// <summary>One entry of an ignore file: a vulnerability id to suppress, optionally only in one package, until a date.</summary>
/// <param name="Id">The vulnerability id; matches a finding whose id or any alias is equal (case-insensitive).</param>
public sealed record IgnoreEntry(string Id)
{
    /// <summary>Only suppress in packages of this name (binary or source name, case-insensitive), or null for any package.</summary>
    public string? PackageName { get; init; }

    /// <summary>Only suppress in packages matching this purl (a version or qualifiers narrow it), or null for any package.</summary>
    public string? Purl { get; init; }

    /// <summary>The last day (UTC) the entry suppresses, or null when it does not expire.</summary>
    public DateOnly? Expires { get; init; }

    /// <summary>Why it is ignored, for reviewers.</summary>
    public string? Reason { get; init; }

    /// <summary>Where the entry was written: <c>path:line</c>.</summary>
    public string Source { get; init; } = string.Empty;

    /// <summary>Whether the entry has expired on <paramref name="today"/> (it still applies on its expiry day).</summary>
    public bool IsExpiredOn(DateOnly today) => Expires is { } expires && expires < today;

    /// <summary>Whether the entry names this finding: by id or alias, and by package when the entry gives one.</summary>
    public bool Matches(Finding finding)
    {
        ArgumentNullException.ThrowIfNull(finding);
        var idMatches = string.Equals(finding.Id, Id, StringComparison.OrdinalIgnoreCase)
            || finding.Aliases.Any(a => string.Equals(a, Id, StringComparison.OrdinalIgnoreCase));
        if (!idMatches)
        {
            return false;
        }

        if (PackageName is not null
            && !string.Equals(finding.Package.Name, PackageName, StringComparison.OrdinalIgnoreCase)
            && !string.Equals(finding.Package.SourceName, PackageName, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        return Purl is null || (PurlPattern.TryParse(Purl, out var pattern) && pattern.Matches(finding.Package.Purl));
    }
}
