using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Vigil.Analyzers.Abstractions;
using Vigil.Gates.Abstractions;
using Vigil.Scanning.Pipeline;
using Vigil.Scanning.Results;
using Vigil.Scanning.Sbom;

namespace Vigil.Gates.Cache;

/// <summary>Registers the admission finding cache over Vigil's own results (SBOM cache, results store).</summary>
public static class FindingCacheServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="LayeredFindingCache"/> as the <see cref="IFindingCache"/>: in-memory inline scans, then the SBOM
    /// cache re-matched (needs <see cref="ScanService"/>, as <c>AddVigilGateScanning</c> registers it), then the results
    /// store. Call before <c>AddVigilAdmission</c>.
    /// </summary>
    public static IServiceCollection AddVigilFindingSources(this IServiceCollection services, Action<FindingSourceOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        var settings = new FindingSourceOptions();
        configure(settings);
        services.AddOptions<FindingSourceOptions>().Configure(configure);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(_ => new MemoryFindingCache());
        if (settings.SbomCacheDirectory is { } directory)
        {
            services.AddOptions<SbomCacheOptions>().Configure(o => o.Directory = directory);
            services.TryAddSingleton<SbomCache>();
            services.TryAddSingleton<IInventoryCache>(sp => new AnalyzerAwareInventoryCache(sp.GetRequiredService<SbomCache>(), sp.GetServices<IPackageAnalyzer>()));
            services.AddSingleton<IFindingSource, SbomCacheFindingSource>();
        }

        if (settings.ResultsDatabasePath is { } database)
        {
            services.AddSqliteResultStore(o => o.DatabasePath = database);
            services.AddSingleton<IFindingSource>(sp => new ResultStoreFindingSource(sp.GetRequiredService<IResultReader>()));
        }

        services.AddSingleton<IFindingCache, LayeredFindingCache>();
        return services;
    }
}
