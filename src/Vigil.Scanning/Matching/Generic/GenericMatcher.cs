using Vigil.Core;
using Vigil.Scanning.Matching.Shared;
using Vigil.VulnDb.Index;

namespace Vigil.Scanning.Matching.Generic;

/// <summary>
/// The fallback for every ecosystem without a matcher of its own: the package's match name and version; OS packages need
/// the advisory's release to equal theirs, language packages take advisories of any repository suffix.
/// </summary>
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
        var rule = package.Type == PackageType.Library && package.Ecosystem.Release is null ? ReleaseRules.Any : ReleaseRules.Exact;
        return AdvisoryQuery.MatchAsync(package, package.MatchName, package.MatchVersion, rule, advisories, cancellationToken);
    }
}
