using Vigil.Core;
using Vigil.Scanning.Matching.Shared;
using Vigil.VulnDb.Index;

namespace Vigil.Scanning.Matching.Os;

/// <summary>
/// Ubuntu: matched by source package; advisory releases carry <c>:LTS</c> (<c>Ubuntu:22.04:LTS</c>) while os-release gives
/// <c>22.04</c>, so the suffix is ignored. Ubuntu Pro releases (<c>Ubuntu:Pro:…</c>) only apply to Pro packages.
/// </summary>
public sealed class UbuntuMatcher : IVulnerabilityMatcher
{
    private static readonly ReleaseRule Rule = ReleaseRules.Normalized(r => r.EndsWith(":LTS", StringComparison.Ordinal) ? r[..^4] : r);

    /// <inheritdoc/>
    public MatcherId Id => MatcherIds.Ubuntu;

    /// <inheritdoc/>
    public IReadOnlyList<Ecosystem> Ecosystems { get; } = [Ecosystem.Ubuntu];

    /// <inheritdoc/>
    public ValueTask<MatchResult> MatchAsync(Package package, IAdvisoryIndex advisories, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(package);
        return AdvisoryQuery.MatchAsync(package, package.MatchName, package.MatchVersion, Rule, advisories, cancellationToken);
    }
}
