using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;
using Vigil.Cli.Commands.Scan;
using Vigil.Cli.Infrastructure;
using Vigil.Reporting;
using Vigil.Reporting.Filtering;
using Vigil.Scanning.Pipeline;
using Vigil.VulnDb.Osv;
using Vigil.VulnDb.Storage;

namespace Vigil.Cli.Commands.Demo;

/// <summary>
/// Builds the sample OCI image and OSV database from the files embedded in the CLI, then runs the same pipeline as
/// <c>vigil scan image --input</c> and explains where to go next.
/// </summary>
public sealed class DemoCommand
{
    private readonly ParseResult parseResult;

    /// <summary>Creates the command for one parsed command line.</summary>
    public DemoCommand(ParseResult parseResult) => this.parseResult = parseResult;

    /// <summary>Runs the demo; returns the exit code.</summary>
    public Task<int> ExecuteAsync(CancellationToken cancellationToken) =>
        CommandRunner.RunAsync(timeout: null, RunAsync, Console.Error, cancellationToken);

    private async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var keep = parseResult.GetValue(DemoCommandDefinition.Keep);
        var work = keep ?? new DirectoryInfo(Path.Combine(Path.GetTempPath(), "vigil-demo-" + Guid.NewGuid().ToString("N")[..8]));
        work.Create();
        try
        {
            return await RunInAsync(work, keep is not null, cancellationToken);
        }
        finally
        {
            if (keep is null)
            {
                work.Delete(recursive: true);
            }
        }
    }

    private async Task<int> RunInAsync(DirectoryInfo work, bool kept, CancellationToken cancellationToken)
    {
        var layout = Path.Combine(work.FullName, "image");
        var osv = Path.Combine(work.FullName, "osv");
        Directory.CreateDirectory(layout);
        Directory.CreateDirectory(osv);
        var manifest = await DemoImageBuilder.WriteLayoutAsync(DemoSample.Layers(), layout, cancellationToken);
        foreach (var (name, content) in DemoSample.OsvRecords())
        {
            await File.WriteAllBytesAsync(Path.Combine(osv, name), content, cancellationToken);
        }

        var cacheDirectory = new DirectoryInfo(Path.Combine(work.FullName, "cache"));
        await using var services = VigilServices.Build(parseResult, cacheDirectory: cacheDirectory);
        var store = services.GetRequiredService<IAdvisoryStore>();
        var imported = await store.ImportAsync(
            new ImportRequest("demo", ImportMode.Replace) { Location = "samples/demo/osv" },
            OsvDocumentReader.ReadPathAsync(osv, cancellationToken),
            cancellationToken);

        var input = $"{layout}:{DemoImageBuilder.Tag}";
        var outcome = await services.GetRequiredService<ScanService>().ScanImageAsync(input, new ScanRequestOptions(), progress: null, cancellationToken);
        var timeProvider = services.GetRequiredService<TimeProvider>();
        var filtered = new FindingFilter(timeProvider).Apply(outcome.Findings, outcome.Inventory.Artifact, new FindingFilterOptions());
        var database = new DatabaseInfo(imported.Version.SchemaVersion.ToString(System.Globalization.CultureInfo.InvariantCulture), imported.Version.Fingerprint, imported.Version.UpdatedAt) { Source = "bundled demo records" };
        var report = ScanReport.Create(outcome.Inventory with { Warnings = [] }, filtered, timeProvider, database, outcome.Warnings);

        var console = AnsiConsole.Console;
        if (Console.IsOutputRedirected)
        {
            // Redirected output has no terminal width; do not wrap sentences at 80 columns.
            console.Profile.Width = 160;
        }

        console.MarkupLine($"[bold]Vigil demo[/]: a 3-layer Debian 12 image with Node.js, Python and .NET packages ([grey]{manifest.Short}[/]),");
        console.MarkupLine($"scanned against {imported.Stored} bundled OSV records ({imported.Withdrawn} withdrawn, ignored). No network was used.");
        console.WriteLine();
        await ReportEmitter.Create(["table"], output: null).WriteAsync(report, cancellationToken);
        console.WriteLine();
        console.MarkupLine("[bold]Next steps[/]");
        console.MarkupLine("  • Real data:      [blue]vigil db update[/]  (or [blue]vigil db import osv-all.zip[/] where there is no internet)");
        console.MarkupLine("  • Your images:    [blue]vigil scan image registry.example.com/app:1.2 --severity HIGH+ --exit-code 1[/]");
        console.MarkupLine("  • CI reports:     [blue]--format table --format sarif=vigil.sarif --format junit=vigil.xml[/]");
        console.MarkupLine("  • Your cluster:   [blue]vigil cluster scan[/] once, or deploy the controller from [blue]deploy/[/]");
        if (kept)
        {
            console.MarkupLine($"  • The sample is kept in [blue]{Markup.Escape(work.FullName)}[/]: try [blue]vigil scan image --input {Markup.Escape(input)} --cache-dir {Markup.Escape(cacheDirectory.FullName)} --format json[/]");
        }

        return ExitCodes.Success;
    }
}
