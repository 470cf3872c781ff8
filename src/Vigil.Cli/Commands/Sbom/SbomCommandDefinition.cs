using System.CommandLine;
using Vigil.Cli.Commands.Scan;

namespace Vigil.Cli.Commands.Sbom;

/// <summary><c>vigil sbom IMAGE|--input PATH</c>: the package inventory of an image as CycloneDX, SPDX, JSON or a table.</summary>
public static class SbomCommandDefinition
{
    /// <summary><c>--format</c>: cyclonedx (default), spdx, json or table.</summary>
    public static Option<string> Format { get; } = new("--format", "-f")
    {
        Description = "cyclonedx (CycloneDX 1.6 JSON), spdx (SPDX 2.3 JSON), json (Vigil's inventory) or table.",
        DefaultValueFactory = _ => "cyclonedx",
    };

    /// <summary>Creates the command.</summary>
    public static Command Create()
    {
        var image = new Argument<string?>("image") { Description = "Image reference; omit with --input.", Arity = ArgumentArity.ZeroOrOne };
        var command = new Command("sbom", "List the packages of an image as an SBOM (cached by digest).")
        {
            image, ScanCommandDefinition.Input, Format, ScanCommandOptions.Output, ScanCommandOptions.Platform, ScanCommandOptions.SkipCache,
        };
        command.Validators.Add(result =>
        {
            var hasImage = !string.IsNullOrWhiteSpace(result.GetValue(image));
            if (hasImage == !string.IsNullOrWhiteSpace(result.GetValue(ScanCommandDefinition.Input)))
            {
                result.AddError("Give either an image reference or --input PATH.");
            }

            if (result.GetValue(Format) is { } format && format is not ("cyclonedx" or "spdx" or "json" or "table"))
            {
                result.AddError($"Unknown SBOM format '{format}': expected cyclonedx, spdx, json or table.");
            }
        });
        command.SetAction((parseResult, cancellationToken) =>
            new SbomCommand(parseResult, parseResult.GetValue(ScanCommandDefinition.Input) ?? parseResult.GetValue(image)!).ExecuteAsync(cancellationToken));
        return command;
    }
}
