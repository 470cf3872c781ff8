using Spectre.Console;
using Spectre.Console.Testing;
using Vigil.Reporting.Writers.Table;

namespace Vigil.Reporting.Tests.Writers;

public class TableReportWriterTests
{
    private static string Render(ScanReport report, TableReportOptions? options = null)
    {
        var console = new TestConsole().Width(200);
        new TableReportWriter(options ?? new TableReportOptions()).Render(report, console);
        return console.Output;
    }

    [Fact]
    public void Groups_findings_by_target_with_versions_and_a_summary_line()
    {
        var output = Render(ReportFixtures.Report());
        var lines = output.Split('\n');

        Assert.StartsWith("docker.io/library/nginx:1.25 (sha256:", lines[0], StringComparison.Ordinal);
        Assert.Contains("Debian GNU/Linux 12 (bookworm) · linux/amd64", lines[0], StringComparison.Ordinal);
        Assert.Contains("Scanned 2026-11-22 12:00 UTC · database version 1, updated 2026-11-22 09:00 UTC", lines[1], StringComparison.Ordinal);
        var os = Array.IndexOf(lines, "Debian GNU/Linux 12 (bookworm) (os)");
        var npm = Array.IndexOf(lines, "npm (library)");
        Assert.True(os > 0 && npm > os, output);
        Assert.Equal("Total: 3 (CRITICAL: 1, HIGH: 1, MEDIUM: 0, LOW: 1, UNKNOWN: 0), 2 fixable", lines[os + 1]);
        Assert.Equal("Total: 2 (CRITICAL: 1, HIGH: 1, MEDIUM: 0, LOW: 0, UNKNOWN: 0), 2 fixable", lines[npm + 1]);
        var openssl = lines.Single(l => l.Contains("CVE-2024-0001", StringComparison.Ordinal));
        Assert.Matches(@"│ openssl\s+│ CVE-2024-0001\s+│ CRITICAL\s+│ 3\.0\.11-1~deb12u1\s+│ 3\.0\.13-1~deb12u1\s+│ Buffer overflow in X\.509 \| name checks\s+│", openssl);
        Assert.Contains("/app/node_modules/lodash/package.json", output, StringComparison.Ordinal);
        Assert.Contains("Total: 5 (CRITICAL: 2, HIGH: 2, MEDIUM: 0, LOW: 1, UNKNOWN: 0), 4 fixable", lines);
    }

    [Fact]
    public void Long_titles_are_cut_with_an_ellipsis()
    {
        var output = Render(ReportFixtures.Report(), new TableReportOptions { TitleLength = 20 });

        Assert.Contains("Looney Tunables: lo…", output, StringComparison.Ordinal);
        Assert.DoesNotContain("privilege escalation", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Shows_suppressed_findings_expired_entries_and_warnings()
    {
        var output = Render(ReportFixtures.ReportWithSuppressions());

        Assert.Contains("Suppressed: 1 (ignore-file: 1)", output, StringComparison.Ordinal);
        Assert.Matches(@"│ zlib1g\s+│ CVE-2023-9999\s+│ LOW\s+│ ignore-file\s+│ zlib inflate is not used \(until 2027-01-31\)\s+│ \.vigilignore:3\s+│", output);
        Assert.Contains("Expired ignore entries (1), no longer suppressing:", output, StringComparison.Ordinal);
        Assert.Contains("  CVE-2021-44906 expired 2026-01-01 (.vigilignore:7): build-time only", output, StringComparison.Ordinal);
        Assert.Contains("Warnings (1):", output, StringComparison.Ordinal);
        Assert.Contains("Total: 4 (CRITICAL: 2, HIGH: 2, MEDIUM: 0, LOW: 0, UNKNOWN: 0), 4 fixable", output, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_report_says_nothing_was_found()
    {
        var output = Render(ReportFixtures.EmptyReport());

        Assert.Contains("No vulnerabilities found.", output, StringComparison.Ordinal);
        Assert.Contains("Total: 0 (CRITICAL: 0, HIGH: 0, MEDIUM: 0, LOW: 0, UNKNOWN: 0), 0 fixable", output, StringComparison.Ordinal);
        Assert.DoesNotContain("│", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Severities_are_coloured_when_the_console_supports_it()
    {
        var console = new TestConsole().Width(200).Colors(ColorSystem.Standard).EmitAnsiSequences();

        new TableReportWriter().Render(ReportFixtures.Report(), console);

        // Bold bright red for CRITICAL, bright red for HIGH, bright blue for LOW.
        Assert.Contains("\u001b[1;91mCRITICAL\u001b[0m", console.Output, StringComparison.Ordinal);
        Assert.Contains("\u001b[91mHIGH\u001b[0m", console.Output, StringComparison.Ordinal);
        Assert.Contains("\u001b[94mLOW\u001b[0m", console.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Hostile_advisory_text_is_neither_markup_nor_terminal_escapes()
    {
        var hostile = ReportFixtures.Findings[0] with { Summary = "[red]boom[/] \u001b[2J\u001b]0;pwned\u0007 end", Id = "CVE-[/]" };

        var output = Render(ReportFixtures.Report(findings: [hostile]), new TableReportOptions { TitleLength = 80 });

        Assert.Contains("[red]boom[/]", output, StringComparison.Ordinal);
        Assert.Contains("CVE-[/]", output, StringComparison.Ordinal);
        Assert.DoesNotContain('\u001b', output);
        Assert.DoesNotContain('\u0007', output);
    }

    [Fact]
    public async Task Writes_plain_text_to_a_stream()
    {
        var output = await WriterOutput.RenderAsync(new TableReportWriter(new TableReportOptions { Width = 200 }), ReportFixtures.Report());

        Assert.DoesNotContain('\u001b', output);
        Assert.Contains("CVE-2021-44906", output, StringComparison.Ordinal);
        Assert.Contains("Total: 5 (CRITICAL: 2, HIGH: 2, MEDIUM: 0, LOW: 1, UNKNOWN: 0), 4 fixable", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Writes_colours_to_a_stream_when_asked()
    {
        var output = await WriterOutput.RenderAsync(new TableReportWriter(new TableReportOptions { Color = true }), ReportFixtures.Report());

        Assert.Matches("\u001b\\[[0-9;]*mCRITICAL", output);
    }
}
