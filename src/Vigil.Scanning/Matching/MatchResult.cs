using Vigil.Core;
using Vigil.VulnDb.Storage;

namespace Vigil.Scanning.Matching;

/// <summary>What matching found: findings (aliases merged) and the problems met on the way.</summary>
/// <param name="Findings">One finding per vulnerability and package.</param>
/// <param name="Warnings">Packages that could not be matched fully (invalid version, failing matcher).</param>
public sealed record MatchResult(IReadOnlyList<Finding> Findings, IReadOnlyList<ScanWarning> Warnings)
{
    /// <summary>Nothing found, nothing wrong.</summary>
    public static MatchResult Empty { get; } = new([], []);

    /// <summary>The database version the findings were computed with (set for whole inventories); re-match when it changes.</summary>
    public AdvisoryDbVersion? DatabaseVersion { get; init; }
}
