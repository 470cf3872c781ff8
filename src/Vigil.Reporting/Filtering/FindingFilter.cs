using System.Globalization;
using Vigil.Core;
using Vigil.Reporting.Filtering.Vex;

namespace Vigil.Reporting.Filtering;

/// <summary>
/// Applies a scan's filters to its findings and keeps every suppressed finding with its reason. The first matching rule
/// is the recorded reason, in this order: ignore file, VEX, package type, severity, unfixed; explicit decisions come first
/// because they are what a reviewer needs to see.
/// </summary>
/// <param name="timeProvider">The clock that decides which ignore entries have expired (UTC dates).</param>
public sealed class FindingFilter(TimeProvider timeProvider)
{
    /// <summary>Filters <paramref name="findings"/>.</summary>
    /// <param name="findings">The matched findings.</param>
    /// <param name="artifact">The scanned artifact, so VEX statements about the image itself apply; null if unknown.</param>
    /// <param name="options">The filters.</param>
    public FilterResult Apply(IEnumerable<Finding> findings, ArtifactInfo? artifact, FindingFilterOptions options)
    {
        ArgumentNullException.ThrowIfNull(findings);
        ArgumentNullException.ThrowIfNull(options);
        var today = DateOnly.FromDateTime(timeProvider.GetUtcNow().UtcDateTime);
        var expired = options.IgnoreEntries.Where(e => e.IsExpiredOn(today)).ToList();
        // Indexed by id so a scan with thousands of findings and entries stays linear; file order decides between entries.
        var active = options.IgnoreEntries
            .Select((entry, order) => (entry, order))
            .Where(x => !x.entry.IsExpiredOn(today))
            .ToLookup(x => x.entry.Id, StringComparer.OrdinalIgnoreCase);
        var vex = new VexMatcher(options.VexStatements, artifact);

        var kept = new List<Finding>();
        var suppressed = new List<SuppressedFinding>();
        foreach (var finding in findings)
        {
            var suppression = IgnoredBy(finding, active) ?? ByVex(finding, vex) ?? ByOptions(finding, options);
            if (suppression is null)
            {
                kept.Add(finding);
            }
            else
            {
                suppressed.Add(new SuppressedFinding(finding, suppression));
            }
        }

        var warnings = expired
            .Select(e => new ScanWarning(e.Source, $"Ignore entry for {e.Id} expired on {Date(e.Expires)} and no longer suppresses it."))
            .ToList();
        return new FilterResult(kept, suppressed, expired) { Warnings = warnings };
    }

    private static Suppression? IgnoredBy(Finding finding, ILookup<string, (IgnoreEntry Entry, int Order)> entries)
    {
        var entry = finding.Aliases.Prepend(finding.Id)
            .SelectMany(id => entries[id])
            .Where(x => x.Entry.Matches(finding))
            .OrderBy(x => x.Order)
            .Select(x => x.Entry)
            .FirstOrDefault();
        if (entry is null)
        {
            return null;
        }

        var reason = entry.Reason ?? "listed in the ignore file";
        return new Suppression(SuppressionKind.IgnoreFile, entry.Expires is null ? reason : $"{reason} (until {Date(entry.Expires)})")
        {
            Source = entry.Source,
            Expires = entry.Expires,
        };
    }

    private static Suppression? ByVex(Finding finding, VexMatcher vex)
    {
        var statement = vex.Decide(finding);
        if (statement is null || !statement.Suppresses)
        {
            return null;
        }

        var detail = statement.Justification ?? statement.ImpactStatement ?? statement.StatusNotes;
        return new Suppression(SuppressionKind.Vex, detail is null ? statement.StatusName : $"{statement.StatusName}: {detail}")
        {
            Source = statement.Source,
            VexStatus = statement.StatusName,
            Justification = statement.Justification,
        };
    }

    private static Suppression? ByOptions(Finding finding, FindingFilterOptions options)
    {
        if (!options.PackageTypes.Contains(finding.Package.Type))
        {
            return new Suppression(SuppressionKind.PackageType, $"package type {finding.Package.Type.ToName()} not selected")
            {
                Source = "--pkg-types",
            };
        }

        if (!options.Severities.Contains(finding.Severity))
        {
            return new Suppression(SuppressionKind.Severity, $"severity {finding.Severity.ToLabel()} not selected ({options.Severities})")
            {
                Source = "--severity",
            };
        }

        return options.IgnoreUnfixed && !finding.IsFixable
            ? new Suppression(SuppressionKind.Unfixed, "no fix published") { Source = "--ignore-unfixed" }
            : null;
    }

    private static string Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? string.Empty;
}
