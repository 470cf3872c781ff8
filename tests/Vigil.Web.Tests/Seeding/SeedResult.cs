using Vigil.Core;
using Vigil.Scanning.Results;

namespace Vigil.Web.Tests.Seeding;

/// <summary>What was seeded, so tests can compute expectations without asking the store.</summary>
public sealed record SeedResult(
    IReadOnlyList<(Workload Workload, IReadOnlyList<WorkloadContainer> Containers)> Workloads,
    IReadOnlyDictionary<Digest, IReadOnlyList<StoredFinding>> Findings,
    IReadOnlyList<Suppression> Suppressions)
{
    /// <summary>Every workload running an image that has a finding with this id or alias.</summary>
    public IReadOnlySet<WorkloadKey> WorkloadsAffectedBy(string vulnerabilityId)
    {
        var digests = Findings.Where(f => f.Value.Any(x => x.Aliases.Prepend(x.Id).Contains(vulnerabilityId, StringComparer.OrdinalIgnoreCase)))
            .Select(f => f.Key).ToHashSet();
        return Workloads.Where(w => w.Containers.Any(c => digests.Contains(c.Digest))).Select(w => w.Workload.Key).ToHashSet();
    }

    public int TotalFindings => Findings.Values.Sum(f => f.Count);
}
