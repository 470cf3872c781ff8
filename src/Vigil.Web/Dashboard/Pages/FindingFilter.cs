using Vigil.Core;
using Vigil.Scanning.Results;

namespace Vigil.Web.Dashboard.Pages;

/// <summary>The image page's filters: a minimum severity and fixable-only.</summary>
/// <param name="MinimumSeverity">Show this severity and worse.</param>
/// <param name="FixableOnly">Show only findings with a fixed version.</param>
internal sealed record FindingFilter(Severity MinimumSeverity, bool FixableOnly)
{
    public static FindingFilter Parse(string? severity, string? fixable) => new(
        SeverityExtensions.TryParse(severity, out var parsed) ? parsed : Severity.Unknown,
        fixable is "1" or "true" or "on");

    public IEnumerable<StoredFinding> Apply(IEnumerable<StoredFinding> findings) =>
        findings.Where(f => f.Severity >= MinimumSeverity && (!FixableOnly || f.IsFixable));
}
