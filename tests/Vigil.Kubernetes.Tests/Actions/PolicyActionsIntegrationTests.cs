using k8s;
using k8s.Models;
using Microsoft.Extensions.DependencyInjection;
using Vigil.Core;
using Vigil.Gates.Actions;
using Vigil.Gates.Policy;
using Vigil.Kubernetes.Entities;
using Vigil.Kubernetes.Tests.Support;
using Vigil.Testing;

namespace Vigil.Kubernetes.Tests.Actions;

/// <summary>
/// The real controller with the policy actions of Vigil.Gates registered as in <c>vigil controller</c>, against the fake
/// API server: a VigilPolicy enables actions, a vulnerable workload's report is published, the action (or its dry run)
/// follows; kube-system stays untouched.
/// </summary>
public sealed class PolicyActionsIntegrationTests
{
    private static readonly Digest Nginx = SimulatedCluster.DigestOf("nginx");

    [Fact]
    public async Task Violating_Deployment_is_annotated_with_an_Event_and_kube_system_is_untouched()
    {
        await using var h = await StartAsync(new VigilPolicyActionsSpec { Enable = ["annotate"], DryRun = false });

        await RunVulnerableDeploymentAsync(h, "shop");
        await RunVulnerableDeploymentAsync(h, "kube-system");

        await h.WaitUntilAsync(async () => (await Annotation(h, "shop")) is not null, "annotation on shop/web");
        Assert.Equal("CVE-2024-0001", await Annotation(h, "shop"));
        // The Event is written after the patch: it may trail the annotation by a moment.
        await h.WaitUntilAsync(async () => (await h.Client.CoreV1.ListNamespacedEventAsync("shop")).Items.Any(e => e.Reason == "VigilAction"), "action event");
        var recorded = Assert.Single((await h.Client.CoreV1.ListNamespacedEventAsync("shop")).Items, e => e.Reason == "VigilAction");
        Assert.Equal("Vigil annotated shop/Deployment/web (CVE-2024-0001).", recorded.Message);
        Assert.Equal(("Deployment", "web"), (recorded.InvolvedObject.Kind, recorded.InvolvedObject.Name));

        // kube-system's report is published too, and its workload is left alone.
        await h.WaitUntilAsync(async () => (await h.Cluster.ReportsAsync("kube-system")).Count == 1, "kube-system report");
        Assert.Null(await Annotation(h, "kube-system"));
        Assert.DoesNotContain((await h.Client.CoreV1.ListNamespacedEventAsync("kube-system")).Items, e => e.Reason.StartsWith("VigilAction", StringComparison.Ordinal));
        Assert.Equal(0, h.Server.CountRequests(r => r.Method == "PATCH" && r.Path.Contains("kube-system", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_workload_exempted_by_its_pods_labels_is_reported_but_not_acted_on()
    {
        await using var h = await StartAsync(
            new VigilPolicyActionsSpec { Enable = ["annotate"], DryRun = false },
            [new VigilPolicyExemptionSpec { Labels = new() { ["team"] = "payments" }, Reason = "payments patches on its own schedule" }]);

        await RunVulnerableDeploymentAsync(h, "shop", "pay", new() { ["app"] = "pay", ["team"] = "payments" });
        await RunVulnerableDeploymentAsync(h, "shop", "web", new() { ["app"] = "web", ["team"] = "storefront" });

        // Both reports are published; only the workload without the exempt label is acted on.
        await h.WaitUntilAsync(async () => (await Annotation(h, "shop", "web")) is not null, "annotation on shop/web");
        await h.WaitUntilAsync(async () => (await h.Cluster.ReportsAsync("shop")).Count == 2, "both reports");
        Assert.Null(await Annotation(h, "shop", "pay"));
        Assert.DoesNotContain((await h.Client.CoreV1.ListNamespacedEventAsync("shop")).Items, e => e.Reason.StartsWith("VigilAction", StringComparison.Ordinal) && e.InvolvedObject.Name == "pay");
        Assert.Equal(0, h.Server.CountRequests(r => r.Method == "PATCH" && r.Path.EndsWith("/deployments/pay", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Dry_run_by_default_only_records_what_would_happen()
    {
        await using var h = await StartAsync(new VigilPolicyActionsSpec { Enable = ["scaleToZero"] });

        await RunVulnerableDeploymentAsync(h, "shop");

        await h.WaitUntilAsync(async () => (await h.Client.CoreV1.ListNamespacedEventAsync("shop")).Items.Any(e => e.Reason == "VigilActionDryRun"), "dry-run event");
        var recorded = Assert.Single((await h.Client.CoreV1.ListNamespacedEventAsync("shop")).Items, e => e.Reason == "VigilActionDryRun");
        Assert.Equal("Dry run: would scale to zero shop/Deployment/web (CVE-2024-0001).", recorded.Message);
        Assert.Equal(0, h.Server.CountRequests(r => r.Method == "PATCH" && r.Path.Contains("deployments", StringComparison.Ordinal)));
        Assert.Null((await h.Client.AppsV1.ReadNamespacedDeploymentAsync("web", "shop")).Metadata.Annotations is { } a && a.ContainsKey("vigil.dev/scaled-from-replicas") ? "set" : null);
    }

    private static async Task<ControllerHarness> StartAsync(VigilPolicyActionsSpec actions, List<VigilPolicyExemptionSpec>? exemptions = null)
    {
        var h = await ControllerHarness.StartServerAsync();
        var crd = await File.ReadAllTextAsync(Path.Combine(RepositoryPaths.RepositoryRoot, "deploy", "crds", "vigilpolicies.vigil.dev.yaml"));
        await h.Client.ApiextensionsV1.CreateCustomResourceDefinitionAsync(KubernetesYaml.Deserialize<V1CustomResourceDefinition>(crd));
        await h.Client.CustomObjects.CreateClusterCustomObjectAsync(
            new V1Alpha1VigilPolicy { Metadata = new V1ObjectMeta { Name = "default" }, Spec = new VigilPolicySpec { MaxSeverity = "medium", Actions = actions, Exemptions = exemptions } },
            V1Alpha1VigilPolicy.Group, V1Alpha1VigilPolicy.Version, V1Alpha1VigilPolicy.Plural);
        h.Engine.AddImage(Nginx, "openssl", "zlib");
        h.Engine.AddAdvisory("openssl", "CVE-2024-0001", Severity.High, "3.0.1");
        h.Engine.AddAdvisory("zlib", "CVE-2024-0002", Severity.Low);

        // The one line vigil controller adds; the harness does not run hosted services, so the policy watch is started here.
        h.StartController(configureServices: services => services.AddVigilPolicyActions());
        var policies = h.Services.GetRequiredService<KubernetesPolicySource>();
        await policies.StartAsync(default);
        await h.WaitUntilAsync(() => Task.FromResult(policies.AppliedResourceVersion is not null), "policy loaded");
        return h;
    }

    private static async Task RunVulnerableDeploymentAsync(ControllerHarness h, string ns, string name = "web", Dictionary<string, string>? labels = null)
    {
        var (_, replicaSet) = await h.Cluster.AddDeploymentAsync(ns, name);
        await h.Cluster.AddPodAsync(ns, $"{name}-5d4f8-a", replicaSet, "node-amd", [("app", "nginx:1.27")], labels: labels);
        await h.Cluster.StartPodAsync(ns, $"{name}-5d4f8-a", [("app", $"docker.io/library/nginx@{Nginx}")]);
    }

    private static async Task<string?> Annotation(ControllerHarness h, string ns, string name = "web") =>
        (await h.Client.AppsV1.ReadNamespacedDeploymentAsync(name, ns)).Metadata.Annotations is { } a && a.TryGetValue("vigil.dev/vulnerabilities", out var v) ? v : null;
}
