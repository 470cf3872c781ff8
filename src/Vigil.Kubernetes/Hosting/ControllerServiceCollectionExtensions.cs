using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Prometheus;
using Vigil.Kubernetes.Abstractions;
using Vigil.Kubernetes.Controllers;
using Vigil.Kubernetes.Credentials;
using Vigil.Kubernetes.Metrics;
using Vigil.Kubernetes.Owners;
using Vigil.Kubernetes.Results;
using Vigil.Scanning.Results;
using Vigil.Scanning.Sbom;

namespace Vigil.Kubernetes.Hosting;

/// <summary>Registers the runtime controller. The host must also register <c>IKubernetes</c> and the scanning ports.</summary>
public static class ControllerServiceCollectionExtensions
{
    /// <summary>
    /// Adds the controller and its parts. Required from the caller: <c>IKubernetes</c>, <see cref="IImageScanner"/>,
    /// <see cref="IFindingRematcher"/>, <see cref="IDatabaseVersionSource"/>. <see cref="IReportStore"/> defaults to
    /// <see cref="InMemoryReportStore"/>, the metrics registry to Prometheus' default one.
    /// </summary>
    public static IServiceCollection AddVigilController(this IServiceCollection services)
    {
        services.AddOptions<VigilControllerOptions>();
        services.AddOptions<LeaderElectionOptions>();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IReportStore, InMemoryReportStore>();
        services.TryAddSingleton(Prometheus.Metrics.DefaultRegistry);
        services.TryAddSingleton(sp => new ControllerMetrics(sp.GetRequiredService<CollectorRegistry>(), sp.GetRequiredService<IOptions<VigilControllerOptions>>().Value.PerWorkloadMetrics));
        services.TryAddSingleton<OwnerResolver>();
        services.TryAddSingleton<NodePlatformResolver>();
        services.TryAddSingleton<PullSecretResolver>();
        services.TryAddSingleton<ReportPublisher>();
        services.TryAddSingleton<VulnerabilityController>();
        services.TryAddSingleton<ControllerRunner>();
        services.TryAddSingleton<ControllerHostedService>();
        services.AddHostedService(sp => sp.GetRequiredService<ControllerHostedService>());
        return services;
    }

    /// <summary>
    /// Keeps full results in Vigil's results database at <paramref name="resultsPath"/> (what <c>vigil serve</c> reads)
    /// and inventories in the SBOM cache at <paramref name="sbomDirectory"/>, instead of process memory. Call before
    /// <see cref="AddVigilController"/>.
    /// </summary>
    public static IServiceCollection AddVigilResultStore(this IServiceCollection services, string resultsPath, string sbomDirectory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(resultsPath);
        ArgumentException.ThrowIfNullOrWhiteSpace(sbomDirectory);
        services.AddSqliteResultStore(o => o.DatabasePath = resultsPath);
        services.AddOptions<SbomCacheOptions>().Configure(o => o.Directory = sbomDirectory);
        services.TryAddSingleton<SbomCache>();
        services.AddSingleton<IReportStore, ResultStoreReportStore>();
        return services;
    }
}
