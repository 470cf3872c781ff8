using System.CommandLine;
using Vigil.Cli;
using Vigil.Cli.Commands.Demo;
using Vigil.Cli.Commands.Scan;
using Vigil.Cli.Infrastructure;

// The command tree only: each command lives in Commands/<Noun>/<Verb>/.
var root = new RootCommand("Vigil: which known vulnerabilities run in your cluster, where, and what to do about them.");
CommonOptions.AddTo(root);
root.Subcommands.Add(ScanCommandDefinition.Create());
root.Subcommands.Add(DemoCommandDefinition.Create());
root.Subcommands.Add(Vigil.Cli.Commands.Serve.ServeCommandDefinition.Create());
root.Subcommands.Add(Vigil.Cli.Commands.Db.DbCommandDefinition.Create());
root.Subcommands.Add(Vigil.Cli.Commands.Controller.ControllerCommandDefinition.Create());
root.Subcommands.Add(Vigil.Cli.Commands.Cluster.ClusterCommandDefinition.Create());
root.Subcommands.Add(Vigil.Cli.Commands.Gate.GateCommandDefinition.Create());
root.Subcommands.Add(Vigil.Cli.Commands.Policy.PolicyCommandDefinition.Create());

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
