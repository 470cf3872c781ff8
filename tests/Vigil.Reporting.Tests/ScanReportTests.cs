using Vigil.Core;
using Vigil.Reporting.Filtering;

namespace Vigil.Reporting.Tests;

public class ScanReportTests
{
    [Fact]
    public void Create_orders_findings_counts_them_and_stamps_the_clock()
    {
        var clock = ReportFixtures.Clock();
        var filtered = new FindingFilter(clock).Apply(ReportFixtures.Findings.Reverse(), ReportFixtures.Artifact, new() { IgnoreUnfixed = true });
        var warning = new ScanWarning("CVE-2024-0001", "advisory has no affected ranges");

        var report = ScanReport.Create(ReportFixtures.Inventory with { Warnings = [new ScanWarning("/app/x.jar", "unreadable")] }, filtered, clock, warnings: [warning]);

        Assert.Equal(ScanReport.CurrentSchemaVersion, report.SchemaVersion);
        Assert.Equal(ReportFixtures.Now, report.ScannedAt);
        Assert.Same(ReportFixtures.Artifact, report.Artifact);
        Assert.Same(ReportFixtures.Os, report.Os);
        Assert.Equal(["CVE-2024-0001", "CVE-2021-44906", "CVE-2023-4911", "CVE-2021-23337"], report.Findings.Select(f => f.Id));
        Assert.Equal("CVE-2023-9999", Assert.Single(report.Suppressed).Finding.Id);
        Assert.Equal(["/app/x.jar", "CVE-2024-0001"], report.Warnings.Select(w => w.Source));
        Assert.Equal((4, 4, 1), (report.Summary.Total, report.Summary.Fixable, report.Summary.Suppressed));
        Assert.Equal((2, 2, 0, 0), (report.Summary.Count(Severity.Critical), report.Summary.Count(Severity.High), report.Summary.Count(Severity.Low), report.Summary.Count(Severity.Unknown)));
    }

    [Fact]
    public void Summary_line_counts_every_severity_and_fixable()
    {
        var summary = ReportSummary.From(ReportFixtures.Findings);

        Assert.Equal("Total: 5 (CRITICAL: 2, HIGH: 2, MEDIUM: 0, LOW: 1, UNKNOWN: 0), 4 fixable", summary.ToString());
        Assert.Equal((2, 2, 0), (summary.FixableCount(Severity.Critical), summary.FixableCount(Severity.High), summary.FixableCount(Severity.Low)));
        Assert.Equal(ReportSummary.From(ReportFixtures.Findings), summary);
    }

    [Fact]
    public void An_out_of_range_severity_counts_as_unknown()
    {
        var odd = ReportFixtures.Findings[0] with { Severity = (Severity)42 };

        Assert.Equal(1, ReportSummary.From([odd]).Count(Severity.Unknown));
    }
}
