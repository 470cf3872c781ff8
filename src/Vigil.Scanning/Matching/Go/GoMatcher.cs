using Vigil.Core;
using Vigil.Scanning.Matching.Shared;
using Vigil.VulnDb.Index;

namespace Vigil.Scanning.Matching.Go;

/// <summary>
/// Go modules and the toolchain: versions are matched in canonical SemVer form, as the Go vulnerability database writes
/// them (<c>v1.2.3</c> → <c>1.2.3</c>, <c>go1.19</c> → <c>1.19.0</c>).
/// </summary>
public sealed class GoMatcher : IVulnerabilityMatcher
{
    /// <inheritdoc/>
    public MatcherId Id => MatcherIds.Go;

    /// <inheritdoc/>
    public IReadOnlyList<Ecosystem> Ecosystems { get; } = [Ecosystem.Go];

    /// <inheritdoc/>
    public ValueTask<MatchResult> MatchAsync(Package package, IAdvisoryIndex advisories, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(package);
        return AdvisoryQuery.MatchAsync(package, package.MatchName, Canonical(package.MatchVersion), ReleaseRules.Exact, advisories, cancellationToken);
    }

    /// <summary>The canonical SemVer form of a Go version.</summary>
    public static string Canonical(string version)
    {
        ArgumentNullException.ThrowIfNull(version);
        var v = version.StartsWith("go", StringComparison.Ordinal) ? version[2..] : version.TrimStart('v');
        v = v.Replace("+incompatible", string.Empty, StringComparison.Ordinal);
        var end = v.IndexOfAny(['-', '+']);
        var core = end < 0 ? v : v[..end];
        var rest = end < 0 ? string.Empty : v[end..];
        var dots = core.Count(c => c == '.');

        // Go releases drop trailing zeros (1.19, 1.21rc1 is "1.21.0-rc.1" in OSV); SemVer needs three numbers.
        core = dots switch
        {
            0 when core.Length > 0 => core + ".0.0",
            1 => core + ".0",
            _ => core,
        };
        return core + rest;
    }
}
