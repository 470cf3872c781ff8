using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Microsoft.Data.Sqlite;
using Vigil.Core;
using Vigil.Web;
using Vigil.Web.Tests.Seeding;

namespace Vigil.Benchmarks.Web;

/// <summary>
/// Every dashboard page over 1,000 workloads and 100,000 findings, served by Kestrel on loopback; the target is under
/// 300 ms each. Searches show pages of 50; the deep case is page 100 of libc6's ~7,800 hits. Run: <c>dotnet run -c Release --project bench/Vigil.Benchmarks -- --filter '*DashboardPage*'</c>.
/// </summary>
[Config(typeof(InProcessMonitoringConfig))]
public class DashboardPageBenchmarks
{
    // InProcess runs every case in this process: seed and start the server once, not once per case.
    private static readonly Lazy<Task<Server>> Shared = new(StartAsync);

    private HttpClient _client = null!;
    private Dictionary<string, string> _paths = [];

    [GlobalSetup]
    public void Setup()
    {
        var server = Shared.Value.GetAwaiter().GetResult();
        _client = server.Client;
        _paths = server.Paths;
    }

    [Benchmark]
    public Task<int> Overview() => GetAsync("overview");

    [Benchmark]
    public Task<int> Namespaces() => GetAsync("namespaces");

    [Benchmark]
    public Task<int> Namespace() => GetAsync("namespace");

    [Benchmark]
    public Task<int> Workload() => GetAsync("workload");

    [Benchmark]
    public Task<int> Image() => GetAsync("image");

    [Benchmark]
    public Task<int> SearchCve() => GetAsync("search-cve");

    [Benchmark]
    public Task<int> SearchPackage() => GetAsync("search-package");

    [Benchmark]
    public Task<int> SearchPackageDeepPage() => GetAsync("search-package-deep");

    [Benchmark]
    public Task<int> SearchImage() => GetAsync("search-image");

    [Benchmark]
    public Task<int> Suppressions() => GetAsync("suppressions");

    [Benchmark]
    public Task<int> ApiOverview() => GetAsync("api-overview");

    [Benchmark]
    public Task<int> ApiImage() => GetAsync("api-image");

    [Benchmark]
    public Task<int> ApiSearchPackage() => GetAsync("api-search-package");

    private async Task<int> GetAsync(string page)
    {
        using var response = await _client.GetAsync(new Uri(_paths[page], UriKind.Relative));
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadAsByteArrayAsync()).Length;
    }

    private static async Task<Server> StartAsync()
    {
        var directory = Path.Combine(Path.GetTempPath(), "vigil-bench-web-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        var database = Path.Combine(directory, "results.db");
        var seed = await ResultSeeder.SeedAsync(database, SeedOptions.Benchmark, CancellationToken.None);
        var app = VigilWebHost.Create(database, ["http://127.0.0.1:0"], logging: _ => { });
        await app.StartAsync();
        var client = new HttpClient { BaseAddress = new Uri(VigilWebHost.BoundAddresses(app).Single()) };
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            client.Dispose();
            app.StopAsync().GetAwaiter().GetResult();
            SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(directory, recursive: true);
            }
            catch (IOException)
            {
                // Best effort at exit.
            }
        };
        return new Server(client, PathsFor(seed));
    }

    /// <summary>The heaviest instance of each page: the biggest namespace, the worst workload, the image with most findings.</summary>
    public static Dictionary<string, string> PathsFor(SeedResult seed)
    {
        long Findings(IEnumerable<Digest> digests) => digests.Distinct().Sum(d => seed.Findings.TryGetValue(d, out var f) ? f.Count : 0);
        var worst = seed.Workloads.MaxBy(w => Findings(w.Containers.Select(c => c.Digest))).Workload.Key;
        var biggestNamespace = seed.Workloads.GroupBy(w => (w.Workload.Key.Cluster, w.Workload.Key.Namespace)).MaxBy(g => g.Count())!.Key;
        var biggestImage = seed.Findings.MaxBy(f => f.Value.Count).Key;
        return new Dictionary<string, string>
        {
            ["overview"] = "/",
            ["namespaces"] = "/namespaces",
            ["namespace"] = $"/namespaces/{biggestNamespace.Cluster}/{biggestNamespace.Namespace}",
            ["workload"] = $"/workloads/{worst.Cluster}/{worst.Namespace}/{worst.Kind}/{worst.Name}",
            ["image"] = "/images/" + biggestImage,
            ["search-cve"] = "/search?q=CVE-2023-44487",
            ["search-package"] = "/search?q=openssl",
            ["search-package-deep"] = "/search?q=libc6&page=100",
            ["search-image"] = "/search?q=docker.io/library",
            ["suppressions"] = "/suppressions?expired=1",
            ["api-overview"] = "/api/v1/overview",
            ["api-image"] = "/api/v1/images/" + biggestImage,
            ["api-search-package"] = "/api/v1/search?q=libc6&limit=50",
        };
    }

    private sealed record Server(HttpClient Client, Dictionary<string, string> Paths);

    /// <summary>One in-process job (no separate build), measured as single requests like a user's page load.</summary>
    private sealed class InProcessMonitoringConfig : ManualConfig
    {
        public InProcessMonitoringConfig()
        {
            AddJob(Job.Default
                .WithToolchain(InProcessEmitToolchain.Instance)
                .WithStrategy(RunStrategy.Monitoring)
                .WithLaunchCount(1)
                .WithWarmupCount(3)
                .WithIterationCount(20));
            AddDiagnoser(MemoryDiagnoser.Default);
        }
    }
}
