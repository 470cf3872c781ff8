using System.CommandLine;
using Vigil.Cli.Infrastructure;
using Vigil.Gates.Adapters;
using Vigil.Gates.Admission;
using Vigil.Gates.Cache;
using Vigil.Gates.Policy;

namespace Vigil.Cli.Commands.Gate;

/// <summary><c>vigil gate admission</c>: the ValidatingAdmissionWebhook server.</summary>
public sealed class GateAdmissionCommand(ParseResult parseResult)
{
    /// <summary>Serves until cancelled.</summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        if (await GateHosting.LoadPolicyAsync(parseResult, cancellationToken).ConfigureAwait(false) is not { } policy)
        {
            return ExitCodes.UsageError;
        }

        var budgetText = parseResult.GetValue(GateCommandDefinition.Budget);
        if (!DurationText.TryParse(budgetText, out var budget) || budget <= TimeSpan.Zero || budget > TimeSpan.FromSeconds(30))
        {
            await Console.Error.WriteLineAsync($"vigil: --budget '{budgetText}' is not a duration between 1s and 30s.").ConfigureAwait(false);
            return ExitCodes.UsageError;
        }

        Microsoft.AspNetCore.Builder.WebApplication app;
        try
        {
            var builder = GateHosting.CreateBuilder(parseResult, 8443);
            var cache = CliHost.CacheDirectory(parseResult);
            builder.Services.AddVigilGateScanning(VigilServices.DatabasePath(cache));

            // Decide from what Vigil already computed: cached SBOMs re-matched, then the controller's results store.
            var results = parseResult.GetValue(GateCommandDefinition.ResultsDatabase)?.FullName;
            if (results is not null && !File.Exists(results))
            {
                await Console.Error.WriteLineAsync($"vigil: --results-db '{results}' does not exist.").ConfigureAwait(false);
                return ExitCodes.UsageError;
            }

            var defaultResults = Path.Combine(cache.FullName, "results.db");
            builder.Services.AddVigilFindingSources(o =>
            {
                o.SbomCacheDirectory = VigilServices.SbomCachePath(cache);
                o.ResultsDatabasePath = results ?? (File.Exists(defaultResults) ? defaultResults : null);
            });
            var policies = PolicySources.Create(builder.Services, parseResult, policy);
            var ignored = parseResult.GetValue(GateCommandDefinition.IgnoreNamespace);
            builder.Services.AddVigilAdmission(policies, o =>
            {
                o.Budget = budget;
                if (ignored is { Length: > 0 })
                {
                    o.IgnoredNamespaces.Clear();
                    foreach (var ns in ignored)
                    {
                        o.IgnoredNamespaces.Add(ns);
                    }
                }
            });
            app = builder.Build();
            app.MapVigilAdmission();
        }
        catch (Exception e) when (e is ArgumentException or IOException or System.Security.Cryptography.CryptographicException)
        {
            await Console.Error.WriteLineAsync($"vigil: {e.Message}").ConfigureAwait(false);
            return ExitCodes.UsageError;
        }

        return await GateHosting.RunAsync(app, cancellationToken).ConfigureAwait(false);
    }
}
