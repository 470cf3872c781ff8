using Vigil.Core;
using Vigil.Scanning.Matching.Shared;
using Vigil.VulnDb.Index;

namespace Vigil.Scanning.Matching.Os;

/// <summary>Debian: advisories name source packages, so binary packages match through their source name and version.</summary>
public sealed class DebianMatcher : IVulnerabilityMatcher
{
    /// <inheritdoc/>
    public MatcherId Id => MatcherIds.Debian;

    /// <inheritdoc/>
    public IReadOnlyList<Ecosystem> Ecosystems { get; } = [Ecosystem.Debian];

    /// <inheritdoc/>
    public ValueTask<MatchResult> MatchAsync(Package package, IAdvisoryIndex advisories, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(package);
        return AdvisoryQuery.MatchAsync(package, package.MatchName, package.MatchVersion, ReleaseRules.Exact, advisories, cancellationToken);
    }
}
