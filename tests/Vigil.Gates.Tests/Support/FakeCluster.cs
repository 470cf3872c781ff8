using k8s;
using k8s.Models;
using Vigil.Kubernetes.Entities;
using Vigil.Testing;
using Vigil.Testing.FakeKube;

namespace Vigil.Gates.Tests.Support;

/// <summary>The fake API server with Vigil's CRDs installed from deploy/crds, and helpers to write VigilPolicy objects.</summary>
internal sealed class FakeCluster : IAsyncDisposable
{
    private FakeCluster(FakeKubeApiServer server)
    {
        Server = server;
        Client = new k8s.Kubernetes(new KubernetesClientConfiguration { Host = server.BaseAddress.ToString() });
    }

    public FakeKubeApiServer Server { get; }

    public k8s.Kubernetes Client { get; }

    public static async Task<FakeCluster> StartAsync(bool installCrds = true)
    {
        var cluster = new FakeCluster(await FakeKubeApiServer.StartAsync(new FakeKubeApiServerOptions { BookmarkInterval = TimeSpan.FromMilliseconds(200) }));
        if (installCrds)
        {
            await cluster.InstallCrdsAsync();
        }

        return cluster;
    }

    public async Task InstallCrdsAsync()
    {
        foreach (var file in new[] { "vigilpolicies.vigil.dev.yaml", "vulnerabilityreports.vigil.dev.yaml" })
        {
            var yaml = await File.ReadAllTextAsync(Path.Combine(RepositoryPaths.RepositoryRoot, "deploy", "crds", file));
            await Client.ApiextensionsV1.CreateCustomResourceDefinitionAsync(KubernetesYaml.Deserialize<V1CustomResourceDefinition>(yaml));
        }
    }

    public Task CreatePolicyAsync(string name, VigilPolicySpec spec) =>
        Client.CustomObjects.CreateClusterCustomObjectAsync(
            new V1Alpha1VigilPolicy { Metadata = new V1ObjectMeta { Name = name }, Spec = spec },
            V1Alpha1VigilPolicy.Group, V1Alpha1VigilPolicy.Version, V1Alpha1VigilPolicy.Plural);

    public async Task ReplacePolicyAsync(string name, VigilPolicySpec spec)
    {
        var current = KubernetesJson.Deserialize<V1Alpha1VigilPolicy>(KubernetesJson.Serialize(
            await Client.CustomObjects.GetClusterCustomObjectAsync(V1Alpha1VigilPolicy.Group, V1Alpha1VigilPolicy.Version, V1Alpha1VigilPolicy.Plural, name)));
        current.Spec = spec;
        await Client.CustomObjects.ReplaceClusterCustomObjectAsync(current, V1Alpha1VigilPolicy.Group, V1Alpha1VigilPolicy.Version, V1Alpha1VigilPolicy.Plural, name);
    }

    public Task DeletePolicyAsync(string name) =>
        Client.CustomObjects.DeleteClusterCustomObjectAsync(V1Alpha1VigilPolicy.Group, V1Alpha1VigilPolicy.Version, V1Alpha1VigilPolicy.Plural, name);

    public static async Task WaitUntilAsync(Func<bool> condition, string what, int seconds = 15)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "timed out waiting for: " + what);
            await Task.Delay(20);
        }
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Server.DisposeAsync();
    }
}
