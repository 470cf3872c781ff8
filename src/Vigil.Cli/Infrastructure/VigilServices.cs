using System.CommandLine;
using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Vigil.Analyzers;
using Vigil.Oci;
using Vigil.Scanning.Matching;
using Vigil.Scanning.Pipeline;
using Vigil.Scanning.Sbom;
using Vigil.VulnDb.Storage;
using Vigil.VulnDb.Storage.Sqlite;

namespace Vigil.Cli.Infrastructure;

/// <summary>
/// The CLI's composition root: one service provider per command run, built from the parsed common options, so every
/// command (scan, sbom, db, controller) uses the same database and SBOM cache.
/// </summary>
public static class VigilServices
{
    /// <summary>The vulnerability database file under a cache directory.</summary>
    public static string DatabasePath(DirectoryInfo cacheDirectory) =>
        Path.Combine(cacheDirectory.FullName, "db", "vigil.db");

    /// <summary>The SBOM cache directory under a cache directory.</summary>
    public static string SbomCachePath(DirectoryInfo cacheDirectory) =>
        Path.Combine(cacheDirectory.FullName, "sbom");

    /// <summary>
    /// Builds the provider; <paramref name="configureOci"/> applies command options such as <c>--platform</c>, and
    /// <paramref name="configureServices"/> replaces services (command-line registry credentials) after the defaults.
    /// </summary>
    public static ServiceProvider Build(
        ParseResult parseResult,
        Action<OciOptions>? configureOci = null,
        DirectoryInfo? cacheDirectory = null,
        Action<IServiceCollection>? configureServices = null)
    {
        ArgumentNullException.ThrowIfNull(parseResult);
        var cache = cacheDirectory ?? CliHost.CacheDirectory(parseResult);
        var services = new ServiceCollection();
        var loggerFactory = CliHost.CreateLoggerFactory(parseResult);
        services.AddSingleton(loggerFactory);
        services.AddSingleton(typeof(ILogger<>), typeof(Logger<>));
        services.AddSingleton(TimeProvider.System);

        services.AddVigilOci(o => configureOci?.Invoke(o));
        services.AddVigilAnalyzers();
        services.AddSingleton<Func<InventoryBuilder>>(sp => sp.GetRequiredService<InventoryBuilder>);
        services.AddSingleton<ImageInventoryService>();

        services.AddSingleton<IAdvisoryStore>(sp =>
        {
            var path = DatabasePath(cache);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            return new SqliteAdvisoryStore(path, sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<SqliteAdvisoryStore>>());
        });
        services.AddVigilMatching(DatabasePath(cache));
        services.AddOptions<SbomCacheOptions>().Configure(o => o.Directory = SbomCachePath(cache));
        services.AddSingleton<SbomCache>();
        services.AddSingleton<IInventoryCache, AnalyzerAwareInventoryCache>();
        services.AddSingleton<ScanService>();
        configureServices?.Invoke(services);
        return services.BuildServiceProvider();
    }

    /// <summary>Options from a provider, for code that needs the values rather than the wrapper.</summary>
    public static T OptionsOf<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicParameterlessConstructor)] T>(IServiceProvider services)
        where T : class => services.GetRequiredService<IOptions<T>>().Value;
}
