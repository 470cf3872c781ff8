using k8s;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Vigil.Gates.Policy;
using Vigil.Kubernetes.Abstractions;

namespace Vigil.Gates.Actions;

/// <summary>Registers the controller's policy actions.</summary>
public static class PolicyActionServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="PolicyActionObserver"/> as an <see cref="IReportObserver"/> of the controller, following the
    /// cluster-scoped VigilPolicy <paramref name="policyName"/> (no actions while it does not exist: they are opt-in).
    /// Needs <see cref="IKubernetes"/>.
    /// </summary>
    public static IServiceCollection AddVigilPolicyActions(this IServiceCollection services, string policyName = "default")
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<WorkloadActionOptions>();
        services.TryAddSingleton<PolicyEvaluator>();
        services.TryAddSingleton<WorkloadActionExecutor>();
        services.AddSingleton(sp => new KubernetesPolicySource(
            sp.GetRequiredService<IKubernetes>(),
            GatePolicy.Default,
            Options.Create(new KubernetesPolicySourceOptions { Name = policyName }),
            sp.GetRequiredService<Microsoft.Extensions.Logging.ILogger<KubernetesPolicySource>>()));
        services.AddSingleton<IHostedService>(sp => sp.GetRequiredService<KubernetesPolicySource>());
        services.AddSingleton<IReportObserver>(sp => new PolicyActionObserver(
            sp.GetRequiredService<KubernetesPolicySource>(),
            sp.GetRequiredService<PolicyEvaluator>(),
            sp.GetRequiredService<WorkloadActionExecutor>(),
            sp.GetRequiredService<Microsoft.Extensions.Logging.ILogger<PolicyActionObserver>>()));
        return services;
    }
}
