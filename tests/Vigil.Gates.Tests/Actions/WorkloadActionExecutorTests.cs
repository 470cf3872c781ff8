using k8s;
using k8s.Models;
using Microsoft.Extensions.Options;
using Vigil.Gates.Actions;
using Vigil.Testing.FakeKube;

namespace Vigil.Gates.Tests.Actions;

public sealed class WorkloadActionExecutorTests : IAsyncLifetime
{
    private readonly CapturingLogger<WorkloadActionExecutor> log = new();
    private FakeKubeApiServer server = null!;
    private k8s.Kubernetes client = null!;

    public async Task InitializeAsync()
    {
        server = await FakeKubeApiServer.StartAsync();
        client = new k8s.Kubernetes(new KubernetesClientConfiguration { Host = server.BaseAddress.ToString() });
        foreach (var ns in new[] { "shop", "kube-system" })
        {
            await client.AppsV1.CreateNamespacedDeploymentAsync(Deployment("api", ns), ns);
            await client.CoreV1.CreateNamespacedPodAsync(Pod("api-1", ns, "api"), ns);
            await client.CoreV1.CreateNamespacedPodAsync(Pod("api-2", ns, "api"), ns);
            await client.CoreV1.CreateNamespacedPodAsync(Pod("other", ns, "other"), ns);
        }
    }

    public async Task DisposeAsync()
    {
        client.Dispose();
        await server.DisposeAsync();
    }

    [Fact]
    public async Task Dry_run_is_the_default_and_changes_nothing_but_records_an_event()
    {
        var result = await Executor(new WorkloadActionOptions()).ExecuteAsync(new("Deployment", "shop", "api"), WorkloadActionKind.ScaleToZero, "CVE-2024-1", default);

        Assert.False(result.Applied);
        Assert.Equal("Dry run: would scale to zero shop/Deployment/api (CVE-2024-1).", result.Message);
        Assert.Equal(3, (await client.AppsV1.ReadNamespacedDeploymentAsync("api", "shop")).Spec.Replicas);
        var recorded = Assert.Single((await client.CoreV1.ListNamespacedEventAsync("shop")).Items);
        Assert.Equal("VigilActionDryRun", recorded.Reason);
        Assert.Equal("api", recorded.InvolvedObject.Name);
        Assert.Contains("Dry run: would scale to zero", log.All, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Scale_to_zero_keeps_the_previous_replica_count()
    {
        var result = await Executor(Live()).ExecuteAsync(new("Deployment", "shop", "api"), WorkloadActionKind.ScaleToZero, "CVE-2024-1", default);

        var deployment = await client.AppsV1.ReadNamespacedDeploymentAsync("api", "shop");
        Assert.True(result.Applied);
        Assert.Equal(0, deployment.Spec.Replicas);
        Assert.Equal("3", deployment.Metadata.Annotations["vigil.dev/scaled-from-replicas"]);
        Assert.Equal("VigilAction", Assert.Single((await client.CoreV1.ListNamespacedEventAsync("shop")).Items).Reason);
    }

    [Fact]
    public async Task Annotate_and_label_mark_the_workload()
    {
        var executor = Executor(Live());

        await executor.ExecuteAsync(new("Deployment", "shop", "api"), WorkloadActionKind.Annotate, "CVE-2024-1, CVE-2024-2", default);
        await executor.ExecuteAsync(new("Deployment", "shop", "api"), WorkloadActionKind.Label, "CVE-2024-1", default);

        var deployment = await client.AppsV1.ReadNamespacedDeploymentAsync("api", "shop");
        Assert.Equal("CVE-2024-1, CVE-2024-2", deployment.Metadata.Annotations["vigil.dev/vulnerabilities"]);
        Assert.Equal("true", deployment.Metadata.Labels["vigil.dev/quarantined"]);
        Assert.Equal(2, (await client.CoreV1.ListNamespacedEventAsync("shop")).Items.Count);
    }

    [Fact]
    public async Task Delete_pods_removes_only_the_workloads_pods()
    {
        var result = await Executor(Live()).ExecuteAsync(new("Deployment", "shop", "api"), WorkloadActionKind.DeletePods, "CVE-2024-1", default);

        Assert.Equal("Vigil deleted 2 pod(s) of shop/Deployment/api (CVE-2024-1).", result.Message);
        Assert.Equal(["other"], (await client.CoreV1.ListNamespacedPodAsync("shop")).Items.Select(p => p.Metadata.Name));
    }

    [Fact]
    public async Task Protected_namespace_is_never_touched()
    {
        var result = await Executor(Live()).ExecuteAsync(new("Deployment", "kube-system", "api"), WorkloadActionKind.DeletePods, "CVE-2024-1", default);

        Assert.False(result.Applied);
        Assert.Contains("protected", result.Message, StringComparison.Ordinal);
        Assert.Equal(3, (await client.CoreV1.ListNamespacedPodAsync("kube-system")).Items.Count);
        Assert.Equal(0, server.CountRequests(r => r.Method is "PATCH" or "DELETE" && r.Path.Contains("kube-system", StringComparison.Ordinal)));
        Assert.Empty((await client.CoreV1.ListNamespacedEventAsync("kube-system")).Items);
    }

    [Fact]
    public async Task DaemonSet_cannot_be_scaled()
    {
        var result = await Executor(Live()).ExecuteAsync(new("DaemonSet", "shop", "agent"), WorkloadActionKind.ScaleToZero, "CVE-2024-1", default);

        Assert.False(result.Applied);
        Assert.Contains("cannot be scaled", result.Message, StringComparison.Ordinal);
    }

    private static WorkloadActionOptions Live() => new() { DryRun = false };

    private WorkloadActionExecutor Executor(WorkloadActionOptions options) => new(client, Options.Create(options), TimeProvider.System, log);

    private static V1Deployment Deployment(string name, string ns) => new()
    {
        Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = ns },
        Spec = new V1DeploymentSpec
        {
            Replicas = 3,
            Selector = new V1LabelSelector { MatchLabels = new Dictionary<string, string> { ["app"] = name } },
            Template = new V1PodTemplateSpec
            {
                Metadata = new V1ObjectMeta { Labels = new Dictionary<string, string> { ["app"] = name } },
                Spec = new V1PodSpec { Containers = [new V1Container { Name = name, Image = "registry.example.com/shop/api:1.0" }] },
            },
        },
    };

    private static V1Pod Pod(string name, string ns, string app) => new()
    {
        Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = ns, Labels = new Dictionary<string, string> { ["app"] = app } },
        Spec = new V1PodSpec { Containers = [new V1Container { Name = "c", Image = "registry.example.com/shop/api:1.0" }] },
    };
}
