using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Vigil.Scanning.Results;

namespace Vigil.Web;

/// <summary>Builds the stand-alone dashboard server that <c>vigil serve</c> and the tests run.</summary>
public static class VigilWebHost
{
    /// <summary>The address used when none is configured: loopback only.</summary>
    public const string DefaultUrl = "http://127.0.0.1:8080";

    /// <summary>
    /// Creates the application over the results database at <paramref name="databasePath"/>, listening on
    /// <paramref name="urls"/> (use port 0 for a free port, then read <see cref="BoundAddresses"/> after start).
    /// </summary>
    public static WebApplication Create(
        string databasePath,
        IReadOnlyList<string> urls,
        Action<VigilWebOptions>? configure = null,
        Action<ILoggingBuilder>? logging = null,
        TimeProvider? timeProvider = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(databasePath);
        ArgumentNullException.ThrowIfNull(urls);
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [], ContentRootPath = AppContext.BaseDirectory });
        builder.WebHost.UseUrls(urls.Count == 0 ? [DefaultUrl] : [.. urls]);
        if (logging is not null)
        {
            builder.Logging.ClearProviders();
            logging(builder.Logging);
        }

        if (timeProvider is not null)
        {
            builder.Services.Replace(ServiceDescriptor.Singleton(timeProvider));
        }

        builder.Services.AddSqliteResultStore(o => o.DatabasePath = databasePath);
        builder.Services.AddVigilWeb(configure);
        var app = builder.Build();
        app.MapVigilWeb();
        return app;
    }

    /// <summary>The addresses the server actually listens on (after <c>StartAsync</c>).</summary>
    public static IReadOnlyList<string> BoundAddresses(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        return app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.ToList() ?? [];
    }
}
