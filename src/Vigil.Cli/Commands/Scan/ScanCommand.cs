using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Vigil.Cli.Infrastructure;
using Vigil.Core;
using Vigil.Reporting;
using Vigil.Reporting.Filtering;
using Vigil.Reporting.Sbom;
using Vigil.Scanning.Pipeline;
using Vigil.VulnDb.Storage;

namespace Vigil.Cli.Commands.Scan;

/// <summary>
/// The behaviour behind <c>vigil scan image|rootfs|sbom</c>: inventory, match, filter, report, and the gate's exit code.
/// </summary>
public sealed class ScanCommand
{
    private readonly ParseResult parseResult;
    private readonly ScanTargetKind kind;
    private readonly string target;
    private readonly bool fromInput;

    /// <summary>Creates the command for one parsed command line.</summary>
    /// <param name="parseResult">The parsed command line.</param>
    /// <param name="kind">What is scanned.</param>
    /// <param name="target">The image reference or path, root file system or SBOM file.</param>
    /// <param name="fromInput">Whether an image came from <c>--input</c> (never a registry).</param>
    public ScanCommand(ParseResult parseResult, ScanTargetKind kind, string target, bool fromInput = false)
    {
        this.parseResult = parseResult;
        this.kind = kind;
        this.target = target;
        this.fromInput = fromInput;
    }

    /// <summary>Runs the scan and returns the process exit code.</summary>
    public Task<int> ExecuteAsync(CancellationToken cancellationToken) =>
        CommandRunner.RunAsync(parseResult.GetValue(ScanCommandOptions.Timeout), RunAsync, Console.Error, cancellationToken);

    private async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var started = TimeProvider.System.GetTimestamp();
        var emitter = ReportEmitter.Create(parseResult.GetValue(ScanCommandOptions.Format) ?? ["table"], parseResult.GetValue(ScanCommandOptions.Output));
        var (filterOptions, filterWarnings) = await FilterOptionsBinder.BindAsync(parseResult, cancellationToken);
        var platform = ScanCommandOptions.ParsePlatform(parseResult.GetValue(ScanCommandOptions.Platform));
        var registry = kind == ScanTargetKind.Image ? await RegistryScan.BindAsync(parseResult, target, fromInput, cancellationToken) : null;

        await using var services = VigilServices.Build(
            parseResult,
            oci =>
            {
                if (platform is not null)
                {
                    oci.Platform = platform;
                }

                registry?.ConfigureOci(oci);
            },
            configureServices: registry is null ? null : registry.ConfigureServices);
        var logger = services.GetRequiredService<ILogger<ScanCommand>>();
        var store = services.GetRequiredService<IAdvisoryStore>();
        await EnsureDatabaseAsync(store, cancellationToken);

        var scanner = services.GetRequiredService<ScanService>();
        var request = new ScanRequestOptions { SkipCache = parseResult.GetValue(ScanCommandOptions.SkipCache) };
        var outcome = kind switch
        {
            ScanTargetKind.Sbom => await scanner.ScanInventoryAsync(await ReadSbomAsync(target, cancellationToken), cancellationToken),
            ScanTargetKind.RootFileSystem => await ScanImageAsync(scanner, RootFileSystemInput(target), request, cancellationToken),
            _ => await ScanImageAsync(scanner, registry is null ? target : await registry.PrepareAsync(services, started, target, cancellationToken), request, cancellationToken),
        };

        var timeProvider = services.GetRequiredService<TimeProvider>();
        var filtered = new FindingFilter(timeProvider).Apply(outcome.Findings, outcome.Inventory.Artifact, filterOptions);
        var database = new DatabaseInfo(outcome.Database.SchemaVersion.ToString(System.Globalization.CultureInfo.InvariantCulture), outcome.Database.Fingerprint, outcome.Database.UpdatedAt);
        var report = ScanReport.Create(outcome.Inventory with { Warnings = [] }, filtered, timeProvider, database, [.. outcome.Warnings, .. filterWarnings]);
        await emitter.WriteAsync(report, cancellationToken);

        logger.LogInformation(
            "Scanned {Target}: {Packages} packages, {Findings} findings ({Suppressed} suppressed), database {Database}",
            outcome.Inventory.Artifact.Name, outcome.Inventory.Packages.Count, filtered.Kept.Count, filtered.Suppressed.Count, outcome.Database.Short);

        if (registry is not null)
        {
            // After the reports: a failed delete is an error of its own, the findings are already written.
            await registry.DeleteIfFailedAsync(services, filtered.Kept.Count, cancellationToken);
        }

        var exitCode = parseResult.GetValue(ScanCommandOptions.ExitCode);
        return filtered.Kept.Count > 0 && exitCode != 0 ? exitCode : ExitCodes.Success;
    }

    private async Task<ScanOutcome> ScanImageAsync(ScanService scanner, string input, ScanRequestOptions request, CancellationToken cancellationToken)
    {
        var show = LayerProgressDisplay.ShouldShow(parseResult.GetValue(CommonOptions.Quiet));
        return await LayerProgressDisplay.RunAsync(show, "layer", progress => scanner.ScanImageAsync(input, request, progress, cancellationToken));
    }

    private static async Task<Inventory> ReadSbomAsync(string path, CancellationToken cancellationToken)
    {
        if (!File.Exists(path))
        {
            throw new CommandException($"SBOM file '{path}' does not exist.");
        }

        await using var stream = File.OpenRead(path);
        return await SbomReader.ReadAsync(stream, Path.GetFileName(path), cancellationToken);
    }

    private static string RootFileSystemInput(string directory) =>
        Directory.Exists(directory)
            ? "dir:" + Path.GetFullPath(directory)
            : throw new CommandException($"Root file system '{directory}' is not a directory.");

    private static async Task EnsureDatabaseAsync(IAdvisoryStore store, CancellationToken cancellationToken)
    {
        var version = await store.GetVersionAsync(cancellationToken);
        if (version.AdvisoryCount == 0)
        {
            throw new CommandException("The vulnerability database is empty: run 'vigil db update' (online) or 'vigil db import PATH' first (or 'vigil demo' to try Vigil offline).");
        }
    }
}
