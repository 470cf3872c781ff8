using System.CommandLine;
using System.Runtime.CompilerServices;
using Vigil.Cli.Infrastructure;

namespace Vigil.Cli.Tests;

/// <summary>The native CLI's stand-ins for cluster-side commands: a clear message and a usage exit code.</summary>
public sealed class NativeBuildTests
{
    [Fact]
    public void The_jit_build_carries_the_cluster_side_commands()
    {
        // The tests run on the JIT: if this flipped, the JIT build would lose `controller`, `serve` and the gates.
        Assert.True(RuntimeFeature.IsDynamicCodeSupported);
        Assert.True(NativeBuild.HasClusterCommands);
    }

    [Fact]
    public async Task A_cluster_side_command_in_the_native_build_says_where_it_lives_and_exits_2()
    {
        var root = new RootCommand { NativeBuild.Unavailable("controller", "Watch the cluster.") };
        var error = new StringWriter();
        var original = Console.Error;
        Console.SetError(error);
        int exitCode;
        try
        {
            exitCode = await root.Parse(["controller", "--kubeconfig", "/tmp/kubeconfig"]).InvokeAsync();
        }
        finally
        {
            Console.SetError(original);
        }

        Assert.Equal(ExitCodes.UsageError, exitCode);
        Assert.Contains("'vigil controller' is not part of the native CI binary", error.ToString(), StringComparison.Ordinal);
        Assert.Contains("dotnet vigil.dll controller", error.ToString(), StringComparison.Ordinal);
        Assert.EndsWith("(not in this native build)", root.Subcommands.Single().Description, StringComparison.Ordinal);
    }
}
