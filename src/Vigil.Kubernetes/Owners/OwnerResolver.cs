using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using k8s;
using k8s.Autorest;
using k8s.Models;
using Microsoft.Extensions.Logging;

namespace Vigil.Kubernetes.Owners;

/// <summary>
/// Walks controller owner references from a pod to its top controller (Pod → ReplicaSet → Deployment, Pod → Job →
/// CronJob, StatefulSet, DaemonSet or any custom resource), reading only metadata, with a cache by owner uid.
/// </summary>
public sealed class OwnerResolver(IKubernetes client, TimeProvider time, ILogger<OwnerResolver> logger)
{
    private const int MaxDepth = 10;
    private static readonly TimeSpan CacheLifetime = TimeSpan.FromMinutes(10);
    private static readonly Dictionary<(string Group, string Kind), string> KnownPlurals = new()
    {
        [("apps", "ReplicaSet")] = "replicasets",
        [("apps", "Deployment")] = "deployments",
        [("apps", "StatefulSet")] = "statefulsets",
        [("apps", "DaemonSet")] = "daemonsets",
        [("batch", "Job")] = "jobs",
        [("batch", "CronJob")] = "cronjobs",
    };

    private readonly ConcurrentDictionary<string, (WorkloadReference Top, DateTimeOffset At)> _cache = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(string Group, string Kind), string> _customPlurals = new();

    /// <summary>Owner lookups that went to the API server (cache misses).</summary>
    public long Lookups => Interlocked.Read(ref _lookups);

    private long _lookups;

    /// <summary>The pod's top controller, or the pod itself when it has no controller.</summary>
    public async Task<WorkloadReference> ResolveAsync(V1Pod pod, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(pod);
        var ns = pod.Metadata.NamespaceProperty ?? "default";
        var owner = Controlling(pod.Metadata.OwnerReferences);
        return owner is null
            ? new WorkloadReference("v1", "Pod", ns, pod.Metadata.Name, pod.Metadata.Uid ?? string.Empty)
            : await ResolveOwnerAsync(ns, owner, 0, cancellationToken);
    }

    private async Task<WorkloadReference> ResolveOwnerAsync(string ns, V1OwnerReference owner, int depth, CancellationToken cancellationToken)
    {
        if (_cache.TryGetValue(owner.Uid, out var cached) && time.GetUtcNow() - cached.At < CacheLifetime)
        {
            return cached.Top;
        }

        var top = new WorkloadReference(owner.ApiVersion, owner.Kind, ns, owner.Name, owner.Uid);
        if (depth < MaxDepth && await ReadOwnerReferencesAsync(top, cancellationToken) is { } references && Controlling(references) is { } next)
        {
            top = await ResolveOwnerAsync(ns, next, depth + 1, cancellationToken);
        }

        _cache[owner.Uid] = (top, time.GetUtcNow());
        return top;
    }

    private async Task<IList<V1OwnerReference>?> ReadOwnerReferencesAsync(WorkloadReference owner, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _lookups);
        var slash = owner.ApiVersion.IndexOf('/', StringComparison.Ordinal);
        var group = slash < 0 ? string.Empty : owner.ApiVersion[..slash];
        var version = owner.ApiVersion[(slash + 1)..];
        try
        {
            if (group.Length == 0)
            {
                // The only core-group controller of pods.
                return owner.Kind == "ReplicationController"
                    ? (await client.CoreV1.ReadNamespacedReplicationControllerAsync(owner.Name, owner.Namespace, cancellationToken: cancellationToken)).Metadata.OwnerReferences
                    : null;
            }

            var plural = await PluralAsync(group, owner.Kind, cancellationToken);
            var obj = await client.CustomObjects.GetNamespacedCustomObjectAsync(group, version, owner.Namespace, plural, owner.Name, cancellationToken);
            var element = obj is JsonElement e ? e : JsonSerializer.SerializeToElement(obj);
            if (!element.TryGetProperty("metadata", out var metadata) || !metadata.TryGetProperty("ownerReferences", out var references))
            {
                return null;
            }

            return KubernetesJson.Deserialize<List<V1OwnerReference>>(references.GetRawText());
        }
        catch (HttpOperationException e) when (e.Response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Forbidden)
        {
            // Gone already, or not readable with our RBAC: this owner is as far as we can see.
            logger.LogDebug("Owner {Owner} not readable ({Status}); using it as the workload", owner, e.Response.StatusCode);
            return null;
        }
    }

    private async Task<string> PluralAsync(string group, string kind, CancellationToken cancellationToken)
    {
        if (KnownPlurals.TryGetValue((group, kind), out var known) || _customPlurals.TryGetValue((group, kind), out known))
        {
            return known;
        }

        try
        {
            var crds = await client.ApiextensionsV1.ListCustomResourceDefinitionAsync(cancellationToken: cancellationToken);
            foreach (var crd in crds.Items)
            {
                _customPlurals[(crd.Spec.Group, crd.Spec.Names.Kind)] = crd.Spec.Names.Plural;
            }
        }
        catch (HttpOperationException e)
        {
            logger.LogDebug("Cannot list CustomResourceDefinitions ({Status}); guessing the plural of {Kind}", e.Response.StatusCode, kind);
        }

        return _customPlurals.GetOrAdd((group, kind), _ => kind.ToLowerInvariant() + "s");
    }

    private static V1OwnerReference? Controlling(IList<V1OwnerReference>? references) =>
        references?.FirstOrDefault(r => r.Controller == true && !string.IsNullOrEmpty(r.Uid));
}
