using Vigil.Core;
using Vigil.VulnDb.Ratings;

namespace Vigil.Scanning.Matching.Shared;

/// <summary>
/// Turns the records that affect one package into findings: records linked by an id (their own id, an alias, or a single
/// upstream id such as a DSA's CVE) become one finding whose <see cref="Finding.Id"/> is the CVE where there is one.
/// </summary>
public static class FindingMerger
{
    private const int MaxSummaryLength = 200;

    /// <summary>Merges <paramref name="hits"/> (all for <paramref name="package"/>) into findings, ordered by id.</summary>
    public static IReadOnlyList<Finding> Merge(Package package, IReadOnlyList<AdvisoryHit> hits)
    {
        ArgumentNullException.ThrowIfNull(package);
        ArgumentNullException.ThrowIfNull(hits);
        var groups = Group(hits);
        var findings = new List<Finding>(groups.Count);
        foreach (var group in groups)
        {
            findings.Add(Build(package, group));
        }

        findings.Sort((a, b) => string.CompareOrdinal(a.Id, b.Id));
        return findings;
    }

    private static List<List<AdvisoryHit>> Group(IReadOnlyList<AdvisoryHit> hits)
    {
        // Union-find over hits, joined through any id they share.
        var parent = Enumerable.Range(0, hits.Count).ToArray();
        int Find(int i) => parent[i] == i ? i : parent[i] = Find(parent[i]);
        var owner = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < hits.Count; i++)
        {
            foreach (var id in LinkIds(hits[i]))
            {
                if (owner.TryGetValue(id, out var other))
                {
                    parent[Find(i)] = Find(other);
                }
                else
                {
                    owner[id] = i;
                }
            }
        }

        return Enumerable.Range(0, hits.Count).GroupBy(Find).Select(g => g.Select(i => hits[i]).ToList()).ToList();
    }

    private static IEnumerable<string> LinkIds(AdvisoryHit hit)
    {
        yield return hit.Record.Id;
        foreach (var alias in hit.Record.Aliases ?? [])
        {
            yield return alias;
        }

        // A DSA/DLA/USN fixing exactly one CVE is that CVE; one fixing several stays a finding of its own.
        if (hit.Record.Upstream is [var single])
        {
            yield return single;
        }
    }

    private static Finding Build(Package package, List<AdvisoryHit> group)
    {
        group.Sort((a, b) => string.CompareOrdinal(a.Record.Id, b.Record.Id));
        var ids = group.SelectMany(LinkIds).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var id = ids.FirstOrDefault(i => i.StartsWith("CVE-", StringComparison.Ordinal)) ?? group[0].Record.Id;
        var assessment = group
            .Select(h => SeverityResolver.Resolve(h.Record, h.Entry.Evaluator.Affected, package.Type == PackageType.Os))
            .OrderByDescending(a => SourceRank(a.Source))
            .ThenByDescending(a => a.Severity)
            .First();
        var cvss = assessment.CvssScore is null
            ? group.Select(h => SeverityResolver.Resolve(h.Record, h.Entry.Evaluator.Affected, false)).FirstOrDefault(a => a.CvssScore is not null)
            : assessment;
        return new Finding(id, package, assessment.Severity)
        {
            Aliases = [id, .. ids.Where(i => i != id)],
            AdvisoryIds = [.. group.Select(h => h.Record.Id)],
            FixedVersion = HighestFix(group),
            SeveritySource = assessment.Source,
            CvssScore = cvss?.CvssScore,
            CvssVector = cvss?.CvssVector,
            Summary = Summary(group),
            References = [.. group.SelectMany(h => h.Record.References ?? []).Select(r => r.Url).Where(u => !string.IsNullOrEmpty(u)).Distinct(StringComparer.Ordinal)],
            Published = group.Select(h => h.Record.Published).Where(p => p is not null).Min(),
            Modified = group.Select(h => h.Record.Modified).Where(m => m is not null).Max(),
        };
    }

    /// <summary>Where several records give fixes, the package is fixed only in the highest of them.</summary>
    private static string? HighestFix(List<AdvisoryHit> group)
    {
        string? best = null;
        foreach (var hit in group.Where(h => h.FixedVersion is not null))
        {
            var comparer = hit.Entry.Evaluator.EcosystemComparer;
            if (best is null
                || (comparer.IsValid(best) && comparer.IsValid(hit.FixedVersion) && comparer.Compare(hit.FixedVersion!, best) > 0))
            {
                best = hit.FixedVersion;
            }
        }

        return best;
    }

    private static string? Summary(List<AdvisoryHit> group)
    {
        var summary = group.Select(h => h.Record.Summary).FirstOrDefault(s => !string.IsNullOrWhiteSpace(s));
        if (summary is not null)
        {
            return summary.Trim();
        }

        var details = group.Select(h => h.Record.Details).FirstOrDefault(d => !string.IsNullOrWhiteSpace(d))?.Trim();
        if (details is null)
        {
            return null;
        }

        var line = details.Split('\n', 2)[0].Trim();
        return line.Length <= MaxSummaryLength ? line : string.Concat(line.AsSpan(0, MaxSummaryLength - 1), "…");
    }

    private static int SourceRank(string source) => source switch
    {
        "distribution" => 3,
        "cvss" => 2,
        "database" => 1,
        _ => 0,
    };
}
