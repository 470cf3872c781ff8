using System.CommandLine;
using Microsoft.AspNetCore.Builder;
using Vigil.Cli.Infrastructure;
using Vigil.Gates.Hosting;
using Vigil.Gates.Policy;

namespace Vigil.Cli.Commands.Gate;

/// <summary>What both gate commands share: reading the policy and running the host until Ctrl+C.</summary>
internal static class GateHosting
{
    public static async Task<GatePolicy?> LoadPolicyAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        if (parseResult.GetValue(GateCommandDefinition.PolicyFile) is not { } file)
        {
            return GatePolicy.Default;
        }

        var result = await PolicyParser.ParseFileAsync(file.FullName, cancellationToken).ConfigureAwait(false);
        if (result.Success)
        {
            return result.Policy;
        }

        foreach (var error in result.Errors)
        {
            await Console.Error.WriteLineAsync($"vigil: {file.Name}: {error}").ConfigureAwait(false);
        }

        return null;
    }

    public static WebApplicationBuilder CreateBuilder(ParseResult parseResult, int defaultPort) => GateWebHost.CreateBuilder(
        parseResult.GetValue(GateCommandDefinition.Address) ?? "0.0.0.0",
        parseResult.GetValue(GateCommandDefinition.Port) ?? defaultPort,
        parseResult.GetValue(GateCommandDefinition.TlsCert)?.FullName,
        parseResult.GetValue(GateCommandDefinition.TlsKey)?.FullName,
        CliHost.CreateLoggerFactory(parseResult));

    public static async Task<int> RunAsync(WebApplication app, CancellationToken cancellationToken)
    {
        await using (app.ConfigureAwait(false))
        {
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
            foreach (var address in GateWebHost.Addresses(app))
            {
                await Console.Error.WriteLineAsync($"vigil: gate listening on {address}").ConfigureAwait(false);
            }

            try
            {
                await Task.Delay(Timeout.Infinite, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // Ctrl+C: stop gracefully; unfinished queue work resumes at the next start.
            }

            await app.StopAsync(CancellationToken.None).ConfigureAwait(false);
        }

        return ExitCodes.Success;
    }
}
