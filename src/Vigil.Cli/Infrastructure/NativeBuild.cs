using System.CommandLine;
using System.Runtime.CompilerServices;

namespace Vigil.Cli.Infrastructure;

/// <summary>
/// What the native (ahead-of-time compiled) CLI leaves out. The cluster-side commands run on KubernetesClient and ASP.NET
/// Core paths that generate code at run time, which a native binary cannot do; they ship in the JIT build (the container
/// image and <c>dotnet vigil.dll</c>). The native binary is the CI gate's: sbom, scan, db, policy and demo start in
/// milliseconds. Testing <see cref="RuntimeFeature.IsDynamicCodeSupported"/> lets the native compiler drop the rest.
/// </summary>
internal static class NativeBuild
{
    /// <summary>True in the JIT build, which carries every command.</summary>
    public static bool HasClusterCommands => RuntimeFeature.IsDynamicCodeSupported;

    /// <summary>
    /// Stands in for a cluster-side command in the native build, so that <c>vigil NAME</c> says where the command lives
    /// instead of "unrecognized command".
    /// </summary>
    public static Command Unavailable(string name, string description)
    {
        var command = new Command(name, description + " (not in this native build)") { TreatUnmatchedTokensAsErrors = false };
        command.SetAction(async (_, cancellationToken) =>
        {
            await Console.Error.WriteLineAsync(
                $"vigil: error: 'vigil {name}' is not part of the native CI binary; run it from the Vigil container image or the JIT build ('dotnet vigil.dll {name}').".AsMemory(),
                cancellationToken);
            return ExitCodes.UsageError;
        });
        return command;
    }
}
