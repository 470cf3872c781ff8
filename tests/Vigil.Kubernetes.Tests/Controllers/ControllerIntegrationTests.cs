using k8s;
using k8s.Models;
using Vigil.Core;
using Vigil.Kubernetes.Tests.Support;

namespace Vigil.Kubernetes.Tests.Controllers;

/// <summary>The real controller driven through the fake API server: pods come and go, watches break, history expires.</summary>
public sealed class ControllerIntegrationTests
{
    private static readonly Digest Nginx = SimulatedCluster.DigestOf("nginx");
    private static readonly Digest Busybox = SimulatedCluster.DigestOf("busybox");
    private static readonly Digest Redis = SimulatedCluster.DigestOf("redis");
    private static readonly Digest Nginx2 = SimulatedCluster.DigestOf("nginx-2");

    [Fact]
    public async Task Pods_become_reports_and_a_database_change_updates_them_without_rescanning()
    {
        await using var h = await ControllerHarness.StartServerAsync();
        h.Engine.AddImage(Nginx, "openssl", "zlib");
        h.Engine.AddImage(Busybox, "busybox");
        h.Engine.AddAdvisory("openssl", "CVE-2024-0001", Severity.High, "3.0.1");
        h.Engine.AddAdvisory("zlib", "CVE-2024-0002", Severity.Low);
        h.StartController();
        var (deployment, replicaSet) = await h.Cluster.AddDeploymentAsync("shop", "web");

        // Two replicas with an init container; the kubelet has not reported digests yet.
        foreach (var pod in new[] { "web-5d4f8-a", "web-5d4f8-b" })
        {
            await h.Cluster.AddPodAsync("shop", pod, replicaSet, "node-amd", [("app", "nginx:1.27")], [("setup", "busybox")]);
        }

        await Task.Delay(300);
        Assert.Empty(await h.Cluster.ReportsAsync());
        Assert.Equal(0, h.Engine.Scans);

        foreach (var pod in new[] { "web-5d4f8-a", "web-5d4f8-b" })
        {
            await h.Cluster.StartPodAsync("shop", pod, [("app", $"docker.io/library/nginx@{Nginx}")], [("setup", $"docker-pullable://busybox@{Busybox}")]);
        }

        await h.WaitUntilAsync(async () => (await h.Cluster.ReportsAsync("shop")).Count == 2, "two reports");
        var reports = await h.Cluster.ReportsAsync("shop");
        var app = Assert.Single(reports, r => r.Spec.Container == "app");
        Assert.Equal("Deployment", app.Spec.Workload.Kind);
        Assert.Equal("web", app.Spec.Workload.Name);
        Assert.Equal(deployment.Metadata.Uid, Assert.Single(app.Metadata.OwnerReferences).Uid);
        Assert.Equal("docker.io/library/nginx", app.Spec.Repository);
        Assert.Equal(Nginx.ToString(), app.Spec.Digest);
        Assert.Equal("linux/amd64", app.Spec.Platform);
        Assert.Equal((1, 1, 2, 1), (app.Report.Summary.High, app.Report.Summary.Low, app.Report.Summary.Total, app.Report.Fixable.Total));
        Assert.StartsWith("https://vigil.example.com/api/v1/images/sha256", app.Report.ReportUrl, StringComparison.Ordinal);
        Assert.Equal("initContainer", Assert.Single(reports, r => r.Spec.Container == "setup").Spec.ContainerType);
        Assert.Equal(2, h.Engine.Scans);

        // A new advisory: re-matched from the cached inventory, no image scanned again.
        h.Engine.AddAdvisory("openssl", "CVE-2025-9999", Severity.Critical, "3.0.2");
        await h.WaitUntilAsync(async () => (await h.Cluster.ReportsAsync("shop")).Single(r => r.Spec.Container == "app").Report.Summary.Critical == 1, "critical after re-match");
        app = (await h.Cluster.ReportsAsync("shop")).Single(r => r.Spec.Container == "app");
        Assert.Equal("CVE-2025-9999", app.Report.TopFindings[0].Id);
        Assert.Equal($"db-{h.Engine.DatabaseGeneration}", app.Report.DatabaseVersion);
        Assert.Equal(2, h.Engine.Scans);
        Assert.True(h.Engine.Rematches >= 2);

        // Events on the workload for new critical/high findings.
        var events = await h.Client.CoreV1.ListNamespacedEventAsync("shop");
        Assert.Contains(events.Items, e => e.InvolvedObject.Uid == deployment.Metadata.Uid && e.Reason == "VulnerabilitiesFound" && e.Message.Contains("CVE-2025-9999", StringComparison.Ordinal));
        Assert.Contains(events.Items, e => e.Message.Contains("CVE-2024-0001", StringComparison.Ordinal));

        // Deleting the workload garbage-collects its reports through the owner reference.
        await h.Client.AppsV1.DeleteNamespacedDeploymentAsync("web", "shop");
        await h.WaitUntilAsync(async () => (await h.Cluster.ReportsAsync("shop")).Count == 0, "reports collected");
        await h.WaitUntilAsync(() => Task.FromResult(h.Controller.PodCount == 0), "pods forgotten");
        Assert.Empty(h.Server.Faults);
    }

    [Fact]
    public async Task Dropped_watches_and_410_Gone_lose_nothing_and_repeat_nothing()
    {
        await using var h = await ControllerHarness.StartServerAsync(new Vigil.Testing.FakeKube.FakeKubeApiServerOptions { BookmarkInterval = TimeSpan.Zero, HistoryCapacity = 1000 });
        h.Engine.AddImage(Nginx, "openssl");
        h.Engine.AddImage(Redis, "redis");
        h.Engine.AddImage(Busybox, "busybox");
        h.Engine.AddAdvisory("redis", "CVE-2023-1", Severity.Medium);
        h.StartController(o => o.ReconnectDelay = TimeSpan.FromMilliseconds(700));
        await h.WaitUntilAsync(() => Task.FromResult(h.Runner.Synced), "first list");

        await h.Cluster.AddPodAsync("a", "solo", null, "node-amd", [("app", "nginx")]);
        await h.Cluster.StartPodAsync("a", "solo", [("app", $"docker.io/library/nginx@{Nginx}")]);
        await h.WaitUntilAsync(async () => (await h.Cluster.ReportsAsync("a")).Count == 1, "bare pod report");

        // The connection breaks mid-stream; changes made meanwhile still arrive once the watch resumes.
        Assert.True(h.Server.DropWatches() >= 1);
        await h.Cluster.AddPodAsync("a", "cache", null, "node-arm", [("redis", "redis:7")]);
        await h.Cluster.StartPodAsync("a", "cache", [("redis", $"docker.io/library/redis@{Redis}")]);
        await h.WaitUntilAsync(async () => (await h.Cluster.ReportsAsync("a")).Count == 2, "report after drop");
        var cache = (await h.Cluster.ReportsAsync("a")).Single(r => r.Spec.Container == "redis");
        Assert.Equal("linux/arm64", cache.Spec.Platform);
        Assert.EndsWith("-arm64", cache.Metadata.Name, StringComparison.Ordinal);
        Assert.Equal(1, cache.Report.Summary.Medium);

        // History compacted while disconnected: the resume point is gone (410), the controller relists.
        await h.WaitUntilAsync(() => Task.FromResult(h.Server.OpenWatches == 1), "watch resumed");
        var listsBefore = h.Server.CountRequests(r => r.Path == "/api/v1/pods" && !r.IsWatch);
        h.Server.DropWatches();
        await h.Client.CoreV1.DeleteNamespacedPodAsync("solo", "a");
        await h.Cluster.AddPodAsync("b", "tool", null, "node-amd", [("sh", "busybox")]);
        await h.Cluster.StartPodAsync("b", "tool", [("sh", $"busybox@{Busybox}")]);
        h.Server.CompactHistory();
        await h.WaitUntilAsync(async () => (await h.Cluster.ReportsAsync("b")).Count == 1, "report after relist");
        await h.WaitUntilAsync(() => Task.FromResult(h.Controller.PodCount == 2), "deleted pod forgotten after relist");
        Assert.True(h.Server.CountRequests(r => r.Path == "/api/v1/pods" && !r.IsWatch) > listsBefore);

        // Each image was scanned exactly once, however often pods were seen again.
        Assert.Equal(3, h.Engine.Scans);
        Assert.Equal(3, h.Engine.Requests.Select(r => r.Key).Distinct().Count());
        Assert.Empty(h.Server.Faults);
    }

    [Fact]
    public async Task A_new_image_replaces_the_old_report_only_after_the_new_one_exists()
    {
        await using var h = await ControllerHarness.StartServerAsync();
        h.Engine.AddImage(Nginx, "openssl");
        h.Engine.AddImage(Nginx2, "openssl");
        var gate = new TaskCompletionSource();
        h.StartController();
        var (_, rs1) = await h.Cluster.AddDeploymentAsync("shop", "web", "aaaa");
        await h.Cluster.AddPodAsync("shop", "web-aaaa-1", rs1, "node-amd", [("app", "nginx")]);
        await h.Cluster.StartPodAsync("shop", "web-aaaa-1", [("app", $"nginx@{Nginx}")]);
        await h.WaitUntilAsync(async () => (await h.Cluster.ReportsAsync("shop")).Count == 1, "first report");
        var deployment = await h.Client.AppsV1.ReadNamespacedDeploymentAsync("web", "shop");

        // Rollout: a new ReplicaSet with the new image; the old pod goes away before the new image is scanned.
        h.Engine.BeforeScan = _ => gate.Task;
        var rs2 = await h.Client.AppsV1.CreateNamespacedReplicaSetAsync(new V1ReplicaSet
        {
            Metadata = new V1ObjectMeta { Name = "web-bbbb", OwnerReferences = [new V1OwnerReference { ApiVersion = "apps/v1", Kind = "Deployment", Name = "web", Uid = deployment.Metadata.Uid, Controller = true }] },
            Spec = new V1ReplicaSetSpec { Selector = new V1LabelSelector(), Template = new V1PodTemplateSpec() },
        }, "shop");
        await h.Cluster.AddPodAsync("shop", "web-bbbb-1", rs2, "node-amd", [("app", "nginx")]);
        await h.Cluster.StartPodAsync("shop", "web-bbbb-1", [("app", $"nginx@{Nginx2}")]);
        await h.Client.CoreV1.DeleteNamespacedPodAsync("web-aaaa-1", "shop");
        await h.WaitUntilAsync(() => Task.FromResult(h.Controller.PodCount == 1), "old pod gone");
        Assert.Equal(Nginx.ToString(), Assert.Single(await h.Cluster.ReportsAsync("shop")).Spec.Digest);

        gate.SetResult();
        await h.WaitUntilAsync(async () => (await h.Cluster.ReportsAsync("shop")) is [{ } only] && only.Spec.Digest == Nginx2.ToString(), "replacement report");
    }

    [Fact]
    public async Task Annotations_filter_and_skip_and_the_controller_s_own_image_is_not_reported()
    {
        await using var h = await ControllerHarness.StartServerAsync();
        h.Engine.AddImage(Nginx, "openssl", "zlib");
        h.Engine.AddImage(Redis, "redis");
        h.Engine.AddImage(Busybox, "busybox");
        h.Engine.AddAdvisory("openssl", "CVE-1", Severity.High, "2");
        h.Engine.AddAdvisory("zlib", "CVE-2", Severity.Critical);
        h.Engine.AddAdvisory("openssl", "CVE-3", Severity.Medium, "2");
        h.StartController(o => o.ExcludedDigests.Add(Busybox.ToString()));

        await h.Cluster.AddPodAsync("ns", "filtered", null, "node-amd", [("app", "nginx")],
            annotations: new Dictionary<string, string> { ["vigil.dev/ignore-unfixed"] = "true", ["vigil.dev/ignore"] = " cve-3 ,," });
        await h.Cluster.StartPodAsync("ns", "filtered", [("app", $"nginx@{Nginx}")]);
        await h.Cluster.AddPodAsync("ns", "skipped", null, "node-amd", [("app", "redis")], annotations: new Dictionary<string, string> { ["vigil.dev/skip"] = "true" });
        await h.Cluster.StartPodAsync("ns", "skipped", [("app", $"redis@{Redis}")]);
        await h.Cluster.AddPodAsync("ns", "vigil", null, "node-amd", [("controller", "vigil")]);
        await h.Cluster.StartPodAsync("ns", "vigil", [("controller", $"ghcr.io/vigil/vigil@{Busybox}")]);
        await h.Cluster.AddPodAsync("ns", "hostile", null, "node-amd", [("app", "nginx")], annotations: new Dictionary<string, string> { ["vigil.dev/ignore-unfixed"] = "maybe" });
        await h.Cluster.StartPodAsync("ns", "hostile", [("app", "not-a-digest@sha256:xyz")]);

        await h.WaitUntilAsync(async () => (await h.Cluster.ReportsAsync("ns")).Count == 1, "one report");
        await Task.Delay(300);
        var report = Assert.Single(await h.Cluster.ReportsAsync("ns"));
        Assert.Equal("filtered", report.Spec.Workload.Name);
        Assert.Equal(["CVE-1"], report.Report.TopFindings.Select(f => f.Id));
        Assert.Equal(1, h.Engine.Scans);
    }

    [Fact]
    public async Task Pull_secrets_of_the_pod_and_its_service_account_reach_the_scanner()
    {
        await using var h = await ControllerHarness.StartServerAsync();
        h.Engine.AddImage(Nginx, "openssl");
        var config = """{"auths":{"registry.example.com":{"auth":"dXNlcjpwYXNz"}}}"""u8.ToArray();
        await h.Client.CoreV1.CreateNamespacedSecretAsync(new V1Secret { Metadata = new V1ObjectMeta { Name = "pod-pull" }, Type = "kubernetes.io/dockerconfigjson", Data = new Dictionary<string, byte[]> { [".dockerconfigjson"] = config } }, "ns");
        await h.Client.CoreV1.CreateNamespacedSecretAsync(new V1Secret { Metadata = new V1ObjectMeta { Name = "sa-pull" }, Type = "kubernetes.io/dockercfg", Data = new Dictionary<string, byte[]> { [".dockercfg"] = """{"old.example.com":{"auth":"eDp5"}}"""u8.ToArray() } }, "ns");
        await h.Client.CoreV1.CreateNamespacedServiceAccountAsync(new V1ServiceAccount { Metadata = new V1ObjectMeta { Name = "default" }, ImagePullSecrets = [new V1LocalObjectReference { Name = "sa-pull" }, new V1LocalObjectReference { Name = "missing" }] }, "ns");
        h.StartController();

        await h.Cluster.AddPodAsync("ns", "p", null, "node-amd", [("app", "registry.example.com/team/app:1")], pullSecrets: ["pod-pull"]);
        await h.Cluster.StartPodAsync("ns", "p", [("app", $"registry.example.com/team/app@{Nginx}")]);
        await h.WaitUntilAsync(() => Task.FromResult(h.Engine.Requests.Count == 1), "scan request");

        var request = Assert.Single(h.Engine.Requests);
        Assert.Equal($"registry.example.com/team/app@{Nginx}", request.ImageReference);
        Assert.Equal(["pod-pull", "sa-pull"], request.PullSecrets.Select(s => s.Name));
        Assert.Equal(config, request.PullSecrets[0].DockerConfigJson.ToArray());
        Assert.Contains("\"auths\"", System.Text.Encoding.UTF8.GetString(request.PullSecrets[1].DockerConfigJson.Span), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Owner_resolution_reaches_CronJobs_and_custom_resources()
    {
        await using var h = await ControllerHarness.StartServerAsync();
        h.Engine.AddImage(Nginx, "openssl");
        h.StartController();
        var cron = await h.Client.BatchV1.CreateNamespacedCronJobAsync(new V1CronJob { Metadata = new V1ObjectMeta { Name = "nightly" }, Spec = new V1CronJobSpec { Schedule = "0 0 * * *", JobTemplate = new V1JobTemplateSpec() } }, "ops");
        var job = await h.Client.BatchV1.CreateNamespacedJobAsync(new V1Job
        {
            Metadata = new V1ObjectMeta { Name = "nightly-1", OwnerReferences = [new V1OwnerReference { ApiVersion = "batch/v1", Kind = "CronJob", Name = "nightly", Uid = cron.Metadata.Uid, Controller = true }] },
            Spec = new V1JobSpec { Template = new V1PodTemplateSpec() },
        }, "ops");
        await h.Cluster.AddPodAsync("ops", "nightly-1-x", job, "node-amd", [("task", "nginx")]);
        await h.Cluster.StartPodAsync("ops", "nightly-1-x", [("task", $"nginx@{Nginx}")]);

        // A custom workload kind (as an operator would make) owning a StatefulSet.
        await h.Client.ApiextensionsV1.CreateCustomResourceDefinitionAsync(new V1CustomResourceDefinition
        {
            Metadata = new V1ObjectMeta { Name = "databases.acme.dev" },
            Spec = new V1CustomResourceDefinitionSpec
            {
                Group = "acme.dev",
                Scope = "Namespaced",
                Names = new V1CustomResourceDefinitionNames { Plural = "databases", Kind = "Database" },
                Versions = [new V1CustomResourceDefinitionVersion { Name = "v1", Served = true, Storage = true, Schema = new V1CustomResourceValidation { OpenAPIV3Schema = new V1JSONSchemaProps { Type = "object", XKubernetesPreserveUnknownFields = true } } }],
            },
        });
        var db = System.Text.Json.JsonSerializer.SerializeToElement(await h.Client.CustomObjects.CreateNamespacedCustomObjectAsync(new { apiVersion = "acme.dev/v1", kind = "Database", metadata = new { name = "orders" } }, "acme.dev", "v1", "ops", "databases"));
        var set = await h.Client.AppsV1.CreateNamespacedStatefulSetAsync(new V1StatefulSet
        {
            Metadata = new V1ObjectMeta { Name = "orders-db", OwnerReferences = [new V1OwnerReference { ApiVersion = "acme.dev/v1", Kind = "Database", Name = "orders", Uid = db.GetProperty("metadata").GetProperty("uid").GetString(), Controller = true }] },
            Spec = new V1StatefulSetSpec { Selector = new V1LabelSelector(), Template = new V1PodTemplateSpec() },
        }, "ops");
        await h.Cluster.AddPodAsync("ops", "orders-db-0", set, "node-amd", [("db", "nginx")]);
        await h.Cluster.StartPodAsync("ops", "orders-db-0", [("db", $"nginx@{Nginx}")]);

        await h.WaitUntilAsync(async () => (await h.Cluster.ReportsAsync("ops")).Count == 2, "two reports");
        var reports = await h.Cluster.ReportsAsync("ops");
        Assert.Contains(reports, r => r.Spec.Workload is { Kind: "CronJob", Name: "nightly" });
        Assert.Contains(reports, r => r.Spec.Workload is { Kind: "Database", Name: "orders", ApiVersion: "acme.dev/v1" });
        Assert.Equal(1, h.Engine.Scans);
    }

    [Fact]
    public async Task Failed_scans_are_retried_and_namespaces_can_be_excluded()
    {
        await using var h = await ControllerHarness.StartServerAsync();
        h.StartController(o =>
        {
            o.ExcludeNamespaces.Add("kube-system");
            o.MaxScanAttempts = 2;
        });
        await h.Cluster.AddPodAsync("kube-system", "dns", null, "node-amd", [("dns", "coredns")]);
        await h.Cluster.StartPodAsync("kube-system", "dns", [("dns", $"coredns@{Redis}")]);
        await h.Cluster.AddPodAsync("app", "p", null, "node-amd", [("app", "nginx")]);
        await h.Cluster.StartPodAsync("app", "p", [("app", $"nginx@{Nginx}")]);

        // The image is unknown to the engine at first: the scan fails, then is retried after the delay.
        await h.WaitUntilAsync(() => Task.FromResult(h.Engine.Scans >= 1), "first attempt");
        h.Engine.AddImage(Nginx, "openssl");
        await h.WaitUntilAsync(async () => (await h.Cluster.ReportsAsync()).Count == 1, "report after retry");
        Assert.Equal(2, h.Engine.Scans);
        Assert.All(h.Engine.Requests, r => Assert.Equal(Nginx, r.Digest));
        Assert.Contains(h.Server.Requests, r => r.IsWatch && r.Query.Contains("kube-system", StringComparison.Ordinal));
    }
}
