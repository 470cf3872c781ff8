using Vigil.Core;

namespace Vigil.Reporting;

/// <summary>Counts of a report's findings: total, per severity and how many have a fix.</summary>
public sealed record ReportSummary
{
    private readonly int[] _bySeverity;
    private readonly int[] _fixableBySeverity;

    private ReportSummary(int[] bySeverity, int[] fixableBySeverity, int suppressed)
    {
        _bySeverity = bySeverity;
        _fixableBySeverity = fixableBySeverity;
        Suppressed = suppressed;
    }

    /// <summary>The severities from worst to least, the order summaries list them in.</summary>
    public static IReadOnlyList<Severity> SeverityOrder { get; } =
        [Severity.Critical, Severity.High, Severity.Medium, Severity.Low, Severity.Unknown];

    /// <summary>Number of findings (after filters).</summary>
    public int Total => _bySeverity.Sum();

    /// <summary>Number of findings with a published fix.</summary>
    public int Fixable => _fixableBySeverity.Sum();

    /// <summary>Number of findings the filters suppressed.</summary>
    public int Suppressed { get; }

    /// <summary>Number of findings of one severity.</summary>
    public int Count(Severity severity) => _bySeverity[Index(severity)];

    /// <summary>Number of findings of one severity that have a fix.</summary>
    public int FixableCount(Severity severity) => _fixableBySeverity[Index(severity)];

    /// <summary>Counts the given findings.</summary>
    public static ReportSummary From(IEnumerable<Finding> findings, int suppressed = 0)
    {
        ArgumentNullException.ThrowIfNull(findings);
        var bySeverity = new int[SeverityOrder.Count];
        var fixable = new int[SeverityOrder.Count];
        foreach (var finding in findings)
        {
            var index = Index(finding.Severity);
            bySeverity[index]++;
            if (finding.IsFixable)
            {
                fixable[index]++;
            }
        }

        return new ReportSummary(bySeverity, fixable, suppressed);
    }

    /// <summary>One line: <c>Total: 12 (CRITICAL: 1, HIGH: 4, MEDIUM: 5, LOW: 2, UNKNOWN: 0), 9 fixable</c>.</summary>
    public override string ToString()
    {
        var counts = string.Join(", ", SeverityOrder.Select(s => $"{s.ToLabel()}: {Count(s)}"));
        return $"Total: {Total} ({counts}), {Fixable} fixable";
    }

    /// <inheritdoc/>
    public bool Equals(ReportSummary? other) =>
        other is not null && _bySeverity.SequenceEqual(other._bySeverity) &&
        _fixableBySeverity.SequenceEqual(other._fixableBySeverity) && Suppressed == other.Suppressed;

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Total, Fixable, Suppressed);

    // Out-of-range values (a newer Core enum member) count as Unknown rather than throwing.
    private static int Index(Severity severity) => severity switch
    {
        Severity.Critical => 0,
        Severity.High => 1,
        Severity.Medium => 2,
        Severity.Low => 3,
        _ => 4,
    };
}
