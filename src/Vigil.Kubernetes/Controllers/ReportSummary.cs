using Vigil.Core;
using Vigil.Kubernetes.Entities;

namespace Vigil.Kubernetes.Controllers;

/// <summary>Turns all findings of an image into the summary a report holds, after a pod's annotations.</summary>
public static class ReportSummary
{
    /// <summary>How many findings a report lists.</summary>
    public const int TopCount = 10;

    /// <summary>The findings that remain after <paramref name="annotations"/>.</summary>
    public static IReadOnlyList<Finding> Filter(IReadOnlyList<Finding> findings, PodAnnotations annotations)
    {
        ArgumentNullException.ThrowIfNull(findings);
        ArgumentNullException.ThrowIfNull(annotations);
        return [.. findings.Where(f =>
            !(annotations.IgnoreUnfixed && !f.IsFixable)
            && !annotations.IgnoredIds.Contains(f.Id)
            && !f.Aliases.Any(annotations.IgnoredIds.Contains))];
    }

    /// <summary>Counts per severity.</summary>
    public static SeverityCounts Count(IEnumerable<Finding> findings)
    {
        var counts = new SeverityCounts();
        foreach (var finding in findings)
        {
            counts.Total++;
            switch (finding.Severity)
            {
                case Severity.Critical: counts.Critical++; break;
                case Severity.High: counts.High++; break;
                case Severity.Medium: counts.Medium++; break;
                case Severity.Low: counts.Low++; break;
                default: counts.Unknown++; break;
            }
        }

        return counts;
    }

    /// <summary>The worst findings: severity, then fixable first, then CVSS score, then id.</summary>
    public static List<TopFinding> Top(IEnumerable<Finding> findings) =>
        [.. findings
            .OrderByDescending(f => f.Severity)
            .ThenByDescending(f => f.IsFixable)
            .ThenByDescending(f => f.CvssScore ?? 0)
            .ThenBy(f => f.Id, StringComparer.Ordinal)
            .ThenBy(f => f.Package.Name, StringComparer.Ordinal)
            .Take(TopCount)
            .Select(f => new TopFinding
            {
                Id = f.Id,
                Severity = f.Severity.ToLabel(),
                Package = f.Package.Name,
                InstalledVersion = f.InstalledVersion,
                FixedVersion = f.FixedVersion,
                Title = f.Summary is { Length: > 200 } s ? s[..200] : f.Summary,
            })];
}
