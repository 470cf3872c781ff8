using Microsoft.Extensions.DependencyInjection;
using Vigil.Analyzers;
using Vigil.Gates.Abstractions;
using Vigil.Oci;
using Vigil.Scanning.Matching;
using Vigil.Scanning.Pipeline;

namespace Vigil.Gates.Adapters;

/// <summary>Wires the gates' ports to the real engine: registry client, analyzers, matching against a database file.</summary>
public static class GateScanningServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="IGateScanner"/>, <see cref="IRegistryPromoter"/> and <see cref="IDigestResolver"/> backed by
    /// the scanning pipeline and the OCI registry client, matching against the database at <paramref name="databasePath"/>.
    /// </summary>
    public static IServiceCollection AddVigilGateScanning(this IServiceCollection services, string databasePath, Action<OciOptions>? configureOci = null)
    {
        services.AddVigilOci(configureOci);
        services.AddVigilAnalyzers();
        services.AddSingleton<Func<InventoryBuilder>>(sp => sp.GetRequiredService<InventoryBuilder>);
        services.AddSingleton<ImageInventoryService>();
        services.AddVigilMatching(databasePath);
        services.AddSingleton<ScanService>();
        services.AddSingleton<IGateScanner, ScanServiceGateScanner>();
        services.AddSingleton<IRegistryPromoter, OciRegistryPromoter>();
        services.AddSingleton<IDigestResolver, OciDigestResolver>();
        return services;
    }
}
