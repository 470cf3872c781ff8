using System.CommandLine;
using Vigil.Cli;
using Vigil.Cli.Commands.Cluster;
using Vigil.Cli.Commands.Controller;
using Vigil.Cli.Commands.Db;
using Vigil.Cli.Commands.Demo;
using Vigil.Cli.Commands.Gate;
using Vigil.Cli.Commands.Policy;
using Vigil.Cli.Commands.Sbom;
using Vigil.Cli.Commands.Scan;
using Vigil.Cli.Commands.Serve;
using Vigil.Cli.Infrastructure;

// The command tree only: each command lives in Commands/<Noun>/<Verb>/.
var root = new RootCommand("Vigil: which known vulnerabilities run in your cluster, where, and what to do about them.");
CommonOptions.AddTo(root);
root.Subcommands.Add(ScanCommandDefinition.Create());
root.Subcommands.Add(DemoCommandDefinition.Create());
root.Subcommands.Add(SbomCommandDefinition.Create());
root.Subcommands.Add(DbCommandDefinition.Create());
root.Subcommands.Add(PolicyCommandDefinition.Create());
if (NativeBuild.HasClusterCommands)
{
    root.Subcommands.Add(ServeCommandDefinition.Create());
    root.Subcommands.Add(ControllerCommandDefinition.Create());
    root.Subcommands.Add(ClusterCommandDefinition.Create());
    root.Subcommands.Add(GateCommandDefinition.Create());
}
else
{
    root.Subcommands.Add(NativeBuild.Unavailable("serve", "Serve the dashboard and JSON API."));
    root.Subcommands.Add(NativeBuild.Unavailable("controller", "Watch the cluster's pods and keep their vulnerability reports current."));
    root.Subcommands.Add(NativeBuild.Unavailable("cluster", "Scan every image running in a cluster once."));
    root.Subcommands.Add(NativeBuild.Unavailable("gate", "Run the admission or registry gate."));
}

var parseResult = EnvironmentOptionBinder.Parse(root, args, Environment.GetEnvironmentVariable);
if (parseResult.Errors.Count > 0)
{
    foreach (var error in parseResult.Errors)
    {
        await Console.Error.WriteLineAsync($"vigil: {error.Message}");
    }

    return ExitCodes.UsageError;
}

return await parseResult.InvokeAsync();
