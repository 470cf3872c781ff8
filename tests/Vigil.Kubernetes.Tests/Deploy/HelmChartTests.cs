using System.Diagnostics;
using k8s;
using k8s.Models;
using Vigil.Kubernetes.Entities;
using Vigil.Testing;
using YamlDotNet.RepresentationModel;

namespace Vigil.Kubernetes.Tests.Deploy;

/// <summary>
/// deploy/helm/vigil renders to valid objects (with <see cref="HelmTemplate"/>, helm not being installed here) that
/// match the kustomize base: same CRD, same least-privilege RBAC, the same hardened pod; the admission webhook only when
/// asked for.
/// </summary>
public sealed class HelmChartTests
{
    private static readonly string Chart = Path.Combine(RepositoryPaths.RepositoryRoot, "deploy", "helm", "vigil");
    private static readonly string Base = Path.Combine(RepositoryPaths.RepositoryRoot, "deploy", "base");

    [Fact]
    public void Chart_metadata_and_crds_are_the_generated_ones()
    {
        var chart = new YamlStream();
        chart.Load(new StringReader(File.ReadAllText(Path.Combine(Chart, "Chart.yaml"))));
        var root = (YamlMappingNode)chart.Documents[0].RootNode;
        Assert.Equal("v2", root["apiVersion"].ToString());
        Assert.Equal("vigil", root["name"].ToString());
        Assert.Matches(@"^\d+\.\d+\.\d+$", root["version"].ToString());

        var crds = Directory.GetFiles(Path.Combine(Chart, "crds"), "*.yaml").Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(2, crds.Length);
        Assert.Equal(CrdGenerator.VigilPolicyYaml(), File.ReadAllText(crds[0]));
        Assert.Equal(CrdGenerator.VulnerabilityReportYaml(), File.ReadAllText(crds[1]));
    }

    [Fact]
    public void Default_values_render_the_controller_like_the_kustomize_base()
    {
        var objects = Render();

        Assert.Equal(
            ["ClusterRole", "ClusterRoleBinding", "Deployment", "Role", "RoleBinding", "Service", "ServiceAccount"],
            objects.Select(o => o.Kind).Order(StringComparer.Ordinal));
        Assert.All(objects.Where(o => o.Kind is not ("ClusterRole" or "ClusterRoleBinding")), o => Assert.Equal("monitoring", o.Metadata.NamespaceProperty));

        // RBAC: exactly the base's rules, which DeployManifestTests proves least-privilege and sufficient.
        var role = Single<V1ClusterRole>(objects);
        var baseRole = KubernetesYaml.Deserialize<V1ClusterRole>(File.ReadAllText(Path.Combine(Base, "clusterrole.yaml")));
        Assert.Equal(Rules(baseRole.Rules), Rules(role.Rules));
        Assert.DoesNotContain(role.Rules, r => r.Verbs.Contains("*") || r.Resources.Contains("*") || r.ApiGroups.Contains("*"));
        Assert.Equal(["leases"], Assert.Single(Single<V1Role>(objects).Rules).Resources);
        var binding = Single<V1ClusterRoleBinding>(objects);
        Assert.Equal(role.Metadata.Name, binding.RoleRef.Name);
        Assert.Equal(("vigil-controller", "monitoring"), (Assert.Single(binding.Subjects).Name, binding.Subjects[0].NamespaceProperty));

        // The pod: non-root, read-only root file system, no capabilities, cache in an emptyDir, probes on the metrics port.
        var deployment = Single<V1Deployment>(objects);
        var pod = deployment.Spec.Template.Spec;
        var container = Assert.Single(pod.Containers);
        PodHardening.AssertHardened(pod, container);
        Assert.Equal("vigil-controller", pod.ServiceAccountName);
        Assert.Equal("true", deployment.Spec.Template.Metadata.Annotations["vigil.dev/skip"]);
        Assert.Equal("ghcr.io/vigil-dev/vigil:latest", container.Image);
        Assert.Equal(["controller", "--cache-dir=/var/cache/vigil", "--metrics-address=0.0.0.0:8080", "--cluster-name=default", "--concurrency=4", "--resync=1h", "--leader-elect=true", "--log-format=json", "--log-level=Information"], container.Args);
        Assert.Equal(("/healthz", "/readyz"), (container.LivenessProbe.HttpGet.Path, container.ReadinessProbe.HttpGet.Path));
        Assert.All(container.VolumeMounts, m => Assert.Contains(pod.Volumes, v => v.Name == m.Name && v.EmptyDir is not null));
        Assert.Equal("256Mi", container.Resources.Requests["memory"].ToString());
        var baseContainer = KubernetesYaml.Deserialize<V1Deployment>(File.ReadAllText(Path.Combine(Base, "deployment.yaml"))).Spec.Template.Spec.Containers[0];
        Assert.Equal(baseContainer.Env.Select(e => e.Name), container.Env.Select(e => e.Name));
        Assert.Equal(deployment.Spec.Selector.MatchLabels, Single<V1Service>(objects).Spec.Selector);
        Assert.Equal("metrics", Assert.Single(Single<V1Service>(objects).Spec.Ports).Name);
    }

    [Fact]
    public void Options_add_a_dashboard_a_volume_claim_and_the_admission_webhook()
    {
        var objects = Render(
            ("dashboard.enabled", "true"),
            ("persistence.enabled", "true"),
            ("persistence.storageClass", "fast"),
            ("admission.enabled", "true"),
            ("controller.reportBaseUrl", "https://vigil.example.com/"),
            ("controller.clusterName", "prod-eu-1"),
            ("controller.extraArgs", new List<object> { "--namespaces=shop", "--selector=tier=web" }));

        var deployment = objects.OfType<V1Deployment>().Single(d => d.Metadata.Name == "vigil-controller");
        var pod = deployment.Spec.Template.Spec;
        Assert.Equal(["controller", "dashboard"], pod.Containers.Select(c => c.Name));
        Assert.Contains("--report-base-url=https://vigil.example.com/", pod.Containers[0].Args);
        Assert.Contains("--cluster-name=prod-eu-1", pod.Containers[0].Args);
        Assert.Equal(["--namespaces=shop", "--selector=tier=web"], pod.Containers[0].Args.TakeLast(2));
        Assert.Equal(["serve", "--cache-dir=/var/cache/vigil", "--listen=http://0.0.0.0:8081"], pod.Containers[1].Args);
        Assert.All(pod.Containers, c => PodHardening.AssertHardened(pod, c));
        var claim = Single<V1PersistentVolumeClaim>(objects);
        Assert.Equal("fast", claim.Spec.StorageClassName);
        Assert.Equal(claim.Metadata.Name, pod.Volumes.Single(v => v.Name == "cache").PersistentVolumeClaim.ClaimName);
        Assert.Equal(["metrics", "dashboard"], objects.OfType<V1Service>().Single(s => s.Metadata.Name == "vigil-controller").Spec.Ports.Select(p => p.Name));

        var webhook = Assert.Single(Single<V1ValidatingWebhookConfiguration>(objects).Webhooks);
        Assert.Equal("Ignore", webhook.FailurePolicy);
        Assert.Contains("monitoring", webhook.NamespaceSelector.MatchExpressions[0].Values);
        var gate = objects.OfType<V1Deployment>().Single(d => d.Metadata.Name == "vigil-admission");
        Assert.Equal(webhook.ClientConfig.Service.Name, objects.OfType<V1Service>().Single(s => s.Spec.Selector["app.kubernetes.io/component"] == "admission").Metadata.Name);
        PodHardening.AssertHardened(gate.Spec.Template.Spec, Assert.Single(gate.Spec.Template.Spec.Containers));
        Assert.Equal(["Certificate", "Issuer"], objects.Where(o => o.Kind is "Certificate" or "Issuer").Select(o => o.Kind).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Kustomize_base_builds()
    {
        // kustomize refuses files outside a kustomization's folder: every resource must be a file below the base or a folder with its own kustomization.
        var kustomization = new YamlStream();
        kustomization.Load(new StringReader(File.ReadAllText(Path.Combine(Base, "kustomization.yaml"))));
        foreach (var resource in ((YamlSequenceNode)((YamlMappingNode)kustomization.Documents[0].RootNode)["resources"]).Select(n => n.ToString()))
        {
            var path = Path.GetFullPath(Path.Combine(Base, resource));
            Assert.True(
                (File.Exists(path) && path.StartsWith(Base + Path.DirectorySeparatorChar, StringComparison.Ordinal)) || File.Exists(Path.Combine(path, "kustomization.yaml")),
                $"{resource}: kustomize would refuse it");
        }

        // Where kubectl is installed (it is on the development machines), build it for real.
        if (FindOnPath("kubectl") is { } kubectl)
        {
            var start = new ProcessStartInfo(kubectl, ["kustomize", Base]) { RedirectStandardOutput = true, RedirectStandardError = true };
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEnd();
            var error = process.StandardError.ReadToEnd();
            process.WaitForExit();
            Assert.True(process.ExitCode == 0, error);
            var kinds = KubernetesYaml.LoadAllFromString(output).Select(o => ((IKubernetesObject)o).Kind).ToList();
            Assert.Contains("CustomResourceDefinition", kinds);
            Assert.Contains("Deployment", kinds);
        }
    }

    private static List<IKubernetesObject<V1ObjectMeta>> Render(params (string Path, object Value)[] overrides)
    {
        var helm = new HelmTemplate(Chart, HelmTemplate.Values(Chart, overrides), "vigil", "monitoring");
        var objects = new List<IKubernetesObject<V1ObjectMeta>>();
        foreach (var template in Directory.GetFiles(Path.Combine(Chart, "templates"), "*.yaml").Order(StringComparer.Ordinal))
        {
            var yaml = helm.Render(File.ReadAllText(template));
            Assert.DoesNotContain("{{", yaml, StringComparison.Ordinal);
            foreach (var document in yaml.Split("\n---\n"))
            {
                // The client has no cert-manager types: those documents are checked as YAML only.
                if (document.Contains("apiVersion: cert-manager.io/", StringComparison.Ordinal))
                {
                    var parsed = new YamlStream();
                    parsed.Load(new StringReader(document));
                    objects.Add(new CertManagerObject { ApiVersion = ((YamlMappingNode)parsed.Documents[0].RootNode)["apiVersion"].ToString(), Kind = ((YamlMappingNode)parsed.Documents[0].RootNode)["kind"].ToString() });
                    continue;
                }

                objects.AddRange(KubernetesYaml.LoadAllFromString(document).Cast<IKubernetesObject<V1ObjectMeta>>());
            }
        }

        return objects;
    }

    private static T Single<T>(List<IKubernetesObject<V1ObjectMeta>> objects) => Assert.Single(objects.OfType<T>());

    private static List<string> Rules(IEnumerable<V1PolicyRule> rules) =>
        [.. rules.Select(r => $"{string.Join(',', r.ApiGroups)}|{string.Join(',', r.Resources.Order(StringComparer.Ordinal))}|{string.Join(',', r.Verbs.Order(StringComparer.Ordinal))}").Order(StringComparer.Ordinal)];

    private static string? FindOnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator).Select(d => Path.Combine(d, name)).FirstOrDefault(File.Exists);

    /// <summary>A cert-manager object: the client has no type for it.</summary>
    private sealed class CertManagerObject : IKubernetesObject<V1ObjectMeta>
    {
        public string ApiVersion { get; set; } = string.Empty;

        public string Kind { get; set; } = string.Empty;

        public V1ObjectMeta Metadata { get; set; } = new();
    }
}
