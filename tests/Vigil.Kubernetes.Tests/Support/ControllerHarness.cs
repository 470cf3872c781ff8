using k8s;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Prometheus;
using Vigil.Kubernetes.Abstractions;
using Vigil.Kubernetes.Controllers;
using Vigil.Kubernetes.Hosting;
using Vigil.Testing.FakeKube;

namespace Vigil.Kubernetes.Tests.Support;

/// <summary>The real controller, wired as in production, against the fake API server and the fake engine.</summary>
internal sealed class ControllerHarness : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private ServiceProvider _services = null!;
    private Task _running = Task.CompletedTask;

    public FakeKubeApiServer Server { get; private set; } = null!;

    public k8s.Kubernetes Client { get; private set; } = null!;

    public SimulatedCluster Cluster { get; private set; } = null!;

    public FakeEngine Engine { get; } = new();

    public CollectorRegistry Registry { get; } = Prometheus.Metrics.NewCustomRegistry();

    /// <summary>The controller's cache directory: results database and SBOM cache, deleted with the harness.</summary>
    public DirectoryInfo CacheDirectory { get; } = Directory.CreateTempSubdirectory("vigil-controller-");

    /// <summary>The results database the controller writes (what <c>vigil serve</c> reads).</summary>
    public string ResultsPath => Path.Combine(CacheDirectory.FullName, "results.db");

    public VulnerabilityController Controller => _services.GetRequiredService<VulnerabilityController>();

    public ControllerRunner Runner => _services.GetRequiredService<ControllerRunner>();

    public IServiceProvider Services => _services;

    public static async Task<ControllerHarness> StartServerAsync(FakeKubeApiServerOptions? serverOptions = null)
    {
        var harness = new ControllerHarness
        {
            Server = await FakeKubeApiServer.StartAsync(serverOptions ?? new FakeKubeApiServerOptions { BookmarkInterval = TimeSpan.FromMilliseconds(200) }),
        };
        harness.Client = new k8s.Kubernetes(new KubernetesClientConfiguration { Host = harness.Server.BaseAddress.ToString() });
        harness.Cluster = new SimulatedCluster(harness.Client);
        await harness.Cluster.InstallCrdAsync();
        await harness.Cluster.AddNodeAsync("node-amd", "amd64");
        await harness.Cluster.AddNodeAsync("node-arm", "arm64");
        return harness;
    }

    public void StartController(Action<VigilControllerOptions>? configure = null, LogLevel logLevel = LogLevel.Warning, Action<IServiceCollection>? configureServices = null)
    {
        var services = new ServiceCollection();
        services.AddLogging(b => b.SetMinimumLevel(logLevel).AddSimpleConsole(o => o.SingleLine = true));
        services.AddSingleton<IKubernetes>(Client);
        services.AddSingleton<IImageScanner>(Engine);
        services.AddSingleton<IFindingRematcher>(Engine);
        services.AddSingleton<IDatabaseVersionSource>(Engine);
        services.AddSingleton(Registry);
        services.Configure<VigilControllerOptions>(o =>
        {
            o.Concurrency = 2;
            o.DatabaseCheckInterval = TimeSpan.FromMilliseconds(100);
            o.ReconnectDelay = TimeSpan.FromMilliseconds(50);
            o.RetryDelay = TimeSpan.FromMilliseconds(100);
            o.ReportBaseUrl = new Uri("https://vigil.example.com/");
            configure?.Invoke(o);
        });
        services.AddVigilResultStore(ResultsPath, Path.Combine(CacheDirectory.FullName, "sbom"));
        configureServices?.Invoke(services);
        services.AddVigilController();
        _services = services.BuildServiceProvider();
        _running = Task.Run(() => Runner.RunAsync(_stop.Token));
    }

    /// <summary>Stops the controller and releases everything it holds; the fake API server keeps running.</summary>
    public async Task StopControllerAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _running;
        }
        catch (OperationCanceledException)
        {
        }

        await _services.DisposeAsync();
        _services = null!;
        _running = Task.CompletedTask;
    }

    public async Task WaitUntilAsync(Func<Task<bool>> condition, string what, int seconds = 20)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (!await condition())
        {
            if (_running.IsFaulted)
            {
                await _running;
            }

            Assert.True(DateTime.UtcNow < deadline, $"timed out waiting for: {what}; faults: {string.Join("; ", Server.Faults)}");
            await Task.Delay(25);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _running;
        }
        catch (OperationCanceledException)
        {
        }

        if (_services is not null)
        {
            await _services.DisposeAsync();
        }

        Client.Dispose();
        await Server.DisposeAsync();
        _stop.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        CacheDirectory.Delete(recursive: true);
    }
}
