using System.Net;
using k8s;
using k8s.Autorest;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Vigil.Kubernetes.Entities;

namespace Vigil.Gates.Policy;

/// <summary>
/// The policy kept in a cluster-scoped <see cref="V1Alpha1VigilPolicy"/>: lists, then watches from the list's resource
/// version; a dropped stream resumes from the last version seen, 410 Gone lists again. Until the object exists (and after
/// it is deleted) the fallback policy (a file, or the default) is in force; an invalid spec is logged and ignored, keeping
/// the previous policy, so a typo in the cluster never loosens or tightens the gate by accident.
/// </summary>
public sealed class KubernetesPolicySource(
    IKubernetes client,
    GatePolicy fallback,
    IOptions<KubernetesPolicySourceOptions> options,
    ILogger<KubernetesPolicySource> logger) : BackgroundService, IPolicySource
{
    private readonly GatePolicy fallbackPolicy = fallback;
    private volatile GatePolicy current = fallback;
    private volatile string? appliedVersion;

    /// <inheritdoc/>
    public GatePolicy Current => current;

    /// <summary>The resource version of the object whose policy is in force, or null while the fallback is.</summary>
    public string? AppliedResourceVersion => appliedVersion;

    /// <summary>Raised after the policy in force changed.</summary>
    public event EventHandler<GatePolicy>? Changed;

    /// <inheritdoc/>
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        var failures = 0;
        string? lastProblem = null;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var resourceVersion = await ListAsync(settings.Name, stoppingToken).ConfigureAwait(false);
                failures = 0;
                lastProblem = null;
                await WatchUntilExpiredAsync(settings, resourceVersion, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is HttpRequestException or IOException or HttpOperationException or KubernetesException)
            {
                // A missing CRD (404) or missing RBAC (403) lasts until someone installs it: say so once, then retry
                // quietly with a growing pause, so that the log does not fill with the same line every 2 s.
                var problem = Describe(e);
                var delay = RetryDelay(settings, failures++);
                if (problem == lastProblem)
                {
                    logger.PolicyWatchStillFailing(problem, delay);
                }
                else
                {
                    logger.PolicyWatchFailed(problem, delay);
                }

                lastProblem = problem;
                await Task.Delay(delay, stoppingToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>The pause before attempt <paramref name="failures"/> + 1: the reconnect delay, doubled per failure, capped.</summary>
    internal static TimeSpan RetryDelay(KubernetesPolicySourceOptions settings, int failures)
    {
        var delay = settings.ReconnectDelay * Math.Pow(2, Math.Min(failures, 30));
        return delay < settings.MaxReconnectDelay ? delay : settings.MaxReconnectDelay;
    }

    private static string Describe(Exception e) => e switch
    {
        HttpOperationException { Response.StatusCode: HttpStatusCode.NotFound } =>
            $"HTTP 404: the VigilPolicy CRD ({V1Alpha1VigilPolicy.Plural}.{V1Alpha1VigilPolicy.Group}) is not installed; the fallback policy is in force",
        HttpOperationException { Response.StatusCode: HttpStatusCode.Forbidden } =>
            $"HTTP 403: the service account may not list or watch {V1Alpha1VigilPolicy.Plural}.{V1Alpha1VigilPolicy.Group}; the fallback policy is in force",
        HttpOperationException h => $"HTTP {(int)h.Response.StatusCode}",
        _ => e.GetType().Name,
    };

    private async Task<string> ListAsync(string name, CancellationToken cancellationToken)
    {
        var list = await client.CustomObjects.ListClusterCustomObjectAsync<VigilPolicyList>(
            V1Alpha1VigilPolicy.Group, V1Alpha1VigilPolicy.Version, V1Alpha1VigilPolicy.Plural, cancellationToken: cancellationToken).ConfigureAwait(false);
        var resource = list.Items.FirstOrDefault(p => p.Metadata.Name == name);
        if (resource is null)
        {
            Fallback(name);
        }
        else
        {
            Apply(resource);
        }

        return list.Metadata.ResourceVersion;
    }

    private async Task WatchUntilExpiredAsync(KubernetesPolicySourceOptions settings, string resourceVersion, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            var expired = false;
            void OnError(Exception e) => expired |= e is KubernetesException { Status.Code: (int)HttpStatusCode.Gone };

            try
            {
                var events = client.CustomObjects.WatchListClusterCustomObjectAsync(
                    V1Alpha1VigilPolicy.Group, V1Alpha1VigilPolicy.Version, V1Alpha1VigilPolicy.Plural,
                    allowWatchBookmarks: true, resourceVersion: resourceVersion, timeoutSeconds: (int)settings.WatchTimeout.TotalSeconds,
                    onError: OnError, cancellationToken: cancellationToken);
                await foreach (var (type, obj) in events.ConfigureAwait(false))
                {
                    var resource = KubernetesJson.Deserialize<V1Alpha1VigilPolicy>(KubernetesJson.Serialize(obj));
                    resourceVersion = resource.Metadata?.ResourceVersion ?? resourceVersion;
                    if (resource.Metadata?.Name != settings.Name)
                    {
                        continue;
                    }

                    switch (type)
                    {
                        case WatchEventType.Added or WatchEventType.Modified:
                            Apply(resource);
                            break;
                        case WatchEventType.Deleted:
                            Fallback(settings.Name);
                            break;
                    }
                }

                logger.PolicyWatchResumed(expired ? "410 Gone" : "closed", resourceVersion);
            }
            catch (Exception e) when (e is HttpRequestException or IOException)
            {
                logger.PolicyWatchResumed(e.GetType().Name, resourceVersion);
                await Task.Delay(settings.ReconnectDelay, cancellationToken).ConfigureAwait(false);
            }

            if (expired)
            {
                // The history is gone: list again to learn the current state.
                return;
            }
        }
    }

    private void Apply(V1Alpha1VigilPolicy resource)
    {
        var version = resource.Metadata.ResourceVersion;
        if (version is not null && version == appliedVersion)
        {
            return;
        }

        var source = $"VigilPolicy/{resource.Metadata.Name}@{version}";
        var result = resource.ToPolicy();
        if (!result.Success)
        {
            logger.PolicyInvalid(source, string.Join("; ", result.Errors.Select(e => e.Message)));
            return;
        }

        appliedVersion = version;
        Set(result.Policy, source);
    }

    private void Fallback(string name)
    {
        if (appliedVersion is null && ReferenceEquals(current, fallbackPolicy))
        {
            return;
        }

        appliedVersion = null;
        logger.PolicyDeleted($"VigilPolicy/{name}");
        Set(fallbackPolicy, "fallback");
    }

    private void Set(GatePolicy policy, string source)
    {
        current = policy;
        logger.PolicyLoaded(source, policy.Mode.ToString(), policy.MaxSeverity.ToString(), policy.UnknownImage.ToString());
        Changed?.Invoke(this, policy);
    }
}
