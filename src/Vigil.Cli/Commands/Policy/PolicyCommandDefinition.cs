using System.CommandLine;

namespace Vigil.Cli.Commands.Policy;

/// <summary>The <c>vigil policy</c> commands: <c>check</c> validates policy files, <c>test</c> explains a verdict.</summary>
public static class PolicyCommandDefinition
{
    /// <summary><c>check FILE…</c>: the policy files to validate.</summary>
    public static Argument<FileInfo[]> Files { get; } = new("file")
    {
        Description = "Policy files (YAML) or VigilPolicy manifests.",
        Arity = ArgumentArity.OneOrMore,
    };

    /// <summary><c>test IMAGE</c>: the image to decide.</summary>
    public static Argument<string> Image { get; } = new("image")
    {
        Description = "Image to scan and decide (registry reference, oci:, oci-archive:, docker-archive:).",
    };

    /// <summary><c>--policy</c>: the policy to apply (default: the built-in cautious policy).</summary>
    public static Option<FileInfo?> PolicyFile { get; } = new("--policy")
    {
        Description = "Policy file to apply (default: enforce, maxSeverity medium, unknownImage deny).",
    };

    /// <summary><c>--namespace</c>: the namespace of the workload, for exemptions.</summary>
    public static Option<string?> Namespace { get; } = new("--namespace")
    {
        Description = "Namespace the workload would run in (exemptions by namespace).",
    };

    /// <summary><c>--label</c>: workload labels, for exemptions.</summary>
    public static Option<string[]> Labels { get; } = new("--label")
    {
        Description = "Workload label key=value (repeatable; exemptions by label).",
        AllowMultipleArgumentsPerToken = true,
    };

    /// <summary>Creates the <c>policy</c> command.</summary>
    public static Command Create()
    {
        var check = new Command("check", "Validate policy files; errors name their line and column. Exit code 1 when any file is invalid.") { Files };
        check.SetAction((parseResult, cancellationToken) => new PolicyCheckCommand(parseResult).RunAsync(Console.Out, cancellationToken));

        var test = new Command("test", "Scan an image and explain the policy's verdict: every blocking finding, and why each other one did not block. Exit code 1 when denied.")
        {
            Image,
            PolicyFile,
            Namespace,
            Labels,
        };
        test.SetAction((parseResult, cancellationToken) => new PolicyTestCommand(parseResult).RunAsync(Console.Out, cancellationToken));

        return new Command("policy", "Gate policies: validate them and test images against them.") { check, test };
    }
}
