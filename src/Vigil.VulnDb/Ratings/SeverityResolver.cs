using System.Text.Json;
using Vigil.Core;
using Vigil.VulnDb.Cvss;
using Vigil.VulnDb.Osv;

namespace Vigil.VulnDb.Ratings;

/// <summary>
/// Decides a finding's severity: the distribution's own rating where the record gives one (Debian <c>urgency</c>, Ubuntu
/// priority, <c>severity</c> fields of OS records), else the score of the newest CVSS vector (per-package vectors first),
/// else the database's label (GHSA <c>database_specific.severity</c>), else <see cref="Severity.Unknown"/>.
/// </summary>
public static class SeverityResolver
{
    private static readonly string[] CvssTypes = ["CVSS_V4", "CVSS_V3", "CVSS_V2"];
    private static readonly string[] DistributionFields = ["severity", "urgency", "ubuntu_priority", "priority"];

    /// <summary>Resolves the severity of <paramref name="record"/> for the package of <paramref name="affected"/>.</summary>
    /// <param name="record">The record.</param>
    /// <param name="affected">The matching affected entry, or null.</param>
    /// <param name="isDistribution">Whether the package is an OS package, whose distribution's rating wins.</param>
    public static SeverityAssessment Resolve(OsvRecord record, OsvAffected? affected, bool isDistribution)
    {
        ArgumentNullException.ThrowIfNull(record);
        var cvss = BestCvss(affected?.Severity) ?? BestCvss(record.Severity);
        if (isDistribution && DistributionRating(record, affected) is { } rating)
        {
            return new SeverityAssessment(rating, "distribution") { CvssScore = cvss?.BaseScore, CvssVector = cvss?.Vector };
        }

        if (cvss is not null && cvss.Severity != Severity.Unknown)
        {
            return new SeverityAssessment(cvss.Severity, "cvss") { CvssScore = cvss.BaseScore, CvssVector = cvss.Vector };
        }

        if ((Label(affected?.DatabaseSpecific, "severity") ?? Label(record.DatabaseSpecific, "severity")) is { } label)
        {
            return new SeverityAssessment(label, "database") { CvssScore = cvss?.BaseScore, CvssVector = cvss?.Vector };
        }

        return cvss is null ? SeverityAssessment.None : SeverityAssessment.None with { CvssScore = cvss.BaseScore, CvssVector = cvss.Vector };
    }

    private static Severity? DistributionRating(OsvRecord record, OsvAffected? affected)
    {
        foreach (var field in DistributionFields)
        {
            if ((Label(affected?.EcosystemSpecific, field) ?? Label(affected?.DatabaseSpecific, field)) is { } rating)
            {
                return rating;
            }
        }

        // Ubuntu writes its priority as a severity entry of its own type.
        foreach (var entry in (IEnumerable<OsvSeverity>?)affected?.Severity ?? [])
        {
            if (entry.Type is not ("CVSS_V2" or "CVSS_V3" or "CVSS_V4") && SeverityExtensions.TryParse(entry.Score, out var s) && s != Severity.Unknown)
            {
                return s;
            }
        }

        foreach (var entry in record.Severity ?? [])
        {
            if (entry.Type is not ("CVSS_V2" or "CVSS_V3" or "CVSS_V4") && SeverityExtensions.TryParse(entry.Score, out var s) && s != Severity.Unknown)
            {
                return s;
            }
        }

        return null;
    }

    private static CvssScore? BestCvss(IReadOnlyList<OsvSeverity>? entries)
    {
        if (entries is null)
        {
            return null;
        }

        foreach (var type in CvssTypes)
        {
            foreach (var entry in entries)
            {
                if (entry.Type == type && CvssCalculator.TryScore(entry.Score, out var score))
                {
                    return score;
                }
            }
        }

        return null;
    }

    private static Severity? Label(JsonElement? element, string field)
    {
        // Words such as Debian's "not yet assigned" or "end-of-life" are not ratings: fall through to the next source.
        return element is { ValueKind: JsonValueKind.Object } e
            && e.TryGetProperty(field, out var value)
            && value.ValueKind == JsonValueKind.String
            && SeverityExtensions.TryParse(value.GetString(), out var severity)
            && severity != Severity.Unknown
            ? severity
            : null;
    }
}
