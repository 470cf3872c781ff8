using System.Text;
using Spectre.Console;
using Spectre.Console.Rendering;
using Vigil.Core;

namespace Vigil.Reporting.Writers.Table;

/// <summary>
/// The table format for people at a terminal: the artifact, one table per target (OS packages, then each library
/// ecosystem) with coloured severities, installed and fixed versions, id and a cut title, then the summary line
/// (<c>Total: 12 (CRITICAL: 1, HIGH: 4, …), 9 fixable</c>), suppressed findings, expired ignore entries and warnings.
/// </summary>
/// <param name="options">Rendering options for <see cref="WriteAsync"/>.</param>
public sealed class TableReportWriter(TableReportOptions options) : IReportWriter
{
    /// <summary>Creates a writer with default options.</summary>
    public TableReportWriter()
        : this(new TableReportOptions())
    {
    }

    /// <inheritdoc/>
    public string Format => "table";

    /// <inheritdoc/>
    public string FileExtension => ".txt";

    /// <inheritdoc/>
    public async ValueTask WriteAsync(ScanReport report, Stream output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(output);
        var writer = new StreamWriter(output, new UTF8Encoding(false), leaveOpen: true);
        await using (writer.ConfigureAwait(false))
        {
            var console = AnsiConsole.Create(new AnsiConsoleSettings
            {
                Ansi = options.Color ? AnsiSupport.Yes : AnsiSupport.No,
                ColorSystem = options.Color ? ColorSystemSupport.Standard : ColorSystemSupport.NoColors,
                Out = new AnsiConsoleOutput(writer),
                Interactive = InteractionSupport.No,
                Enrichment = new ProfileEnrichment { UseDefaultEnrichers = false },
            });
            console.Profile.Width = options.Width;
            Render(report, console);
            await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Renders the report on a console (the CLI's standard output, or a test console).</summary>
    public void Render(ScanReport report, IAnsiConsole console)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(console);
        Header(report, console);
        foreach (var (title, type, findings) in ReportText.Groups(report, report.Findings))
        {
            console.WriteLine();
            console.Write(new Text(title, new Style(decoration: Decoration.Bold)));
            console.WriteLine();
            console.WriteLine(ReportSummary.From(findings).ToString());
            console.Write(FindingsTable(findings, type == PackageType.Library));
        }

        console.WriteLine();
        if (report.Findings.Count == 0)
        {
            console.Write(new Text("No vulnerabilities found.", new Style(Color.Green)));
            console.WriteLine();
        }

        console.Write(new Text(report.Summary.ToString(), new Style(decoration: Decoration.Bold)));
        console.WriteLine();
        Suppressed(report, console);
        Expired(report, console);
        Warnings(report, console);
    }

    private static void Header(ScanReport report, IAnsiConsole console)
    {
        var parts = new[] { ReportText.Os(report), report.Artifact.Platform?.ToString() }.Where(p => p is not null);
        console.Write(new Text(ReportText.Artifact(report), new Style(decoration: Decoration.Bold)));
        console.WriteLine(string.Concat(parts.Select(p => $" · {p}")));
        var database = ReportText.Database(report);
        console.WriteLine($"Scanned {ReportText.Time(report.ScannedAt)}{(database is null ? string.Empty : $" · database {database}")}");
    }

    private Spectre.Console.Table FindingsTable(IReadOnlyList<Finding> findings, bool withPath)
    {
        var table = new Spectre.Console.Table().Border(TableBorder.Rounded);
        table.AddColumns("Package", "Vulnerability", "Severity", "Installed", "Fixed", "Title");
        if (withPath)
        {
            table.AddColumn("Path");
        }

        foreach (var finding in findings)
        {
            var cells = new List<IRenderable>
            {
                new Text(ReportText.Clean(finding.Package.Name)),
                new Text(ReportText.Clean(finding.Id)),
                new Text(finding.Severity.ToLabel(), SeverityStyle(finding.Severity)),
                new Text(ReportText.Clean(finding.InstalledVersion)),
                new Text(ReportText.Clean(finding.FixedVersion ?? string.Empty)),
                new Text(ReportText.Truncate(ReportText.Title(finding), options.TitleLength)),
            };
            if (withPath)
            {
                cells.Add(new Text(ReportText.Clean(finding.Package.FilePath ?? string.Empty)));
            }

            table.AddRow(cells);
        }

        return table;
    }

    private void Suppressed(ScanReport report, IAnsiConsole console)
    {
        if (report.Suppressed.Count == 0)
        {
            return;
        }

        var byKind = report.Suppressed.GroupBy(s => s.Suppression.Kind).OrderBy(g => g.Key).Select(g => $"{ReportText.KindName(g.Key)}: {g.Count()}");
        console.WriteLine();
        console.WriteLine($"Suppressed: {report.Suppressed.Count} ({string.Join(", ", byKind)})");
        var table = new Spectre.Console.Table().Border(TableBorder.Rounded).AddColumns("Package", "Vulnerability", "Severity", "Filter", "Reason", "Source");
        foreach (var (finding, suppression) in report.Suppressed.Take(options.MaxSuppressedRows))
        {
            table.AddRow(
                new Text(ReportText.Clean(finding.Package.Name)),
                new Text(ReportText.Clean(finding.Id)),
                new Text(finding.Severity.ToLabel(), SeverityStyle(finding.Severity)),
                new Text(ReportText.KindName(suppression.Kind)),
                new Text(ReportText.Truncate(suppression.Reason, options.TitleLength)),
                new Text(ReportText.Clean(suppression.Source)));
        }

        console.Write(table);
        if (report.Suppressed.Count > options.MaxSuppressedRows)
        {
            console.WriteLine($"… and {report.Suppressed.Count - options.MaxSuppressedRows} more (see the json report).");
        }
    }

    private static void Expired(ScanReport report, IAnsiConsole console)
    {
        if (report.ExpiredIgnoreEntries.Count == 0)
        {
            return;
        }

        console.WriteLine();
        console.Write(new Text($"Expired ignore entries ({report.ExpiredIgnoreEntries.Count}), no longer suppressing:", new Style(Color.Yellow)));
        console.WriteLine();
        foreach (var entry in report.ExpiredIgnoreEntries)
        {
            var reason = entry.Reason is null ? string.Empty : $": {entry.Reason}";
            console.WriteLine($"  {ReportText.Clean($"{entry.Id} expired {ReportText.Date(entry.Expires)} ({entry.Source}){reason}")}");
        }
    }

    private static void Warnings(ScanReport report, IAnsiConsole console)
    {
        if (report.Warnings.Count == 0)
        {
            return;
        }

        console.WriteLine();
        console.Write(new Text($"Warnings ({report.Warnings.Count}):", new Style(Color.Yellow)));
        console.WriteLine();
        foreach (var warning in report.Warnings)
        {
            console.WriteLine($"  {ReportText.Clean(warning.ToString())}");
        }
    }

    private static Style SeverityStyle(Severity severity) => severity switch
    {
        Severity.Critical => new Style(Color.Red, decoration: Decoration.Bold),
        Severity.High => new Style(Color.Red),
        Severity.Medium => new Style(Color.Yellow),
        Severity.Low => new Style(Color.Blue),
        _ => new Style(Color.Grey),
    };
}
