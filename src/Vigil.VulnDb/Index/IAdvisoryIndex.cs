using Vigil.Core;
using Vigil.VulnDb.Storage;

namespace Vigil.VulnDb.Index;

/// <summary>
/// Fast read access to advisories per package for matchers: records are loaded once per (ecosystem, name), their ranges
/// compiled, and kept in memory until the database version changes.
/// </summary>
public interface IAdvisoryIndex
{
    /// <summary>
    /// The advisories with an affected entry for <paramref name="packageName"/> in <paramref name="ecosystem"/>'s base
    /// ecosystem (every release; matchers check the release). Empty when there are none.
    /// </summary>
    ValueTask<IReadOnlyList<IndexedAdvisory>> FindAsync(Ecosystem ecosystem, string packageName, CancellationToken cancellationToken);

    /// <summary>
    /// Loads the advisories of many packages at once (one store query per ecosystem) so that the <see cref="FindAsync"/>
    /// calls that follow are served from memory: what makes a cold, single scan fast. Names already loaded are skipped.
    /// </summary>
    ValueTask PrefetchAsync(IEnumerable<(Ecosystem Ecosystem, string PackageName)> packages, CancellationToken cancellationToken);

    /// <summary>Checks the database version and drops cached entries when it changed; returns the current version.</summary>
    ValueTask<AdvisoryDbVersion> RefreshAsync(CancellationToken cancellationToken);
}
