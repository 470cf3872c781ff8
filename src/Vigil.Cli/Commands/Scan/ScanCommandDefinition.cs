using System.CommandLine;

namespace Vigil.Cli.Commands.Scan;

/// <summary><c>vigil scan image|rootfs|sbom</c>: the options and subcommands; the behaviour is <see cref="ScanCommand"/>.</summary>
public static class ScanCommandDefinition
{
    /// <summary><c>--input</c>: an OCI layout (<c>DIR</c> or <c>DIR:TAG</c>), oci-archive or docker-archive instead of a registry reference.</summary>
    public static Option<string?> Input { get; } = new("--input", "-i")
    {
        Description = "Scan an OCI layout (DIR or DIR:TAG), an oci-archive or a docker-archive (docker save) instead of a registry image.",
    };

    /// <summary>Creates the <c>scan</c> command tree.</summary>
    public static Command Create()
    {
        var command = new Command("scan", "Scan an image, a root file system or an SBOM for known vulnerabilities.");
        command.Subcommands.Add(CreateImage());
        command.Subcommands.Add(CreateRootFs());
        command.Subcommands.Add(CreateSbom());
        return command;
    }

    private static Command CreateSbom()
    {
        var file = new Argument<string>("file") { Description = "CycloneDX or SPDX JSON SBOM (from Vigil, Trivy, Syft or any tool)." };
        var command = new Command("sbom", "Scan the packages listed in an SBOM file.") { file };
        AddShared(command);
        command.SetAction((parseResult, cancellationToken) =>
            new ScanCommand(parseResult, ScanTargetKind.Sbom, parseResult.GetValue(file)!).ExecuteAsync(cancellationToken));
        return command;
    }

    private static Command CreateImage()
    {
        var reference = new Argument<string?>("image")
        {
            Description = "Image reference (registry/repository:tag or @sha256:…); omit with --input.",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var command = new Command("image", "Scan a container image from a registry, an OCI layout or an image archive.") { reference, Input };
        AddShared(command);
        foreach (var option in RegistryScanOptions.All)
        {
            command.Options.Add(option);
        }

        command.Validators.Add(result =>
        {
            var hasReference = !string.IsNullOrWhiteSpace(result.GetValue(reference));
            var hasInput = !string.IsNullOrWhiteSpace(result.GetValue(Input));
            if (result.GetValue(reference) is { } value && value.StartsWith('-'))
            {
                // An unknown flag lands in the optional argument's slot; say what it is.
                result.AddError($"Unrecognized option '{value}'.");
            }
            else if (hasReference == hasInput)
            {
                result.AddError("Give either an image reference or --input PATH.");
            }
            else if (RegistryScanOptions.RegistryActionsGiven(result).ToList() is [_, ..] actions
                && (hasInput || !RegistryTarget.TryParse(result.GetValue(reference)!, out _)))
            {
                result.AddError($"{string.Join(" and ", actions)} {(actions.Count == 1 ? "applies" : "apply")} only to images in a registry, not to '{result.GetValue(Input) ?? result.GetValue(reference)}'.");
            }
        });
        command.SetAction((parseResult, cancellationToken) =>
        {
            var target = parseResult.GetValue(Input) ?? parseResult.GetValue(reference)!;
            return new ScanCommand(parseResult, ScanTargetKind.Image, target, fromInput: parseResult.GetValue(Input) is not null).ExecuteAsync(cancellationToken);
        });
        return command;
    }

    private static Command CreateRootFs()
    {
        var directory = new Argument<string>("dir") { Description = "Root file-system directory." };
        var command = new Command("rootfs", "Scan an unpacked root file system.") { directory };
        AddShared(command);
        command.SetAction((parseResult, cancellationToken) =>
            new ScanCommand(parseResult, ScanTargetKind.RootFileSystem, parseResult.GetValue(directory)!).ExecuteAsync(cancellationToken));
        return command;
    }

    private static void AddShared(Command command)
    {
        foreach (var option in ScanCommandOptions.All)
        {
            command.Options.Add(option);
        }
    }
}
