using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Vigil.Gates.Abstractions;
using Vigil.Gates.Cache;
using Vigil.Gates.Policy;

namespace Vigil.Gates.Admission;

/// <summary>Registers the admission gate's services.</summary>
public static class AdmissionServiceCollectionExtensions
{
    /// <summary>
    /// Adds the admission gate. Register <see cref="IGateScanner"/>, <see cref="IDigestResolver"/> and
    /// <see cref="IFindingCache"/> first to use them; without a scanner, unscanned images are unknown; without a resolver,
    /// images referenced by tag are unknown; the default cache is in memory.
    /// </summary>
    public static IServiceCollection AddVigilAdmission(this IServiceCollection services, IPolicySource policies, Action<AdmissionOptions>? configure = null)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IFindingCache>(_ => new MemoryFindingCache());
        services.AddSingleton(policies);
        services.AddSingleton<PolicyEvaluator>();
        services.AddOptions<AdmissionOptions>().Configure(o => configure?.Invoke(o));
        if (services.Any(d => d.ServiceType == typeof(IGateScanner)))
        {
            services.TryAddSingleton<InlineScanCoordinator>();
        }

        services.AddSingleton<ImageVerdictSource>();
        services.AddSingleton<AdmissionReviewer>();
        return services;
    }

    /// <summary>The options as registered (for callers that configure the host from them).</summary>
    public static AdmissionOptions GetAdmissionOptions(this IServiceProvider services) =>
        services.GetRequiredService<IOptions<AdmissionOptions>>().Value;
}
