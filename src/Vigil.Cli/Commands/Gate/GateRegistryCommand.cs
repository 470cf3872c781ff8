using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Vigil.Cli.Infrastructure;
using Vigil.Gates.Adapters;
using Vigil.Gates.Hosting;
using Vigil.Gates.Notifications;
using Vigil.Gates.Policy;
using Vigil.Gates.Quarantine;
using Vigil.Gates.RegistryWebhook;

namespace Vigil.Cli.Commands.Gate;

/// <summary><c>vigil gate registry</c>: the push gate receiving registry webhooks.</summary>
public sealed class GateRegistryCommand(ParseResult parseResult)
{
    /// <summary>Serves until cancelled.</summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        if (await GateHosting.LoadPolicyAsync(parseResult, cancellationToken).ConfigureAwait(false) is not { } policy)
        {
            return ExitCodes.UsageError;
        }

        var token = SecretReader.Read("VIGIL_GATE_TOKEN");
        var hmac = SecretReader.Read("VIGIL_GATE_HMAC_SECRET");
        if (token is null && hmac is null)
        {
            await Console.Error.WriteLineAsync("vigil: set VIGIL_GATE_TOKEN or VIGIL_GATE_HMAC_SECRET (or their _FILE variants): the gate does not accept unauthenticated events.").ConfigureAwait(false);
            return ExitCodes.UsageError;
        }

        var cache = CliHost.CacheDirectory(parseResult);
        var queuePath = parseResult.GetValue(GateCommandDefinition.Queue)?.FullName ?? Path.Combine(cache.FullName, "gate", "push-queue.db");
        var timeProvider = TimeProvider.System;
        var queue = await PushEventQueue.OpenAsync(queuePath, timeProvider, cancellationToken).ConfigureAwait(false);
        var notificationOptions = NotificationServiceCollectionExtensions.FromEnvironment(new NotificationOptions
        {
            DailyDigest = parseResult.GetValue(GateCommandDefinition.DailyDigest),
            LedgerPath = Path.Combine(Path.GetDirectoryName(queuePath)!, "notifications.db"),
        });
        var ledger = await NotificationLedger.OpenAsync(notificationOptions.LedgerPath, cancellationToken).ConfigureAwait(false);

        Microsoft.AspNetCore.Builder.WebApplication app;
        try
        {
            var builder = GateHosting.CreateBuilder(parseResult, 8080);
            builder.Services.AddVigilGateScanning(VigilServices.DatabasePath(cache));
            builder.Services.AddVigilNotifications(notificationOptions, ledger);
            builder.Services.Configure<AcrQuarantineOptions>(o =>
            {
                o.Username = SecretReader.Read("VIGIL_ACR_USERNAME");
                o.Password = SecretReader.Read("VIGIL_ACR_PASSWORD");
            });
            builder.Services.AddHttpClient<AcrQuarantineClient>();
            builder.Services.AddVigilRegistryGate(queue, new StaticPolicySource(policy), o =>
            {
                o.BearerToken = token;
                o.HmacSecret = hmac;
                o.DefaultRegistry = parseResult.GetValue(GateCommandDefinition.DefaultRegistry);
            }, o =>
            {
                o.QueuePath = queuePath;
                o.ReleaseRepository = parseResult.GetValue(GateCommandDefinition.ReleaseRepository);
                o.DeleteFailed = parseResult.GetValue(GateCommandDefinition.DeleteFailed);
            });
            app = builder.Build();
            app.MapVigilRegistryWebhooks();
        }
        catch (Exception e) when (e is ArgumentException or IOException or System.Security.Cryptography.CryptographicException)
        {
            await Console.Error.WriteLineAsync($"vigil: {e.Message}").ConfigureAwait(false);
            return ExitCodes.UsageError;
        }

        return await GateHosting.RunAsync(app, cancellationToken).ConfigureAwait(false);
    }
}
