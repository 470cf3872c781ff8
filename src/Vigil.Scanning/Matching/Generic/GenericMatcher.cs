using Vigil.Core;
using Vigil.Scanning.Matching.Shared;
using Vigil.VulnDb.Index;

namespace Vigil.Scanning.Matching.Generic;

/// <summary>The fallback for every ecosystem without a matcher of its own: the package's match name and version, exact release.</summary>
public sealed class GenericMatcher : IVulnerabilityMatcher
{
    /// <inheritdoc/>
    public MatcherId Id => MatcherIds.Generic;

    /// <inheritdoc/>
    public IReadOnlyList<Ecosystem> Ecosystems => [];

    /// <inheritdoc/>
    public ValueTask<MatchResult> MatchAsync(Package package, IAdvisoryIndex advisories, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(package);
        return AdvisoryQuery.MatchAsync(package, package.MatchName, package.MatchVersion, ReleaseRules.Exact, advisories, cancellationToken);
    }
}
