using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Vigil.Scanning.Results;

/// <summary>Registers the SQLite results store.</summary>
public static class ResultStoreServiceCollectionExtensions
{
    /// <summary>
    /// Adds one <see cref="SqliteResultStore"/> as <see cref="IResultStore"/>, <see cref="IResultReader"/> and
    /// <see cref="IResultWriter"/>, and <see cref="TimeProvider.System"/> unless a time provider is registered.
    /// </summary>
    public static IServiceCollection AddSqliteResultStore(this IServiceCollection services, Action<SqliteResultStoreOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.Configure(configure);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<SqliteResultStore>();
        services.TryAddSingleton<IResultStore>(sp => sp.GetRequiredService<SqliteResultStore>());
        services.TryAddSingleton<IResultReader>(sp => sp.GetRequiredService<SqliteResultStore>());
        services.TryAddSingleton<IResultWriter>(sp => sp.GetRequiredService<SqliteResultStore>());
        return services;
    }
}
