using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Vigil.Gates.Abstractions;
using Vigil.Gates.Cache;
using Vigil.Gates.Policy;
using Vigil.Gates.Quarantine;

namespace Vigil.Gates.RegistryWebhook;

/// <summary>Registers the registry push gate: webhook authentication, queue, ingestion and the background worker.</summary>
public static class RegistryGateServiceCollectionExtensions
{
    /// <summary>
    /// Adds the push gate around an opened <paramref name="queue"/>. Register <see cref="IGateScanner"/> (required),
    /// <see cref="IRegistryPromoter"/>, <see cref="Notifications.INotificationPublisher"/> and <see cref="AcrQuarantineClient"/>
    /// (optional) as well.
    /// </summary>
    public static IServiceCollection AddVigilRegistryGate(
        this IServiceCollection services,
        PushEventQueue queue,
        IPolicySource policies,
        Action<RegistryWebhookOptions> configureWebhook,
        Action<PushGateOptions>? configureGate = null)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IFindingCache>(_ => new MemoryFindingCache());
        services.TryAddSingleton(policies);
        services.TryAddSingleton<PolicyEvaluator>();
        services.AddOptions<RegistryWebhookOptions>().Configure(configureWebhook);
        services.AddOptions<PushGateOptions>().Configure(o => configureGate?.Invoke(o));
        services.AddSingleton(queue);
        services.AddSingleton<PushGateSignal>();
        services.AddSingleton<WebhookAuthenticator>();
        services.AddSingleton<PushEventIngestor>();
        services.AddSingleton<PushGateProcessor>();
        services.AddHostedService(sp => sp.GetRequiredService<PushGateProcessor>());
        return services;
    }
}
