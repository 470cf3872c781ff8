using System.Globalization;
using System.Text;
using Vigil.Core;

namespace Vigil.Reporting.Writers.Markdown;

/// <summary>
/// GitHub-flavoured Markdown for pull-request comments: a heading, a summary table by severity, a findings table per target
/// (folded into <c>&lt;details&gt;</c> when long) and folded lists of suppressed findings, expired ignore entries and warnings.
/// </summary>
public sealed class MarkdownReportWriter : IReportWriter
{
    /// <summary>Tables with more rows than this are folded into a collapsible <c>&lt;details&gt;</c> block.</summary>
    public const int FoldAfterRows = 10;

    /// <summary>
    /// Each table lists at most this many rows and counts the rest: GitHub refuses comments longer than 65,536 characters,
    /// and the json and sarif reports hold every finding.
    /// </summary>
    public const int MaxRowsPerTable = 50;

    /// <inheritdoc/>
    public string Format => "markdown";

    /// <inheritdoc/>
    public string FileExtension => ".md";

    /// <inheritdoc/>
    public async ValueTask WriteAsync(ScanReport report, Stream output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(output);
        var bytes = Encoding.UTF8.GetBytes(Render(report));
        await output.WriteAsync(bytes, cancellationToken).ConfigureAwait(false);
        await output.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The report as Markdown text.</summary>
    public static string Render(ScanReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var md = new StringBuilder();
        md.Append("### Vigil scan: ").Append(MarkdownText.Escape(ReportText.Artifact(report))).Append("\n\n");
        var facts = new[] { ReportText.Os(report), $"scanned {ReportText.Time(report.ScannedAt)}", ReportText.Database(report) is { } db ? $"database {db}" : null };
        md.AppendJoin(" · ", facts.Where(f => f is not null).Select(MarkdownText.Escape)).Append('\n');
        Summary(md, report.Summary);
        if (report.Findings.Count == 0)
        {
            md.Append("\nNo vulnerabilities found.\n");
        }

        foreach (var (title, type, findings) in ReportText.Groups(report, report.Findings))
        {
            md.Append('\n');
            Fold(md, $"{title}: {Count(findings.Count, "finding")}", findings.Count > FoldAfterRows, () => Findings(md, findings, type == PackageType.Library), heading: true);
        }

        if (report.Suppressed.Count > 0)
        {
            md.Append('\n');
            Fold(md, $"Suppressed: {Count(report.Suppressed.Count, "finding")}", true, () => Suppressed(md, report.Suppressed));
        }

        if (report.ExpiredIgnoreEntries.Count > 0)
        {
            md.Append('\n');
            Fold(md, $"Expired ignore entries: {report.ExpiredIgnoreEntries.Count}, no longer suppressing", report.ExpiredIgnoreEntries.Count > FoldAfterRows, () =>
            {
                foreach (var entry in report.ExpiredIgnoreEntries)
                {
                    md.Append(CultureInfo.InvariantCulture, $"- `{entry.Id.Replace('`', '\'')}` expired {ReportText.Date(entry.Expires)} ({MarkdownText.Escape(entry.Source)})")
                        .Append(entry.Reason is null ? string.Empty : $": {MarkdownText.Escape(entry.Reason)}").Append('\n');
                }
            });
        }

        if (report.Warnings.Count > 0)
        {
            md.Append('\n');
            Fold(md, $"Warnings: {report.Warnings.Count}", true, () =>
            {
                foreach (var warning in report.Warnings)
                {
                    md.Append("- ").Append(MarkdownText.Escape(warning.ToString())).Append('\n');
                }
            });
        }

        return md.ToString();
    }

    private static void Summary(StringBuilder md, ReportSummary summary)
    {
        md.Append("\n| Severity | Findings | Fixable |\n|---|---:|---:|\n");
        foreach (var severity in ReportSummary.SeverityOrder)
        {
            md.Append(CultureInfo.InvariantCulture, $"| {severity.ToLabel()} | {summary.Count(severity)} | {summary.FixableCount(severity)} |\n");
        }

        md.Append(CultureInfo.InvariantCulture, $"| **Total** | **{summary.Total}** | **{summary.Fixable}** |\n");
        if (summary.Suppressed > 0)
        {
            md.Append(CultureInfo.InvariantCulture, $"\n{Count(summary.Suppressed, "finding")} suppressed by filters.\n");
        }
    }

    private static void Findings(StringBuilder md, IReadOnlyList<Finding> findings, bool withPath)
    {
        md.Append("| Severity | Vulnerability | Package | Installed | Fixed | Title |").Append(withPath ? " Path |" : string.Empty).Append('\n');
        md.Append("|---|---|---|---|---|---|").Append(withPath ? "---|" : string.Empty).Append('\n');
        foreach (var f in findings.Take(MaxRowsPerTable))
        {
            md.Append(CultureInfo.InvariantCulture, $"| {f.Severity.ToLabel()} | [{MarkdownText.Escape(f.Id)}]({ReportText.Link(f)}) | {MarkdownText.Code(f.Package.Name)} | ")
                .Append(CultureInfo.InvariantCulture, $"{MarkdownText.Code(f.InstalledVersion)} | {MarkdownText.Code(f.FixedVersion)} | {MarkdownText.Escape(ReportText.Truncate(ReportText.Title(f), 80))} |")
                .Append(withPath ? $" {MarkdownText.Code(f.Package.FilePath)} |" : string.Empty)
                .Append('\n');
        }

        More(md, findings.Count);
    }

    private static void More(StringBuilder md, int count)
    {
        if (count > MaxRowsPerTable)
        {
            md.Append(CultureInfo.InvariantCulture, $"\n… and {count - MaxRowsPerTable} more, not shown here (see the json or sarif report).\n");
        }
    }

    private static void Suppressed(StringBuilder md, IReadOnlyList<SuppressedFinding> suppressed)
    {
        md.Append("| Severity | Vulnerability | Package | Filter | Reason | Source |\n|---|---|---|---|---|---|\n");
        foreach (var (f, s) in suppressed.Take(MaxRowsPerTable))
        {
            md.Append(CultureInfo.InvariantCulture, $"| {f.Severity.ToLabel()} | {MarkdownText.Escape(f.Id)} | {MarkdownText.Code(f.Package.Name)} | ")
                .Append(CultureInfo.InvariantCulture, $"{ReportText.KindName(s.Kind)} | {MarkdownText.Escape(s.Reason)} | {MarkdownText.Escape(s.Source)} |\n");
        }

        More(md, suppressed.Count);
    }

    // GitHub renders Markdown inside <details> only when a blank line follows </summary>.
    private static void Fold(StringBuilder md, string title, bool fold, Action body, bool heading = false)
    {
        if (fold)
        {
            md.Append("<details><summary>").Append(MarkdownText.Escape(title)).Append("</summary>\n\n");
            body();
            md.Append("\n</details>\n");
        }
        else
        {
            md.Append(heading ? "#### " : "**").Append(MarkdownText.Escape(title)).Append(heading ? "\n\n" : "**\n\n");
            body();
        }
    }

    private static string Count(int count, string noun) => count == 1 ? $"1 {noun}" : $"{count} {noun}s";
}
