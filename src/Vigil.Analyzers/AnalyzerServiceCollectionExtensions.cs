using Microsoft.Extensions.DependencyInjection;
using Vigil.Analyzers.Abstractions;

namespace Vigil.Analyzers;

/// <summary>Registers the package analyzers.</summary>
public static class AnalyzerServiceCollectionExtensions
{
    /// <summary>
    /// Adds every analyzer of <see cref="AnalyzerCatalog"/> as a singleton <see cref="IPackageAnalyzer"/>, and
    /// <see cref="InventoryBuilder"/> as transient (one per scan).
    /// </summary>
    public static IServiceCollection AddVigilAnalyzers(this IServiceCollection services, Action<InventoryBuilderOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        foreach (var analyzer in AnalyzerCatalog.CreateAll())
        {
            services.AddSingleton(analyzer);
        }

        var options = new InventoryBuilderOptions();
        configure?.Invoke(options);
        services.AddSingleton(options);
        services.AddTransient(sp => new InventoryBuilder(sp.GetServices<IPackageAnalyzer>(), sp.GetRequiredService<InventoryBuilderOptions>()));
        return services;
    }
}
