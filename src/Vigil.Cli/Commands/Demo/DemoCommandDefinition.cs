using System.CommandLine;

namespace Vigil.Cli.Commands.Demo;

/// <summary><c>vigil demo</c>: scans the bundled sample image against the bundled sample database, offline.</summary>
public static class DemoCommandDefinition
{
    /// <summary><c>--keep</c>: keep the generated layout and database for further commands.</summary>
    public static Option<DirectoryInfo?> Keep { get; } = new("--keep")
    {
        Description = "Write the sample image layout and database into this directory and keep them (default: a temporary directory, removed afterwards).",
    };

    /// <summary>Creates the command.</summary>
    public static Command Create()
    {
        var command = new Command("demo", "Scan a bundled sample image with a bundled sample vulnerability database: no network, no setup.") { Keep };
        command.SetAction((parseResult, cancellationToken) => new DemoCommand(parseResult).ExecuteAsync(cancellationToken));
        return command;
    }
}
