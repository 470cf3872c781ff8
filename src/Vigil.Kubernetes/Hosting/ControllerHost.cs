using System.Net;
using k8s;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Prometheus;

namespace Vigil.Kubernetes.Hosting;

/// <summary>
/// The controller process: the hosted controller plus an HTTP endpoint with <c>/metrics</c>, <c>/healthz</c> (alive)
/// and <c>/readyz</c> (a follower, or a leader whose first list is reconciled).
/// </summary>
public static class ControllerHost
{
    /// <summary>Builds the host. <paramref name="configureServices"/> registers the scanning ports and options.</summary>
    /// <param name="client">The API server client.</param>
    /// <param name="endpoint">Where to serve metrics and probes.</param>
    /// <param name="configureServices">Registers <see cref="Abstractions.IImageScanner"/>, <see cref="Abstractions.IFindingRematcher"/>, <see cref="Abstractions.IDatabaseVersionSource"/> and options.</param>
    /// <param name="configureLogging">Sets up logging.</param>
    public static WebApplication Build(IKubernetes client, IPEndPoint endpoint, Action<IServiceCollection> configureServices, Action<ILoggingBuilder>? configureLogging = null)
    {
        ArgumentNullException.ThrowIfNull(configureServices);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        configureLogging?.Invoke(builder.Logging);
        builder.WebHost.ConfigureKestrel(k => k.Listen(endpoint));
        builder.Services.AddSingleton(client);
        configureServices(builder.Services);
        builder.Services.AddVigilController();
        var app = builder.Build();
        var registry = app.Services.GetRequiredService<CollectorRegistry>();
        app.MapMetrics("/metrics", registry);
        app.MapGet("/healthz", () => Microsoft.AspNetCore.Http.Results.Text("ok"));
        app.MapGet("/readyz", (ControllerHostedService service) => service.IsReady ? Microsoft.AspNetCore.Http.Results.Text("ok") : Microsoft.AspNetCore.Http.Results.Text("not ready", statusCode: StatusCodes.Status503ServiceUnavailable));
        return app;
    }
}
