using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;
using Vigil.Cli.Commands.Scan;
using Vigil.Cli.Infrastructure;
using Vigil.Core;
using Vigil.Reporting;
using Vigil.Reporting.Sbom;
using Vigil.Scanning.Pipeline;
using Vigil.Scanning.Sbom;

namespace Vigil.Cli.Commands.Sbom;

/// <summary>The behaviour of <c>vigil sbom</c>: inventory the image (or take it from the SBOM cache) and write it.</summary>
public sealed class SbomCommand
{
    private readonly ParseResult parseResult;
    private readonly string input;

    /// <summary>Creates the command for one parsed command line.</summary>
    public SbomCommand(ParseResult parseResult, string input)
    {
        this.parseResult = parseResult;
        this.input = input;
    }

    /// <summary>Runs the command; returns the exit code.</summary>
    public Task<int> ExecuteAsync(CancellationToken cancellationToken) =>
        CommandRunner.RunAsync(timeout: null, RunAsync, Console.Error, cancellationToken);

    private async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var platform = ScanCommandOptions.ParsePlatform(parseResult.GetValue(ScanCommandOptions.Platform));
        await using var services = VigilServices.Build(parseResult, oci =>
        {
            if (platform is not null)
            {
                oci.Platform = platform;
            }
        });
        var cache = services.GetRequiredService<IInventoryCache>();
        var refresh = parseResult.GetValue(ScanCommandOptions.SkipCache);
        var images = services.GetRequiredService<ImageInventoryService>();
        var show = LayerProgressDisplay.ShouldShow(parseResult.GetValue(CommonOptions.Quiet));
        var result = await LayerProgressDisplay.RunAsync(show, "layer", progress => images.InventoryAsync(input, cache, progress, cancellationToken, refresh));

        var output = parseResult.GetValue(ScanCommandOptions.Output);
        await using var stream = output is null ? Console.OpenStandardOutput() : File.Create(output.FullName);
        await WriteAsync(result.Inventory, stream, cancellationToken);
        await stream.FlushAsync(cancellationToken);
        return ExitCodes.Success;
    }

    private async Task WriteAsync(Inventory inventory, Stream stream, CancellationToken cancellationToken)
    {
        var toolVersion = new ScanReport { Inventory = inventory }.ToolVersion;
        switch (parseResult.GetValue(SbomCommandDefinition.Format))
        {
            case "spdx":
                await SpdxWriter.WriteAsync(stream, inventory, toolVersion, cancellationToken);
                break;
            case "json":
                await InventoryJson.SerializeAsync(stream, inventory, cancellationToken);
                break;
            case "table":
                WriteTable(inventory, stream);
                break;
            default:
                await CycloneDxWriter.WriteAsync(stream, inventory, findings: null, toolVersion, cancellationToken);
                break;
        }
    }

    private static void WriteTable(Inventory inventory, Stream stream)
    {
        using var writer = new StreamWriter(stream, leaveOpen: true);
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
        });
        console.Profile.Width = 160;
        var table = new Table().AddColumns("Type", "Ecosystem", "Name", "Version", "Source", "Path");
        foreach (var package in inventory.Packages)
        {
            table.AddRow(
                package.Type == PackageType.Os ? "os" : "library",
                Markup.Escape(package.Ecosystem.ToString()),
                Markup.Escape(package.Name),
                Markup.Escape(package.Version),
                Markup.Escape(package.SourceName is null ? string.Empty : $"{package.SourceName} {package.SourceVersion}".Trim()),
                Markup.Escape(package.FilePath ?? string.Empty));
        }

        console.MarkupLine($"{Markup.Escape(inventory.Artifact.Name)} · {Markup.Escape(inventory.Os?.PrettyName ?? "no OS detected")} · {inventory.Packages.Count} packages");
        console.Write(table);
    }
}
