using k8s;
using Vigil.Core;
using Vigil.Kubernetes.Tests.Support;
using Vigil.Scanning.Results;

namespace Vigil.Kubernetes.Tests.Controllers;

/// <summary>The controller keeps full findings and the workloads that run them in the results database the dashboard reads.</summary>
public sealed class ResultStoreIntegrationTests
{
    private static readonly Digest Nginx = SimulatedCluster.DigestOf("store-nginx");
    private static readonly Digest Busybox = SimulatedCluster.DigestOf("store-busybox");

    [Fact]
    public async Task Full_findings_live_in_the_results_store_and_deleted_pods_leave_it()
    {
        await using var h = await ControllerHarness.StartServerAsync();
        h.Engine.AddImage(Nginx, "openssl", "zlib", "curl");
        h.Engine.AddImage(Busybox, "busybox");
        h.Engine.AddAdvisory("openssl", "CVE-2024-0001", Severity.High, "3.0.1");
        h.Engine.AddAdvisory("zlib", "CVE-2024-0002", Severity.Low);
        h.StartController();
        var (_, replicaSet) = await h.Cluster.AddDeploymentAsync("shop", "web");
        await h.Cluster.AddPodAsync("shop", "web-a", replicaSet, "node-amd", [("app", "nginx")], [("setup", "busybox")]);
        await h.Cluster.StartPodAsync("shop", "web-a", [("app", $"docker.io/library/nginx@{Nginx}")], [("setup", $"docker.io/library/busybox@{Busybox}")]);
        await h.Cluster.AddPodAsync("jobs", "once", null, "node-amd", [("main", "busybox")]);
        await h.Cluster.StartPodAsync("jobs", "once", [("main", $"docker.io/library/busybox@{Busybox}")]);

        using var store = new SqliteResultStore(h.ResultsPath, TimeProvider.System);
        var web = new WorkloadKey("default", "shop", "Deployment", "web");
        await h.WaitUntilAsync(async () => (await store.GetWorkloadAsync(web, default))?.Containers.All(c => c.Scan is not null) == true
            && (await h.Cluster.ReportsAsync("shop")).Count == 2, "workload and findings in the store");

        // The workload with both containers, by digest, as the dashboard reads it.
        var detail = (await store.GetWorkloadAsync(web, default))!;
        Assert.Equal(["app", "setup"], detail.Containers.Select(c => c.Container.Name).Order(StringComparer.Ordinal));
        var app = detail.Containers.Single(c => c.Container.Name == "app");
        Assert.Equal(Nginx, app.Container.Digest);
        Assert.Equal("docker.io/library/nginx", app.Container.Repository);
        Assert.Equal(Platform.Parse("linux/amd64"), app.Container.Platform);
        Assert.True(detail.Containers.Single(c => c.Container.Name == "setup").Container.IsInit);
        Assert.Equal((1L, 1L), (app.Counts.High, app.Counts.Low));
        Assert.Equal($"db-{h.Engine.DatabaseGeneration}", app.Scan!.DatabaseVersion);
        Assert.Equal("debian 12", app.Scan.OperatingSystem);

        // Full findings, with what the custom resource leaves out.
        var findings = await store.GetFindingsAsync(Nginx, default);
        Assert.Equal(["CVE-2024-0001", "CVE-2024-0002"], findings.Select(f => f.Id).Order(StringComparer.Ordinal));
        Assert.Equal("3.0.1", findings.Single(f => f.Id == "CVE-2024-0001").FixedVersion);
        Assert.Equal("pkg:deb/debian/openssl@1.0", findings.Single(f => f.Id == "CVE-2024-0001").Purl);

        // The custom resource holds the summary and links to the full report in the JSON API.
        var report = (await h.Cluster.ReportsAsync("shop")).Single(r => r.Spec.Container == "app");
        Assert.Equal(2, report.Report.Summary.Total);
        Assert.Equal($"https://vigil.example.com/api/v1/images/{Uri.EscapeDataString(Nginx.ToString())}?platform=linux%2Famd64", report.Report.ReportUrl);

        // A database update: the store gains the CVE from the cached inventory, no scan; the trend has a point.
        var scans = h.Engine.Scans;
        h.Engine.AddAdvisory("curl", "CVE-2025-1234", Severity.Critical, "8.0");
        await h.WaitUntilAsync(async () => (await store.GetFindingsAsync(Nginx, default)).Any(f => f.Id == "CVE-2025-1234"), "new CVE in the store");
        Assert.Equal(scans, h.Engine.Scans);
        Assert.Equal(1, (await store.GetWorkloadAsync(web, default))!.Counts.Critical);
        await h.WaitUntilAsync(async () => (await store.GetTrendAsync(new TrendScope(Workload: web), DateTimeOffset.UnixEpoch, default)).Any(p => p.Counts.Critical == 1), "trend snapshot");

        // Pods deleted: their workloads no longer run anything; the image's findings stay for other users.
        await h.Client.CoreV1.DeleteNamespacedPodAsync("web-a", "shop");
        await h.WaitUntilAsync(async () => await store.GetWorkloadAsync(web, default) is null, "web gone from the store");
        var bare = new WorkloadKey("default", "jobs", "Pod", "once");
        Assert.NotNull(await store.GetWorkloadAsync(bare, default));
        Assert.NotNull(await store.GetImageScanAsync(Busybox, default));
        await h.Client.CoreV1.DeleteNamespacedPodAsync("once", "jobs");
        await h.WaitUntilAsync(async () => await store.GetWorkloadAsync(bare, default) is null, "bare pod gone from the store");
        Assert.Empty(await store.GetNamespacesAsync(default));
        Assert.Empty(h.Server.Faults);
    }

    [Fact]
    public async Task Workloads_left_from_an_earlier_run_are_removed_after_the_first_list()
    {
        await using var h = await ControllerHarness.StartServerAsync();
        h.Engine.AddImage(Nginx, "openssl");
        using (var earlier = new SqliteResultStore(h.ResultsPath, TimeProvider.System))
        {
            await earlier.UpsertWorkloadAsync(
                new Workload(new WorkloadKey("default", "old", "Deployment", "gone"), new Dictionary<string, string>()),
                [new WorkloadContainer("app", "nginx", "docker.io/library/nginx", Nginx)],
                default);
        }

        await h.Cluster.AddPodAsync("shop", "still-here", null, "node-amd", [("app", "nginx")]);
        await h.Cluster.StartPodAsync("shop", "still-here", [("app", $"docker.io/library/nginx@{Nginx}")]);
        h.StartController();

        using var store = new SqliteResultStore(h.ResultsPath, TimeProvider.System);
        await h.WaitUntilAsync(async () => await store.GetWorkloadAsync(new WorkloadKey("default", "old", "Deployment", "gone"), default) is null, "stale workload removed");
        await h.WaitUntilAsync(async () => await store.GetWorkloadAsync(new WorkloadKey("default", "shop", "Pod", "still-here"), default) is not null, "running pod recorded");
    }

    [Fact]
    public async Task Each_platform_of_a_multi_platform_image_keeps_its_own_findings()
    {
        await using var h = await ControllerHarness.StartServerAsync();
        var index = SimulatedCluster.DigestOf("store-multi-index");
        var amd = SimulatedCluster.DigestOf("store-multi-amd64");
        var arm = SimulatedCluster.DigestOf("store-multi-arm64");
        h.Engine.AddPlatformImage(index, Platform.Parse("linux/amd64"), amd, "openssl");
        h.Engine.AddPlatformImage(index, Platform.Parse("linux/arm64"), arm, "openssl", "zlib");
        h.Engine.AddAdvisory("openssl", "CVE-2024-0001", Severity.High, "3.0.1");
        h.Engine.AddAdvisory("zlib", "CVE-2024-0002", Severity.Critical);
        h.StartController();
        await h.Cluster.AddPodAsync("shop", "on-amd", null, "node-amd", [("app", "multi")]);
        await h.Cluster.StartPodAsync("shop", "on-amd", [("app", $"docker.io/library/multi@{index}")]);
        await h.Cluster.AddPodAsync("shop", "on-arm", null, "node-arm", [("app", "multi")]);
        await h.Cluster.StartPodAsync("shop", "on-arm", [("app", $"docker.io/library/multi@{index}")]);

        await h.WaitUntilAsync(async () => (await h.Cluster.ReportsAsync("shop")).Count == 2, "a report per platform");
        using var store = new SqliteResultStore(h.ResultsPath, TimeProvider.System);
        await h.WaitUntilAsync(async () => (await store.GetFindingsAsync(arm, default)).Count == 2 && (await store.GetFindingsAsync(amd, default)).Count == 1, "findings per platform manifest");

        // The custom resources and the store agree per platform: zlib's critical CVE exists only on arm64.
        var reports = await h.Cluster.ReportsAsync("shop");
        Assert.Equal([0, 1], reports.Select(r => r.Report.Summary.Critical).Order());
        var onArm = (await store.GetWorkloadAsync(new WorkloadKey("default", "shop", "Pod", "on-arm"), default))!;
        Assert.Equal(arm, Assert.Single(onArm.Containers).Container.Digest);
        Assert.Equal(1L, onArm.Counts.Critical);
        var onAmd = (await store.GetWorkloadAsync(new WorkloadKey("default", "shop", "Pod", "on-amd"), default))!;
        Assert.Equal(amd, Assert.Single(onAmd.Containers).Container.Digest);
        Assert.Equal(0L, onAmd.Counts.Critical);
    }
}
