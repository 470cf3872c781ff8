using k8s;
using Microsoft.Extensions.Logging;
using Vigil.Kubernetes.Metrics;

namespace Vigil.Kubernetes.Controllers;

/// <summary>
/// List, then watch from the list's resource version with bookmarks. A broken or ended stream resumes from the last
/// resource version seen (nothing lost, nothing replayed twice); 410 Gone relists and reconciles the difference.
/// </summary>
public sealed class PodWatcher(
    IKubernetes client,
    VulnerabilityController controller,
    ControllerMetrics metrics,
    string? ns,
    string? labelSelector,
    string? fieldSelector,
    Func<string, bool> inScope,
    TimeSpan watchTimeout,
    TimeSpan reconnectDelay,
    ILogger<PodWatcher> logger)
{
    private CancellationTokenSource? _current;

    /// <summary>How many times the watcher listed (the first list included).</summary>
    public int Lists { get; private set; }

    /// <summary>Whether the first list has been reconciled.</summary>
    public bool Synced { get; private set; }

    /// <summary>Forces a relist now (the resync backstop).</summary>
    public void RequestRelist() => _current?.Cancel();

    /// <summary>Runs until cancelled.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                var resourceVersion = await ListAsync(cancellationToken);
                Synced = true;
                await WatchUntilExpiredAsync(resourceVersion, cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is HttpRequestException or IOException or k8s.Autorest.HttpOperationException or KubernetesException)
            {
                metrics.WatchRestarts.WithLabels("error").Inc();
                logger.LogWarning("Listing pods failed ({Error}); retrying", e.Message);
                await Task.Delay(reconnectDelay, cancellationToken);
            }
        }
    }

    private async Task<string> ListAsync(CancellationToken cancellationToken)
    {
        var list = ns is null
            ? await client.CoreV1.ListPodForAllNamespacesAsync(labelSelector: labelSelector, fieldSelector: fieldSelector, cancellationToken: cancellationToken)
            : await client.CoreV1.ListNamespacedPodAsync(ns, labelSelector: labelSelector, fieldSelector: fieldSelector, cancellationToken: cancellationToken);
        Lists++;
        logger.LogInformation("Listed {Count} pods in {Scope} at resource version {ResourceVersion}", list.Items.Count, ns ?? "all namespaces", list.Metadata.ResourceVersion);
        await controller.ReplaceAllAsync([.. list.Items.Where(p => inScope(p.Metadata.NamespaceProperty))], p => inScope(p.Split('/')[0]) && (ns is null || p.StartsWith(ns + "/", StringComparison.Ordinal)), cancellationToken);
        return list.Metadata.ResourceVersion;
    }

    private async Task WatchUntilExpiredAsync(string resourceVersion, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            using var attempt = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            _current = attempt;
            var expired = false;
            void OnError(Exception e)
            {
                if (e is KubernetesException { Status.Code: 410 })
                {
                    expired = true;
                }
                else
                {
                    logger.LogDebug("Watch error: {Error}", e.Message);
                }
            }

            try
            {
                var events = ns is null
                    ? client.CoreV1.WatchListPodForAllNamespacesAsync(allowWatchBookmarks: true, labelSelector: labelSelector, fieldSelector: fieldSelector, resourceVersion: resourceVersion,
                        timeoutSeconds: (int)watchTimeout.TotalSeconds, onError: OnError, cancellationToken: attempt.Token)
                    : client.CoreV1.WatchListNamespacedPodAsync(ns, allowWatchBookmarks: true, labelSelector: labelSelector, fieldSelector: fieldSelector, resourceVersion: resourceVersion,
                        timeoutSeconds: (int)watchTimeout.TotalSeconds, onError: OnError, cancellationToken: attempt.Token);
                await foreach (var (type, pod) in events)
                {
                    switch (type)
                    {
                        case WatchEventType.Added or WatchEventType.Modified when inScope(pod.Metadata.NamespaceProperty):
                            await controller.UpsertPodAsync(pod, cancellationToken);
                            break;
                        case WatchEventType.Deleted when inScope(pod.Metadata.NamespaceProperty):
                            await controller.DeletePodAsync(pod, cancellationToken);
                            break;
                    }

                    // Bookmarks and events alike move the resume point forward.
                    resourceVersion = pod.Metadata.ResourceVersion ?? resourceVersion;
                }

                metrics.WatchRestarts.WithLabels(expired ? "expired" : "closed").Inc();
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // A relist was requested.
                metrics.WatchRestarts.WithLabels("resync").Inc();
                return;
            }
            catch (Exception e) when (e is HttpRequestException or IOException)
            {
                metrics.WatchRestarts.WithLabels("error").Inc();
                logger.LogInformation("Pod watch broke ({Error}); resuming from resource version {ResourceVersion}", e.Message, resourceVersion);
                await Task.Delay(reconnectDelay, cancellationToken);
            }
            finally
            {
                _current = null;
            }

            if (expired)
            {
                logger.LogInformation("Resource version {ResourceVersion} expired (410 Gone); relisting pods", resourceVersion);
                return;
            }
        }
    }
}
