using System.Text.Json;
using k8s;
using k8s.Autorest;
using k8s.Models;
using Vigil.Testing.FakeKube;

namespace Vigil.Kubernetes.Tests.FakeKube;

/// <summary>The fake API server, driven by the official client, behaves as the real wire protocol says.</summary>
public sealed class FakeKubeApiServerTests : IAsyncLifetime
{
    private FakeKubeApiServer _server = null!;
    private k8s.Kubernetes _client = null!;

    public async Task InitializeAsync()
    {
        _server = await FakeKubeApiServer.StartAsync(new FakeKubeApiServerOptions { BookmarkInterval = TimeSpan.Zero, HistoryCapacity = 50 });
        _client = new k8s.Kubernetes(new KubernetesClientConfiguration { Host = _server.BaseAddress.ToString() });
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task Create_sets_server_fields_and_get_returns_the_object()
    {
        var created = await _client.CoreV1.CreateNamespacedPodAsync(Pod("web-1", ("app", "web")), "shop");

        Assert.False(string.IsNullOrEmpty(created.Metadata.Uid));
        Assert.NotNull(created.Metadata.CreationTimestamp);
        Assert.Equal(1, created.Metadata.Generation);
        Assert.Equal("shop", created.Metadata.NamespaceProperty);
        Assert.Equal("Pending", created.Status.Phase);
        var read = await _client.CoreV1.ReadNamespacedPodAsync("web-1", "shop");
        Assert.Equal(created.Metadata.Uid, read.Metadata.Uid);
        Assert.Equal(created.Metadata.ResourceVersion, read.Metadata.ResourceVersion);
    }

    [Fact]
    public async Task Missing_and_duplicate_objects_answer_with_Status()
    {
        await _client.CoreV1.CreateNamespacedPodAsync(Pod("a"), "ns");

        var duplicate = await Assert.ThrowsAsync<HttpOperationException>(() => _client.CoreV1.CreateNamespacedPodAsync(Pod("a"), "ns"));
        Assert.Equal(System.Net.HttpStatusCode.Conflict, duplicate.Response.StatusCode);
        Assert.Contains("AlreadyExists", duplicate.Response.Content, StringComparison.Ordinal);
        var missing = await Assert.ThrowsAsync<HttpOperationException>(() => _client.CoreV1.ReadNamespacedPodAsync("b", "ns"));
        Assert.Equal(System.Net.HttpStatusCode.NotFound, missing.Response.StatusCode);
        var unknown = await Assert.ThrowsAsync<HttpOperationException>(() => _client.CustomObjects.ListClusterCustomObjectAsync("nope.dev", "v1", "things"));
        Assert.Equal(System.Net.HttpStatusCode.NotFound, unknown.Response.StatusCode);
    }

    [Fact]
    public async Task List_filters_by_namespace_label_and_field_selectors()
    {
        await _client.CoreV1.CreateNamespacedPodAsync(Pod("web-1", ("app", "web"), ("tier", "front")), "shop");
        await _client.CoreV1.CreateNamespacedPodAsync(Pod("db-1", ("app", "db")), "shop");
        await _client.CoreV1.CreateNamespacedPodAsync(Pod("web-2", ("app", "web")), "blog");

        Assert.Equal(3, (await _client.CoreV1.ListPodForAllNamespacesAsync()).Items.Count);
        Assert.Equal(2, (await _client.CoreV1.ListNamespacedPodAsync("shop")).Items.Count);
        Assert.Equal(["web-1", "web-2"], Names(await _client.CoreV1.ListPodForAllNamespacesAsync(labelSelector: "app=web")));
        Assert.Equal(["web-1"], Names(await _client.CoreV1.ListPodForAllNamespacesAsync(labelSelector: "app in (web,db),tier")));
        Assert.Equal(["db-1", "web-2"], Names(await _client.CoreV1.ListPodForAllNamespacesAsync(labelSelector: "!tier")));
        Assert.Equal(["db-1"], Names(await _client.CoreV1.ListPodForAllNamespacesAsync(labelSelector: "app notin (web)")));
        Assert.Equal(["web-2"], Names(await _client.CoreV1.ListPodForAllNamespacesAsync(fieldSelector: "metadata.namespace=blog")));
        Assert.Equal(["db-1", "web-1"], Names(await _client.CoreV1.ListPodForAllNamespacesAsync(fieldSelector: "metadata.namespace!=blog")));
    }

    [Fact]
    public async Task Update_with_a_stale_resourceVersion_is_a_conflict()
    {
        var pod = await _client.CoreV1.CreateNamespacedPodAsync(Pod("a"), "ns");
        pod.Metadata.Labels = new Dictionary<string, string> { ["x"] = "1" };
        var updated = await _client.CoreV1.ReplaceNamespacedPodAsync(pod, "a", "ns");

        pod.Metadata.Labels["x"] = "2";
        var conflict = await Assert.ThrowsAsync<HttpOperationException>(() => _client.CoreV1.ReplaceNamespacedPodAsync(pod, "a", "ns"));

        Assert.Equal(System.Net.HttpStatusCode.Conflict, conflict.Response.StatusCode);
        Assert.NotEqual(pod.Metadata.ResourceVersion, updated.Metadata.ResourceVersion);
    }

    [Fact]
    public async Task Status_subresource_changes_only_status_and_spec_changes_bump_generation()
    {
        var created = await _client.AppsV1.CreateNamespacedDeploymentAsync(Deployment("web", replicas: 1), "shop");
        created.Status = new V1DeploymentStatus { Replicas = 5 };
        created.Spec.Replicas = 9;

        var afterStatus = await _client.AppsV1.ReplaceNamespacedDeploymentStatusAsync(created, "web", "shop");
        Assert.Equal(5, afterStatus.Status.Replicas);
        Assert.Equal(1, afterStatus.Spec.Replicas);
        Assert.Equal(1, afterStatus.Metadata.Generation);

        afterStatus.Spec.Replicas = 3;
        afterStatus.Status.Replicas = 0;
        var afterSpec = await _client.AppsV1.ReplaceNamespacedDeploymentAsync(afterStatus, "web", "shop");
        Assert.Equal(3, afterSpec.Spec.Replicas);
        Assert.Equal(5, afterSpec.Status.Replicas);
        Assert.Equal(2, afterSpec.Metadata.Generation);
    }

    [Fact]
    public async Task Merge_patch_and_json_patch_apply()
    {
        await _client.CoreV1.CreateNamespacedPodAsync(Pod("a", ("app", "web")), "ns");

        var merged = await _client.CoreV1.PatchNamespacedPodAsync(
            new V1Patch("""{"metadata":{"labels":{"app":null,"team":"blue"}}}""", V1Patch.PatchType.MergePatch), "a", "ns");
        Assert.Equal(new Dictionary<string, string> { ["team"] = "blue" }, merged.Metadata.Labels);

        var patched = await _client.CoreV1.PatchNamespacedPodStatusAsync(
            new V1Patch("""[{"op":"add","path":"/status/phase","value":"Running"},{"op":"add","path":"/status/podIP","value":"10.0.0.7"}]""", V1Patch.PatchType.JsonPatch), "a", "ns");
        Assert.Equal("Running", patched.Status.Phase);
        Assert.Equal("10.0.0.7", patched.Status.PodIP);
        Assert.Equal("blue", patched.Metadata.Labels["team"]);
    }

    [Fact]
    public async Task Watch_replays_from_a_resourceVersion_and_streams_changes_in_order()
    {
        var first = await _client.CoreV1.CreateNamespacedPodAsync(Pod("a"), "ns");
        await _client.CoreV1.CreateNamespacedPodAsync(Pod("b"), "ns");
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var events = new List<(WatchEventType, string)>();

        var watching = Task.Run(async () =>
        {
                        await foreach (var (type, pod) in _client.CoreV1.WatchListNamespacedPodAsync("ns", resourceVersion: first.Metadata.ResourceVersion, cancellationToken: cts.Token))
            {
                events.Add((type, pod.Metadata.Name));
                if (events.Count == 3)
                {
                    break;
                }
            }
        });
        await WaitUntilAsync(() => _server.OpenWatches == 1);
        await _client.CoreV1.PatchNamespacedPodAsync(new V1Patch("""{"metadata":{"labels":{"x":"y"}}}""", V1Patch.PatchType.MergePatch), "a", "ns");
        await _client.CoreV1.DeleteNamespacedPodAsync("b", "ns");
        await watching;

        Assert.Equal([(WatchEventType.Added, "b"), (WatchEventType.Modified, "a"), (WatchEventType.Deleted, "b")], events);
    }

    [Fact]
    public async Task Watch_with_a_label_selector_sees_objects_leave_and_enter_the_selection()
    {
        await _client.CoreV1.CreateNamespacedPodAsync(Pod("a", ("app", "web")), "ns");
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var events = new List<WatchEventType>();
        var watching = Task.Run(async () =>
        {
                        await foreach (var (type, _) in _client.CoreV1.WatchListNamespacedPodAsync("ns", labelSelector: "app=web", cancellationToken: cts.Token))
            {
                events.Add(type);
                if (events.Count == 3)
                {
                    break;
                }
            }
        });
        await WaitUntilAsync(() => _server.OpenWatches == 1);
        await _client.CoreV1.PatchNamespacedPodAsync(new V1Patch("""{"metadata":{"labels":{"app":"db"}}}""", V1Patch.PatchType.MergePatch), "a", "ns");
        await _client.CoreV1.PatchNamespacedPodAsync(new V1Patch("""{"metadata":{"labels":{"app":"web"}}}""", V1Patch.PatchType.MergePatch), "a", "ns");
        await watching;

        Assert.Equal([WatchEventType.Added, WatchEventType.Deleted, WatchEventType.Added], events);
    }

    [Fact]
    public async Task Bookmarks_carry_the_current_resourceVersion()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var list = await _client.CoreV1.ListNamespacedPodAsync("ns");
        await _client.CoreV1.CreateNamespacedPodAsync(Pod("other"), "elsewhere");
        string? bookmark = null;
        var watching = Task.Run(async () =>
        {
                        await foreach (var (type, pod) in _client.CoreV1.WatchListNamespacedPodAsync("ns", allowWatchBookmarks: true, resourceVersion: list.Metadata.ResourceVersion, cancellationToken: cts.Token))
            {
                if (type == WatchEventType.Bookmark)
                {
                    bookmark = pod.Metadata.ResourceVersion;
                    break;
                }
            }
        });
        await WaitUntilAsync(() => _server.OpenWatches == 1);
        _server.SendBookmarks();
        await watching;

        Assert.Equal(_server.ResourceVersion.ToString(System.Globalization.CultureInfo.InvariantCulture), bookmark);
    }

    [Fact]
    public async Task Watch_from_a_compacted_resourceVersion_ends_with_410_Expired()
    {
        var list = await _client.CoreV1.ListNamespacedPodAsync("ns");
        await _client.CoreV1.CreateNamespacedPodAsync(Pod("a"), "ns");
        _server.CompactHistory();
        var errors = new List<Exception>();

                await foreach (var _ in _client.CoreV1.WatchListNamespacedPodAsync("ns", resourceVersion: list.Metadata.ResourceVersion, onError: errors.Add))
        {
            Assert.Fail("no event expected before the error");
        }

        var error = Assert.IsType<KubernetesException>(Assert.Single(errors));
        Assert.Equal(410, error.Status.Code);
        Assert.Equal("Expired", error.Status.Reason);
    }

    [Fact]
    public async Task Bounded_history_expires_old_resourceVersions_by_itself()
    {
        var list = await _client.CoreV1.ListNamespacedPodAsync("ns");
        for (var i = 0; i < 60; i++)
        {
            await _client.CoreV1.CreateNamespacedPodAsync(Pod($"p{i}"), "ns");
        }

        var errors = new List<Exception>();
                await foreach (var _ in _client.CoreV1.WatchListNamespacedPodAsync("ns", resourceVersion: list.Metadata.ResourceVersion, onError: errors.Add))
        {
        }

        Assert.Equal(410, Assert.IsType<KubernetesException>(Assert.Single(errors)).Status.Code);
    }

    [Fact]
    public async Task Dropping_watches_breaks_the_stream()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var errors = new List<Exception>();
        var watching = Task.Run(async () =>
        {
            try
            {
                await foreach (var _ in _client.CoreV1.WatchListPodForAllNamespacesAsync(onError: errors.Add, cancellationToken: cts.Token))
                {
                }
            }
            catch (IOException e)
            {
                errors.Add(e);
            }
            catch (HttpRequestException e)
            {
                errors.Add(e);
            }
        });
        await WaitUntilAsync(() => _server.OpenWatches == 1);

        Assert.Equal(1, _server.DropWatches());
        await watching;
        Assert.False(cts.IsCancellationRequested);
        Assert.Equal(0, _server.OpenWatches);
    }

    [Fact]
    public async Task Deleting_an_owner_collects_dependents_and_orphan_keeps_them()
    {
        var deployment = await _client.AppsV1.CreateNamespacedDeploymentAsync(Deployment("web", 1), "shop");
        var replicaSet = await _client.AppsV1.CreateNamespacedReplicaSetAsync(new V1ReplicaSet
        {
            Metadata = new V1ObjectMeta { Name = "web-5d4f", OwnerReferences = [Owner(deployment.Metadata, "apps/v1", "Deployment")] },
            Spec = new V1ReplicaSetSpec { Selector = new V1LabelSelector(), Template = new V1PodTemplateSpec() },
        }, "shop");
        var pod = Pod("web-5d4f-x");
        pod.Metadata.OwnerReferences = [Owner(replicaSet.Metadata, "apps/v1", "ReplicaSet")];
        await _client.CoreV1.CreateNamespacedPodAsync(pod, "shop");
        var kept = Pod("kept");
        kept.Metadata.OwnerReferences = [Owner(replicaSet.Metadata, "apps/v1", "ReplicaSet")];
        await _client.CoreV1.CreateNamespacedPodAsync(kept, "other-owner-ns");

        await _client.AppsV1.DeleteNamespacedDeploymentAsync("web", "shop");

        Assert.Empty((await _client.AppsV1.ListNamespacedReplicaSetAsync("shop")).Items);
        Assert.Empty((await _client.CoreV1.ListNamespacedPodAsync("shop")).Items);

        var job = await _client.BatchV1.CreateNamespacedJobAsync(new V1Job { Metadata = new V1ObjectMeta { Name = "j" }, Spec = new V1JobSpec { Template = new V1PodTemplateSpec() } }, "batch");
        var jobPod = Pod("j-1");
        jobPod.Metadata.OwnerReferences = [Owner(job.Metadata, "batch/v1", "Job")];
        await _client.CoreV1.CreateNamespacedPodAsync(jobPod, "batch");
        await _client.BatchV1.DeleteNamespacedJobAsync("j", "batch", propagationPolicy: "Orphan");
        var orphan = await _client.CoreV1.ReadNamespacedPodAsync("j-1", "batch");
        Assert.Empty(orphan.Metadata.OwnerReferences ?? []);
    }

    [Fact]
    public async Task Finalizers_hold_deletion_until_cleared()
    {
        var pod = Pod("held");
        pod.Metadata.Finalizers = ["vigil.dev/test"];
        await _client.CoreV1.CreateNamespacedPodAsync(pod, "ns");

        await _client.CoreV1.DeleteNamespacedPodAsync("held", "ns");
        var marked = await _client.CoreV1.ReadNamespacedPodAsync("held", "ns");
        Assert.NotNull(marked.Metadata.DeletionTimestamp);

        await _client.CoreV1.PatchNamespacedPodAsync(new V1Patch("""{"metadata":{"finalizers":null}}""", V1Patch.PatchType.MergePatch), "held", "ns");
        Assert.Empty((await _client.CoreV1.ListNamespacedPodAsync("ns")).Items);
    }

    [Fact]
    public async Task A_CustomResourceDefinition_serves_its_resource_with_status_subresource()
    {
        var crd = new V1CustomResourceDefinition
        {
            Metadata = new V1ObjectMeta { Name = "widgets.example.dev" },
            Spec = new V1CustomResourceDefinitionSpec
            {
                Group = "example.dev",
                Scope = "Namespaced",
                Names = new V1CustomResourceDefinitionNames { Plural = "widgets", Kind = "Widget", Singular = "widget", ListKind = "WidgetList" },
                Versions =
                [
                    new V1CustomResourceDefinitionVersion
                    {
                        Name = "v1", Served = true, Storage = true,
                        Schema = new V1CustomResourceValidation { OpenAPIV3Schema = new V1JSONSchemaProps { Type = "object", XKubernetesPreserveUnknownFields = true } },
                        Subresources = new V1CustomResourceSubresources { Status = new object() },
                    },
                ],
            },
        };
        var created = await _client.ApiextensionsV1.CreateCustomResourceDefinitionAsync(crd);
        Assert.Contains(created.Status.Conditions, c => c.Type == "Established" && c.Status == "True");

        var widget = JsonSerializer.SerializeToElement(new { apiVersion = "example.dev/v1", kind = "Widget", metadata = new { name = "w1" }, spec = new { size = 3 }, status = new { ready = true } });
        var stored = (JsonElement)await _client.CustomObjects.CreateNamespacedCustomObjectAsync(widget, "example.dev", "v1", "ns", "widgets");
        Assert.False(stored.GetProperty("status").TryGetProperty("ready", out _));

        var withStatus = JsonSerializer.SerializeToElement(new { apiVersion = "example.dev/v1", kind = "Widget", metadata = new { name = "w1" }, status = new { ready = true } });
        await _client.CustomObjects.ReplaceNamespacedCustomObjectStatusAsync(withStatus, "example.dev", "v1", "ns", "widgets", "w1");
        var read = (JsonElement)await _client.CustomObjects.GetNamespacedCustomObjectAsync("example.dev", "v1", "ns", "widgets", "w1");
        Assert.True(read.GetProperty("status").GetProperty("ready").GetBoolean());
        Assert.Equal(3, read.GetProperty("spec").GetProperty("size").GetInt32());

        await _client.ApiextensionsV1.DeleteCustomResourceDefinitionAsync("widgets.example.dev");
        var gone = await Assert.ThrowsAsync<HttpOperationException>(() => _client.CustomObjects.ListNamespacedCustomObjectAsync("example.dev", "v1", "ns", "widgets"));
        Assert.Equal(System.Net.HttpStatusCode.NotFound, gone.Response.StatusCode);
    }

    [Fact]
    public async Task Requests_are_counted()
    {
        await _client.CoreV1.ListNamespacedPodAsync("ns");
        await _client.CoreV1.ListNamespacedSecretAsync("ns");

        Assert.Equal(1, _server.CountRequests(r => r.Method == "GET" && r.Path == "/api/v1/namespaces/ns/pods"));
        Assert.Equal(2, _server.Requests.Count);
    }

    internal static V1Pod Pod(string name, params (string Key, string Value)[] labels) => new()
    {
        Metadata = new V1ObjectMeta { Name = name, Labels = labels.Length == 0 ? null : labels.ToDictionary(l => l.Key, l => l.Value) },
        Spec = new V1PodSpec { Containers = [new V1Container { Name = "app", Image = "nginx:1.27" }] },
    };

    private static V1Deployment Deployment(string name, int replicas) => new()
    {
        Metadata = new V1ObjectMeta { Name = name },
        Spec = new V1DeploymentSpec { Replicas = replicas, Selector = new V1LabelSelector(), Template = new V1PodTemplateSpec() },
    };

    private static V1OwnerReference Owner(V1ObjectMeta owner, string apiVersion, string kind) =>
        new() { ApiVersion = apiVersion, Kind = kind, Name = owner.Name, Uid = owner.Uid, Controller = true };

    private static List<string> Names(V1PodList list) => [.. list.Items.Select(p => p.Metadata.Name).Order(StringComparer.Ordinal)];

    private async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "condition not reached in time; requests: " + string.Join("; ", _server.Requests) + " faults: " + string.Join("; ", _server.Faults));
            await Task.Delay(20);
        }
    }
}
