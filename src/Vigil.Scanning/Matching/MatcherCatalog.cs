using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Vigil.Scanning.Matching.Generic;
using Vigil.Scanning.Matching.Go;
using Vigil.Scanning.Matching.Os;
using Vigil.VulnDb.Index;
using Vigil.VulnDb.Storage;
using Vigil.VulnDb.Storage.Sqlite;

namespace Vigil.Scanning.Matching;

/// <summary>The one list of built-in matchers, and their registration.</summary>
public static class MatcherCatalog
{
    /// <summary>Every built-in matcher; a new ecosystem adds one line here.</summary>
    public static IReadOnlyList<IVulnerabilityMatcher> CreateDefault() =>
    [
        new DebianMatcher(),
        new UbuntuMatcher(),
        new AlpineMatcher(),
        new GoMatcher(),
        new GenericMatcher(),
    ];

    /// <summary>
    /// Registers the SQLite advisory store at <paramref name="databasePath"/>, the cached <see cref="IAdvisoryIndex"/>, the
    /// built-in matchers and <see cref="VulnerabilityMatcher"/>, all singletons.
    /// </summary>
    public static IServiceCollection AddVigilMatching(this IServiceCollection services, string databasePath)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IAdvisoryStore>(sp => new SqliteAdvisoryStore(databasePath, sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton<IAdvisoryIndex>(sp => new AdvisoryIndex(sp.GetRequiredService<IAdvisoryStore>(), null, sp.GetRequiredService<TimeProvider>()));
        foreach (var matcher in CreateDefault())
        {
            services.AddSingleton(matcher);
        }

        services.TryAddSingleton<VulnerabilityMatcher>();
        return services;
    }
}
