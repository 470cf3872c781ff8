using Microsoft.Extensions.Logging.Abstractions;
using Vigil.Core;
using Vigil.Kubernetes.Cluster;
using Vigil.Kubernetes.Credentials;
using Vigil.Kubernetes.Owners;
using Vigil.Kubernetes.Tests.Support;

namespace Vigil.Kubernetes.Tests.Cluster;

public sealed class ClusterScannerTests
{
    [Fact]
    public async Task One_shot_scan_summarizes_per_workload_scanning_each_image_once()
    {
        await using var h = await ControllerHarness.StartServerAsync();
        var nginx = SimulatedCluster.DigestOf("nginx");
        var broken = SimulatedCluster.DigestOf("broken");
        h.Engine.AddImage(nginx, "openssl", "zlib");
        h.Engine.AddAdvisory("openssl", "CVE-1", Severity.Critical, "2");
        h.Engine.AddAdvisory("zlib", "CVE-2", Severity.Low);
        var (_, rs) = await h.Cluster.AddDeploymentAsync("shop", "web");
        foreach (var name in new[] { "web-1", "web-2" })
        {
            await h.Cluster.AddPodAsync("shop", name, rs, "node-amd", [("app", "nginx")]);
            await h.Cluster.StartPodAsync("shop", name, [("app", $"nginx@{nginx}")]);
        }

        await h.Cluster.AddPodAsync("other", "x", null, "node-amd", [("app", "broken")]);
        await h.Cluster.StartPodAsync("other", "x", [("app", $"broken@{broken}")]);
        await h.Cluster.AddPodAsync("shop", "pending", null, "node-amd", [("app", "nginx")]);
        var scanner = new ClusterScanner(h.Client, h.Engine, new OwnerResolver(h.Client, TimeProvider.System, NullLogger<OwnerResolver>.Instance),
            new NodePlatformResolver(h.Client, NullLogger<NodePlatformResolver>.Instance), new PullSecretResolver(h.Client, NullLogger<PullSecretResolver>.Instance), NullLogger<ClusterScanner>.Instance);

        var options = new ClusterScanOptions { Concurrency = 2 };
        options.Severities.Add(Severity.Critical);
        var rows = await scanner.ScanAsync(options, CancellationToken.None);

        Assert.Equal(2, rows.Count);
        var web = Assert.Single(rows, r => r.Workload.Kind == "Deployment");
        Assert.Equal((1, 1, 1), (web.Counts.Critical, web.Counts.Total, web.Fixable));
        Assert.Contains("manifest unknown", Assert.Single(rows, r => r.Error is not null).Error, StringComparison.Ordinal);
        Assert.Equal(2, h.Engine.Scans);
        Assert.Empty(await h.Cluster.ReportsAsync());
    }
}
