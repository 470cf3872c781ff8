using k8s;
using k8s.Models;
using Microsoft.Extensions.Logging;
using Vigil.Kubernetes.Abstractions;
using Vigil.Kubernetes.Controllers;
using Vigil.Kubernetes.Credentials;
using Vigil.Kubernetes.Images;
using Vigil.Kubernetes.Owners;

namespace Vigil.Kubernetes.Cluster;

/// <summary>
/// The one-shot mode: list the running pods once, scan each distinct (digest, platform) once, and summarize per
/// workload container. Writes nothing to the cluster.
/// </summary>
public sealed class ClusterScanner(
    IKubernetes client,
    IImageScanner scanner,
    OwnerResolver owners,
    NodePlatformResolver nodes,
    PullSecretResolver secrets,
    ILogger<ClusterScanner> logger)
{
    /// <summary>Scans the cluster; rows are sorted by namespace, workload and container.</summary>
    public async Task<IReadOnlyList<ClusterScanRow>> ScanAsync(ClusterScanOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var pods = new List<V1Pod>();
        if (options.Namespaces.Count == 0)
        {
            pods.AddRange((await client.CoreV1.ListPodForAllNamespacesAsync(cancellationToken: cancellationToken)).Items);
        }
        else
        {
            foreach (var ns in options.Namespaces.Distinct(StringComparer.Ordinal))
            {
                pods.AddRange((await client.CoreV1.ListNamespacedPodAsync(ns, cancellationToken: cancellationToken)).Items);
            }
        }

        var usages = new Dictionary<(string WorkloadUid, string Container, ImageKey Image), (WorkloadReference Workload, string Container, ContainerImage Image, PodAnnotations Annotations, V1Pod Pod)>();
        foreach (var pod in pods.Where(p => p.Status?.Phase is not ("Succeeded" or "Failed") && !string.IsNullOrEmpty(p.Spec?.NodeName)))
        {
            var annotations = PodAnnotations.Parse(pod.Metadata.Annotations);
            if (annotations.Skip)
            {
                continue;
            }

            var statuses = (pod.Status?.ContainerStatuses ?? []).Concat(pod.Status?.InitContainerStatuses ?? []).Concat(pod.Status?.EphemeralContainerStatuses ?? []);
            foreach (var status in statuses)
            {
                if (!ContainerImage.TryParse(status.ImageID, status.Image, out var image))
                {
                    logger.LogInformation("Pod {Namespace}/{Pod} container {Container}: no image digest yet; skipped", pod.Metadata.NamespaceProperty, pod.Metadata.Name, status.Name);
                    continue;
                }

                var workload = await owners.ResolveAsync(pod, cancellationToken);
                var key = new ImageKey(image.Digest, await nodes.ResolveAsync(pod.Spec.NodeName, cancellationToken));
                usages.TryAdd((workload.Uid, status.Name, key), (workload, status.Name, image, annotations, pod));
            }
        }

        var results = new Dictionary<ImageKey, (ImageScanResult? Result, string? Error)>();
        var byImage = usages.GroupBy(u => u.Key.Image).ToList();
        await Parallel.ForEachAsync(byImage, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, options.Concurrency), CancellationToken = cancellationToken }, async (group, ct) =>
        {
            var first = group.First().Value;
            (ImageScanResult?, string?) outcome;
            try
            {
                var pullSecrets = await secrets.ResolveAsync(first.Pod.Metadata.NamespaceProperty, first.Pod.Spec.ImagePullSecrets?.Select(s => s.Name) ?? [], first.Pod.Spec.ServiceAccountName, ct);
                outcome = (await scanner.ScanAsync(new ImageScanRequest(first.Image.Reference, group.Key.Digest, group.Key.Platform, pullSecrets), ct), null);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning("Scan of {Image} failed: {Error}", first.Image.Reference, e.Message);
                outcome = (null, e.Message);
            }

            lock (results)
            {
                results[group.Key] = outcome;
            }
        });

        return [.. usages
            .Select(u =>
            {
                var (result, error) = results[u.Key.Image];
                var findings = result is null ? [] : ReportSummary.Filter(result.Findings, u.Value.Annotations)
                    .Where(f => options.Severities.Count == 0 || options.Severities.Contains(f.Severity)).ToList();
                return new ClusterScanRow(u.Value.Workload, u.Value.Container, u.Value.Image.Reference, ReportSummary.Count(findings), findings.Count(f => f.IsFixable), error);
            })
            .OrderBy(r => r.Workload.Namespace, StringComparer.Ordinal)
            .ThenBy(r => r.Workload.Kind, StringComparer.Ordinal)
            .ThenBy(r => r.Workload.Name, StringComparer.Ordinal)
            .ThenBy(r => r.Container, StringComparer.Ordinal)];
    }
}
