using System.Net;
using System.Net.Sockets;
using k8s;
using Microsoft.Extensions.DependencyInjection;
using Vigil.Core;
using Vigil.Kubernetes.Abstractions;
using Vigil.Kubernetes.Controllers;
using Vigil.Kubernetes.Hosting;
using Vigil.Kubernetes.Tests.Support;

namespace Vigil.Kubernetes.Tests.Hosting;

/// <summary>The whole process: hosted controller, leader election through a Lease, /metrics, /healthz, /readyz.</summary>
public sealed class ControllerHostTests
{
    [Fact]
    public async Task Two_replicas_elect_one_leader_and_serve_metrics_and_probes()
    {
        await using var h = await ControllerHarness.StartServerAsync();
        var nginx = SimulatedCluster.DigestOf("nginx");
        h.Engine.AddImage(nginx, "openssl");
        h.Engine.AddAdvisory("openssl", "CVE-1", Severity.Critical, "2");
        await using var first = await StartAsync(h, "replica-a");
        await using var second = await StartAsync(h, "replica-b");

        await h.Cluster.AddPodAsync("shop", "p", null, "node-amd", [("app", "nginx")]);
        await h.Cluster.StartPodAsync("shop", "p", [("app", $"nginx@{nginx}")]);
        await h.WaitUntilAsync(async () => (await h.Cluster.ReportsAsync("shop")).Count == 1, "report");

        var lease = await h.Client.CoordinationV1.ReadNamespacedLeaseAsync("vigil-controller", "vigil-system");
        Assert.Contains(lease.Spec.HolderIdentity, new[] { "replica-a", "replica-b" });
        Assert.Single(new[] { first, second }, r => r.Service.IsLeading);
        Assert.Equal(1, h.Engine.Scans);

        using var http = new HttpClient();
        foreach (var replica in new[] { first, second })
        {
            Assert.Equal("ok", await http.GetStringAsync(new Uri(replica.BaseAddress, "/healthz")));
            await h.WaitUntilAsync(async () => (await http.GetAsync(new Uri(replica.BaseAddress, "/readyz"))).StatusCode == HttpStatusCode.OK, "ready");
        }

        var leader = first.Service.IsLeading ? first : second;
        var metrics = await http.GetStringAsync(new Uri(leader.BaseAddress, "/metrics"));
        Assert.Contains("vigil_vulnerabilities{namespace=\"shop\",severity=\"CRITICAL\"} 1", metrics, StringComparison.Ordinal);
        Assert.Contains("vigil_scan_duration_seconds_count{result=\"success\"} 1", metrics, StringComparison.Ordinal);
        Assert.Contains("vigil_scan_queue_depth 0", metrics, StringComparison.Ordinal);
        Assert.Contains("vigil_database_age_seconds", metrics, StringComparison.Ordinal);
        Assert.Contains("vigil_workload_vulnerabilities{", metrics, StringComparison.Ordinal);
    }

    private static async Task<Replica> StartAsync(ControllerHarness h, string identity)
    {
        var port = FreePort();
        var app = ControllerHost.Build(h.Client, new IPEndPoint(IPAddress.Loopback, port), services =>
        {
            services.AddSingleton<IImageScanner>(h.Engine);
            services.AddSingleton<IFindingRematcher>(h.Engine);
            services.AddSingleton<IDatabaseVersionSource>(h.Engine);
            services.AddSingleton(Prometheus.Metrics.NewCustomRegistry());
            services.Configure<VigilControllerOptions>(o =>
            {
                o.DatabaseCheckInterval = TimeSpan.FromMilliseconds(100);
                o.PerWorkloadMetrics = true;
            });
            services.Configure<LeaderElectionOptions>(o =>
            {
                o.Identity = identity;
                o.LeaseDuration = TimeSpan.FromSeconds(3);
                o.RenewDeadline = TimeSpan.FromSeconds(2);
                o.RetryPeriod = TimeSpan.FromMilliseconds(200);
            });
        });
        await app.StartAsync();
        return new Replica(app, new Uri($"http://127.0.0.1:{port}/"));
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private sealed record Replica(Microsoft.AspNetCore.Builder.WebApplication App, Uri BaseAddress) : IAsyncDisposable
    {
        public ControllerHostedService Service => App.Services.GetRequiredService<ControllerHostedService>();

        public async ValueTask DisposeAsync()
        {
            await App.StopAsync();
            await App.DisposeAsync();
        }
    }
}
