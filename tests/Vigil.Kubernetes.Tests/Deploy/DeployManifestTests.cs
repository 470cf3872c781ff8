using k8s;
using k8s.Models;
using Vigil.Kubernetes.Entities;
using Vigil.Kubernetes.Hosting;
using Vigil.Testing;
using YamlDotNet.RepresentationModel;

namespace Vigil.Kubernetes.Tests.Deploy;

/// <summary>deploy/ stays consistent: every file listed, the CRD generated, RBAC enough for the calls the controller makes, a hardened pod.</summary>
public sealed class DeployManifestTests
{
    private static readonly string Base = Path.Combine(RepositoryPaths.RepositoryRoot, "deploy", "base");

    [Fact]
    public void Kustomization_lists_every_manifest_and_each_parses()
    {
        var kustomization = Load("kustomization.yaml");
        var listed = ((YamlSequenceNode)kustomization["resources"]).Select(n => ((YamlScalarNode)n).Value!).ToList();
        var files = Directory.GetFiles(Base, "*.yaml").Select(Path.GetFileName).Where(f => f != "kustomization.yaml").ToList();

        Assert.All(files, f => Assert.Contains(f, listed));
        foreach (var resource in listed)
        {
            var path = Path.GetFullPath(Path.Combine(Base, resource));
            if (Directory.Exists(path))
            {
                // A folder is a kustomization of its own (deploy/crds).
                path = Path.Combine(path, "kustomization.yaml");
                Assert.True(File.Exists(path), $"{resource} is a folder without kustomization.yaml");
                continue;
            }

            Assert.True(File.Exists(path), $"{resource} is listed but missing");
            Assert.NotEmpty(KubernetesYaml.LoadAllFromString(File.ReadAllText(path)));
        }

        Assert.Equal(CrdGenerator.VulnerabilityReportYaml(), File.ReadAllText(Path.Combine(Base, "..", "crds", "vulnerabilityreports.vigil.dev.yaml")));
    }

    [Theory]
    [InlineData("", "pods", "list")]
    [InlineData("", "pods", "watch")]
    [InlineData("", "nodes", "get")]
    [InlineData("", "secrets", "get")]
    [InlineData("", "serviceaccounts", "get")]
    [InlineData("", "events", "create")]
    [InlineData("apps", "replicasets", "get")]
    [InlineData("apps", "deployments", "get")]
    [InlineData("batch", "jobs", "get")]
    [InlineData("batch", "cronjobs", "get")]
    [InlineData("apiextensions.k8s.io", "customresourcedefinitions", "list")]
    [InlineData("vigil.dev", "vulnerabilityreports", "create")]
    [InlineData("vigil.dev", "vulnerabilityreports", "update")]
    [InlineData("vigil.dev", "vulnerabilityreports", "delete")]
    public void ClusterRole_allows_what_the_controller_calls(string group, string resource, string verb)
    {
        var role = KubernetesYaml.Deserialize<V1ClusterRole>(File.ReadAllText(Path.Combine(Base, "clusterrole.yaml")));

        Assert.Contains(role.Rules, r => r.ApiGroups.Contains(group) && r.Resources.Contains(resource) && r.Verbs.Contains(verb));
    }

    [Fact]
    public void Rbac_is_least_privilege()
    {
        var role = KubernetesYaml.Deserialize<V1ClusterRole>(File.ReadAllText(Path.Combine(Base, "clusterrole.yaml")));
        var lease = KubernetesYaml.Deserialize<V1Role>(File.ReadAllText(Path.Combine(Base, "role.yaml")));

        Assert.DoesNotContain(role.Rules, r => r.Verbs.Contains("*") || r.Resources.Contains("*") || r.ApiGroups.Contains("*"));
        Assert.DoesNotContain(role.Rules, r => r.Resources.Contains("secrets") && r.Verbs.Intersect(["list", "watch"]).Any());
        Assert.DoesNotContain(role.Rules, r => r.ApiGroups.Contains("coordination.k8s.io"));
        Assert.Equal(["leases"], Assert.Single(lease.Rules).Resources);
        Assert.Equal(new LeaderElectionOptions().Namespace, lease.Metadata.NamespaceProperty);
    }

    [Fact]
    public void Deployment_runs_non_root_read_only_and_probes_the_host_endpoints()
    {
        var deployment = KubernetesYaml.Deserialize<V1Deployment>(File.ReadAllText(Path.Combine(Base, "deployment.yaml")));
        var pod = deployment.Spec.Template.Spec;
        var container = Assert.Single(pod.Containers);

        PodHardening.AssertHardened(pod, container);
        Assert.Equal("controller", container.Args[0]);
        Assert.Equal("/healthz", container.LivenessProbe.HttpGet.Path);
        Assert.Equal("/readyz", container.ReadinessProbe.HttpGet.Path);
        var port = Assert.Single(container.Ports).ContainerPort;
        Assert.Contains($"--metrics-address=0.0.0.0:{port}", container.Args);
        Assert.Equal("true", deployment.Spec.Template.Metadata.Annotations["vigil.dev/skip"]);
        Assert.Contains(container.Env, e => e.Name == "POD_NAME" && e.ValueFrom.FieldRef.FieldPath == "metadata.name");
        Assert.All(container.VolumeMounts, m => Assert.Contains(pod.Volumes, v => v.Name == m.Name && v.EmptyDir is not null));
        Assert.Equal("vigil-controller", pod.ServiceAccountName);
    }

    private static YamlMappingNode Load(string file)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(File.ReadAllText(Path.Combine(Base, file))));
        return (YamlMappingNode)stream.Documents[0].RootNode;
    }
}
