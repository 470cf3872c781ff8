using Vigil.Core;
using Vigil.Reporting.Writers.Markdown;

namespace Vigil.Reporting.Tests.Writers;

public class MarkdownReportWriterTests
{
    [Fact]
    public void Writes_a_summary_table_and_a_findings_table_per_target()
    {
        var md = MarkdownReportWriter.Render(ReportFixtures.Report());

        Assert.StartsWith("### Vigil scan: docker.io/library/nginx:1.25 (sha256:", md, StringComparison.Ordinal);
        Assert.Contains("| CRITICAL | 2 | 2 |\n", md, StringComparison.Ordinal);
        Assert.Contains("| **Total** | **5** | **4** |\n", md, StringComparison.Ordinal);
        Assert.Contains("#### Debian GNU/Linux 12 (bookworm) (os): 3 findings\n", md, StringComparison.Ordinal);
        Assert.Contains("#### npm (library): 2 findings\n", md, StringComparison.Ordinal);
        Assert.Contains(
            "| CRITICAL | [CVE-2024-0001](https://osv.dev/vulnerability/CVE-2024-0001) | `openssl` | `3.0.11-1~deb12u1` | `3.0.13-1~deb12u1` | Buffer overflow in X.509 \\| name checks |\n",
            md,
            StringComparison.Ordinal);
        Assert.DoesNotContain("<details>", md, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_table_row_has_the_same_number_of_cells_despite_pipes()
    {
        var md = MarkdownReportWriter.Render(ReportFixtures.Report());

        foreach (var table in md.Split("\n\n").Where(b => b.StartsWith('|')))
        {
            var counts = table.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(CountCells).Distinct();
            Assert.Single(counts);
        }

        static int CountCells(string row) => row.Replace("\\|", string.Empty, StringComparison.Ordinal).Count(c => c == '|');
    }

    [Fact]
    public void Long_lists_and_suppressions_are_folded()
    {
        var many = Enumerable.Range(1, 12)
            .Select(i => ReportFixtures.Finding($"CVE-2025-{i:0000}", ReportFixtures.OpenSsl, Severity.Medium, null))
            .ToList();
        var report = ReportFixtures.Report(new() { IgnoreEntries = [new Vigil.Reporting.Filtering.IgnoreEntry("CVE-2025-0001") { Reason = "accepted" }] }, many);

        var md = MarkdownReportWriter.Render(report);

        Assert.Contains("<details><summary>Debian GNU/Linux 12 (bookworm) (os): 11 findings</summary>\n\n| Severity |", md, StringComparison.Ordinal);
        Assert.Contains("<details><summary>Suppressed: 1 finding</summary>\n\n", md, StringComparison.Ordinal);
        Assert.Contains("| MEDIUM | CVE-2025-0001 | `openssl` | ignore-file | accepted |", md, StringComparison.Ordinal);
        Assert.Equal(CountOf(md, "<details>"), CountOf(md, "</details>"));
    }

    [Fact]
    public void Huge_reports_stay_under_the_github_comment_limit()
    {
        var findings = Enumerable.Range(1, 5000)
            .Select(i => ReportFixtures.Finding($"CVE-2025-{i:00000}", i % 2 == 0 ? ReportFixtures.OpenSsl : ReportFixtures.Lodash, Severity.High, "9.9", new string('x', 200)))
            .ToList();
        var report = ReportFixtures.Report(new() { Severities = Vigil.Reporting.Filtering.SeveritySelection.Parse("CRITICAL") }, findings.Take(200).Concat(findings.Skip(200).Select(f => f with { Severity = Severity.Critical })));

        var md = MarkdownReportWriter.Render(report);

        Assert.True(md.Length < 65_536, $"{md.Length} characters");
        Assert.Contains("… and 2350 more, not shown here (see the json or sarif report).", md, StringComparison.Ordinal);
        Assert.Contains("… and 150 more, not shown here", md, StringComparison.Ordinal);
        Assert.Contains("| **Total** | **4800** |", md, StringComparison.Ordinal);
    }

    [Fact]
    public void Hostile_text_cannot_inject_html_or_links()
    {
        var hostile = ReportFixtures.Findings[0] with { Summary = "<img src=x onerror=alert(1)> [click](http://evil) `code`\nnew row | x" };

        var md = MarkdownReportWriter.Render(ReportFixtures.Report(findings: [hostile]));

        Assert.DoesNotContain("<img", md, StringComparison.Ordinal);
        Assert.Contains("&lt;img src=x onerror=alert(1)&gt; \\[click\\](http://evil) \\`code\\` new row \\| x", md, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_empty_report_says_nothing_was_found()
    {
        var md = await WriterOutput.RenderAsync(new MarkdownReportWriter(), ReportFixtures.EmptyReport());

        Assert.Contains("| **Total** | **0** | **0** |", md, StringComparison.Ordinal);
        Assert.Contains("No vulnerabilities found.", md, StringComparison.Ordinal);
    }

    private static int CountOf(string text, string value) => (text.Length - text.Replace(value, string.Empty, StringComparison.Ordinal).Length) / value.Length;
}
