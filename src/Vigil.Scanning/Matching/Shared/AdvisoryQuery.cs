using Vigil.Core;
using Vigil.VulnDb.Index;

namespace Vigil.Scanning.Matching.Shared;

/// <summary>The query every matcher shares: advisories of a name, release filter, range evaluation, alias merging.</summary>
public static class AdvisoryQuery
{
    /// <summary>Matches <paramref name="package"/> under the given advisory name and version.</summary>
    /// <param name="package">The package (its ecosystem selects the advisories; its type decides whose severity wins).</param>
    /// <param name="name">The name advisories use (the source package for distributions).</param>
    /// <param name="version">The version advisories use.</param>
    /// <param name="releaseRule">Which advisory releases apply to the package's release.</param>
    /// <param name="index">The advisory index.</param>
    /// <param name="cancellationToken">Cancels the lookup.</param>
    public static async ValueTask<MatchResult> MatchAsync(Package package, string name, string version, ReleaseRule releaseRule, IAdvisoryIndex index, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(package);
        ArgumentNullException.ThrowIfNull(releaseRule);
        ArgumentNullException.ThrowIfNull(index);
        var advisories = await index.FindAsync(package.Ecosystem, name, cancellationToken).ConfigureAwait(false);
        if (advisories.Count == 0)
        {
            return MatchResult.Empty;
        }

        var hits = new List<AdvisoryHit>();
        var invalidVersion = false;
        foreach (var advisory in advisories)
        {
            foreach (var entry in advisory.Entries)
            {
                if (!releaseRule(entry.Ecosystem, package.Ecosystem))
                {
                    continue;
                }

                var match = entry.Evaluator.Evaluate(version);
                if (match.IsAffected)
                {
                    hits.Add(new AdvisoryHit(advisory.Record, entry, match.FixedVersion));
                    break;
                }

                invalidVersion |= !entry.Evaluator.IsValidVersion(version);
            }
        }

        var warnings = invalidVersion
            ? new[] { new ScanWarning(package.Purl, $"version '{version}' is not a valid {package.Ecosystem.Name} version; only advisories listing it explicitly were matched") }
            : [];
        return new MatchResult(hits.Count == 0 ? [] : FindingMerger.Merge(package, hits), warnings);
    }
}
