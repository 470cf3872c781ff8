using k8s;
using k8s.Models;
using Vigil.Core;
using Vigil.Kubernetes.Entities;

namespace Vigil.Kubernetes.Tests.Support;

/// <summary>Plays the parts of kubectl, the workload controllers and the kubelet against the fake API server.</summary>
internal sealed class SimulatedCluster(IKubernetes client)
{
    public IKubernetes Client => client;

    public static Digest DigestOf(string text) => Digest.Sha256(System.Text.Encoding.UTF8.GetBytes(text));

    public async Task InstallCrdAsync()
    {
        var yaml = await File.ReadAllTextAsync(Path.Combine(Vigil.Testing.RepositoryPaths.RepositoryRoot, "deploy", "crds", "vulnerabilityreports.vigil.dev.yaml"));
        await client.ApiextensionsV1.CreateCustomResourceDefinitionAsync(KubernetesYaml.Deserialize<V1CustomResourceDefinition>(yaml));
    }

    public Task<V1Node> AddNodeAsync(string name, string arch) => client.CoreV1.CreateNodeAsync(new V1Node
    {
        Metadata = new V1ObjectMeta { Name = name, Labels = new Dictionary<string, string> { ["kubernetes.io/os"] = "linux", ["kubernetes.io/arch"] = arch } },
    });

    /// <summary>A Deployment with its ReplicaSet, as the deployment controller would make them.</summary>
    public async Task<(V1Deployment Deployment, V1ReplicaSet ReplicaSet)> AddDeploymentAsync(string ns, string name, string hash = "5d4f8")
    {
        var deployment = await client.AppsV1.CreateNamespacedDeploymentAsync(new V1Deployment
        {
            Metadata = new V1ObjectMeta { Name = name },
            Spec = new V1DeploymentSpec { Selector = new V1LabelSelector { MatchLabels = new Dictionary<string, string> { ["app"] = name } }, Template = new V1PodTemplateSpec() },
        }, ns);
        var replicaSet = await client.AppsV1.CreateNamespacedReplicaSetAsync(new V1ReplicaSet
        {
            Metadata = new V1ObjectMeta { Name = $"{name}-{hash}", OwnerReferences = [Owner(deployment)] },
            Spec = new V1ReplicaSetSpec { Selector = deployment.Spec.Selector, Template = new V1PodTemplateSpec() },
        }, ns);
        return (deployment, replicaSet);
    }

    /// <summary>Creates a pod (no status yet: the kubelet has not started it).</summary>
    public Task<V1Pod> AddPodAsync(string ns, string name, IKubernetesObject<V1ObjectMeta>? owner, string node, (string Name, string Image)[] containers,
        (string Name, string Image)[]? initContainers = null, IDictionary<string, string>? annotations = null, string[]? pullSecrets = null,
        IDictionary<string, string>? labels = null) =>
        client.CoreV1.CreateNamespacedPodAsync(new V1Pod
        {
            Metadata = new V1ObjectMeta { Name = name, OwnerReferences = owner is null ? null : [Owner(owner)], Annotations = annotations, Labels = labels ?? new Dictionary<string, string> { ["app"] = "x" } },
            Spec = new V1PodSpec
            {
                NodeName = node,
                Containers = [.. containers.Select(c => new V1Container { Name = c.Name, Image = c.Image })],
                InitContainers = initContainers?.Select(c => new V1Container { Name = c.Name, Image = c.Image }).ToList(),
                ImagePullSecrets = pullSecrets?.Select(s => new V1LocalObjectReference { Name = s }).ToList(),
            },
        }, ns);

    /// <summary>The kubelet starts the pod: status with the digests it pulled.</summary>
    public async Task StartPodAsync(string ns, string name, (string Name, string ImageId)[] containers, (string Name, string ImageId)[]? initContainers = null)
    {
        var pod = await client.CoreV1.ReadNamespacedPodAsync(name, ns);
        pod.Status = new V1PodStatus
        {
            Phase = "Running",
            ContainerStatuses = [.. containers.Select(c => Status(c.Name, c.ImageId))],
            InitContainerStatuses = initContainers?.Select(c => Status(c.Name, c.ImageId)).ToList(),
        };
        await client.CoreV1.ReplaceNamespacedPodStatusAsync(pod, name, ns);
    }

    public async Task<List<V1Alpha1VulnerabilityReport>> ReportsAsync(string? ns = null)
    {
        var list = ns is null
            ? await client.CustomObjects.ListClusterCustomObjectAsync(V1Alpha1VulnerabilityReport.Group, V1Alpha1VulnerabilityReport.Version, V1Alpha1VulnerabilityReport.Plural)
            : await client.CustomObjects.ListNamespacedCustomObjectAsync(V1Alpha1VulnerabilityReport.Group, V1Alpha1VulnerabilityReport.Version, ns, V1Alpha1VulnerabilityReport.Plural);
        var json = System.Text.Json.JsonSerializer.SerializeToElement(list);
        return [.. json.GetProperty("items").EnumerateArray().Select(i => KubernetesJson.Deserialize<V1Alpha1VulnerabilityReport>(i.GetRawText()))];
    }

    private static V1ContainerStatus Status(string name, string imageId) => new()
    {
        Name = name,
        Image = "irrelevant:tag",
        ImageID = imageId,
        Ready = true,
        RestartCount = 0,
        State = new V1ContainerState { Running = new V1ContainerStateRunning { StartedAt = DateTime.UtcNow } },
    };

    private static V1OwnerReference Owner(IKubernetesObject<V1ObjectMeta> owner) => new()
    {
        ApiVersion = owner.ApiVersion,
        Kind = owner.Kind,
        Name = owner.Metadata.Name,
        Uid = owner.Metadata.Uid,
        Controller = true,
        BlockOwnerDeletion = true,
    };
}
