using Vigil.Core;
using Vigil.Scanning.Matching.Shared;
using Vigil.VulnDb.Index;

namespace Vigil.Scanning.Matching.Os;

/// <summary>
/// Alpine: advisories name the origin (source) package and a branch (<c>Alpine:v3.20</c>); a package's release may be
/// written with or without the <c>v</c>, and with a patch level (<c>3.20.3</c>), which the branch ignores.
/// </summary>
public sealed class AlpineMatcher : IVulnerabilityMatcher
{
    private static readonly ReleaseRule Rule = ReleaseRules.Normalized(Branch);

    /// <inheritdoc/>
    public MatcherId Id => MatcherIds.Alpine;

    /// <inheritdoc/>
    public IReadOnlyList<Ecosystem> Ecosystems { get; } = [Ecosystem.Alpine];

    /// <inheritdoc/>
    public ValueTask<MatchResult> MatchAsync(Package package, IAdvisoryIndex advisories, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(package);
        return AdvisoryQuery.MatchAsync(package, package.MatchName, package.MatchVersion, Rule, advisories, cancellationToken);
    }

    private static string Branch(string release)
    {
        var parts = release.TrimStart('v').Split('.');
        return parts.Length >= 2 ? $"{parts[0]}.{parts[1]}" : release.TrimStart('v');
    }
}
