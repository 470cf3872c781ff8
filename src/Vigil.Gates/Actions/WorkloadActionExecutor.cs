using System.Globalization;
using System.Text.Json;
using k8s;
using k8s.Models;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Vigil.Gates.Actions;

/// <summary>
/// Applies an opt-in action to a running workload, in dry run by default, never in a protected namespace; every action
/// (applied, dry run or refused) is written as a Kubernetes Event on the workload and a log line.
/// </summary>
public sealed class WorkloadActionExecutor(IKubernetes client, IOptions<WorkloadActionOptions> options, TimeProvider timeProvider, ILogger<WorkloadActionExecutor> logger)
{
    /// <summary>Applies <paramref name="action"/> to <paramref name="workload"/> because of <paramref name="reason"/> (the finding ids).</summary>
    public Task<WorkloadActionResult> ExecuteAsync(WorkloadReference workload, WorkloadActionKind action, string reason, CancellationToken cancellationToken) =>
        ExecuteAsync(workload, action, reason, options.Value, cancellationToken);

    /// <summary>
    /// Applies <paramref name="action"/> with <paramref name="settings"/> instead of the configured options (a policy's
    /// own dry-run flag and protected namespaces).
    /// </summary>
    public async Task<WorkloadActionResult> ExecuteAsync(WorkloadReference workload, WorkloadActionKind action, string reason, WorkloadActionOptions settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(workload);
        ArgumentNullException.ThrowIfNull(settings);
        WorkloadActionResult result;
        if (settings.ProtectedNamespaces.Contains(workload.Namespace, StringComparer.Ordinal))
        {
            result = new WorkloadActionResult(false, $"Refused {Describe(action)} of {workload}: namespace {workload.Namespace} is protected.");
            logger.WorkloadActionRefused(workload.ToString(), action.ToString(), result.Message);
            return result;
        }

        if (action == WorkloadActionKind.ScaleToZero && workload.Kind is not ("Deployment" or "StatefulSet"))
        {
            return new WorkloadActionResult(false, $"{workload.Kind} cannot be scaled to zero; only Deployments and StatefulSets can.");
        }

        if (settings.DryRun)
        {
            result = new WorkloadActionResult(false, $"Dry run: would {Describe(action)} {workload} ({reason}).");
        }
        else
        {
            var detail = await ApplyAsync(workload, action, reason, settings, cancellationToken).ConfigureAwait(false);
            result = new WorkloadActionResult(true, $"Vigil {detail} {workload} ({reason}).");
        }

        logger.WorkloadActionTaken(workload.ToString(), action.ToString(), settings.DryRun, result.Message);
        await RecordEventAsync(workload, settings.DryRun ? "VigilActionDryRun" : "VigilAction", result.Message, cancellationToken).ConfigureAwait(false);
        return result;
    }

    private async Task<string> ApplyAsync(WorkloadReference workload, WorkloadActionKind action, string reason, WorkloadActionOptions settings, CancellationToken cancellationToken)
    {
        switch (action)
        {
            case WorkloadActionKind.Annotate:
                await PatchAsync(workload, new { metadata = new { annotations = new Dictionary<string, string> { [settings.AnnotationKey] = reason } } }, cancellationToken).ConfigureAwait(false);
                return "annotated";
            case WorkloadActionKind.Label:
                await PatchAsync(workload, new { metadata = new { labels = new Dictionary<string, string> { [settings.LabelKey] = "true" } } }, cancellationToken).ConfigureAwait(false);
                return "labelled";
            case WorkloadActionKind.ScaleToZero:
                var replicas = await CurrentReplicasAsync(workload, cancellationToken).ConfigureAwait(false);
                await PatchAsync(workload, new
                {
                    metadata = new { annotations = new Dictionary<string, string> { [settings.ScaledFromKey] = replicas.ToString(CultureInfo.InvariantCulture) } },
                    spec = new { replicas = 0 },
                }, cancellationToken).ConfigureAwait(false);
                return $"scaled to zero (from {replicas})";
            case WorkloadActionKind.DeletePods:
                var deleted = await DeletePodsAsync(workload, cancellationToken).ConfigureAwait(false);
                return $"deleted {deleted} pod(s) of";
            default:
                throw new ArgumentOutOfRangeException(nameof(action), action, "Unknown action.");
        }
    }

    private Task PatchAsync(WorkloadReference workload, object body, CancellationToken cancellationToken)
    {
        var patch = new V1Patch(JsonSerializer.Serialize(body), V1Patch.PatchType.MergePatch);
        return workload.Kind switch
        {
            "Deployment" => client.AppsV1.PatchNamespacedDeploymentAsync(patch, workload.Name, workload.Namespace, cancellationToken: cancellationToken),
            "StatefulSet" => client.AppsV1.PatchNamespacedStatefulSetAsync(patch, workload.Name, workload.Namespace, cancellationToken: cancellationToken),
            "DaemonSet" => client.AppsV1.PatchNamespacedDaemonSetAsync(patch, workload.Name, workload.Namespace, cancellationToken: cancellationToken),
            "Pod" => client.CoreV1.PatchNamespacedPodAsync(patch, workload.Name, workload.Namespace, cancellationToken: cancellationToken),
            _ => throw new NotSupportedException($"Workload kind {workload.Kind} is not supported."),
        };
    }

    private async Task<int> CurrentReplicasAsync(WorkloadReference workload, CancellationToken cancellationToken) => workload.Kind switch
    {
        "Deployment" => (await client.AppsV1.ReadNamespacedDeploymentAsync(workload.Name, workload.Namespace, cancellationToken: cancellationToken).ConfigureAwait(false)).Spec.Replicas ?? 1,
        _ => (await client.AppsV1.ReadNamespacedStatefulSetAsync(workload.Name, workload.Namespace, cancellationToken: cancellationToken).ConfigureAwait(false)).Spec.Replicas ?? 1,
    };

    private async Task<int> DeletePodsAsync(WorkloadReference workload, CancellationToken cancellationToken)
    {
        if (workload.Kind == "Pod")
        {
            await client.CoreV1.DeleteNamespacedPodAsync(workload.Name, workload.Namespace, cancellationToken: cancellationToken).ConfigureAwait(false);
            return 1;
        }

        var selector = workload.Kind switch
        {
            "Deployment" => (await client.AppsV1.ReadNamespacedDeploymentAsync(workload.Name, workload.Namespace, cancellationToken: cancellationToken).ConfigureAwait(false)).Spec.Selector,
            "StatefulSet" => (await client.AppsV1.ReadNamespacedStatefulSetAsync(workload.Name, workload.Namespace, cancellationToken: cancellationToken).ConfigureAwait(false)).Spec.Selector,
            "DaemonSet" => (await client.AppsV1.ReadNamespacedDaemonSetAsync(workload.Name, workload.Namespace, cancellationToken: cancellationToken).ConfigureAwait(false)).Spec.Selector,
            _ => throw new NotSupportedException($"Workload kind {workload.Kind} is not supported."),
        };

        // Without matchLabels the selector would match every pod in the namespace: refuse rather than guess.
        if (selector?.MatchLabels is not { Count: > 0 } labels)
        {
            throw new InvalidOperationException($"{workload} has no matchLabels selector; its pods are not deleted.");
        }

        var labelSelector = string.Join(",", labels.Select(l => $"{l.Key}={l.Value}"));
        var pods = await client.CoreV1.ListNamespacedPodAsync(workload.Namespace, labelSelector: labelSelector, cancellationToken: cancellationToken).ConfigureAwait(false);
        foreach (var pod in pods.Items)
        {
            await client.CoreV1.DeleteNamespacedPodAsync(pod.Metadata.Name, workload.Namespace, cancellationToken: cancellationToken).ConfigureAwait(false);
        }

        return pods.Items.Count;
    }

    private async Task RecordEventAsync(WorkloadReference workload, string reason, string message, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow().UtcDateTime;
        var apiVersion = workload.Kind == "Pod" ? "v1" : "apps/v1";
        var record = new Corev1Event
        {
            Metadata = new V1ObjectMeta { GenerateName = "vigil-", NamespaceProperty = workload.Namespace },
            InvolvedObject = new V1ObjectReference { ApiVersion = apiVersion, Kind = workload.Kind, Name = workload.Name, NamespaceProperty = workload.Namespace },
            Reason = reason,
            Message = message.Length > 1024 ? message[..1023] + "…" : message,
            Type = "Warning",
            Source = new V1EventSource { Component = "vigil" },
            ReportingComponent = "vigil",
            FirstTimestamp = now,
            LastTimestamp = now,
            Count = 1,
        };
        await client.CoreV1.CreateNamespacedEventAsync(record, workload.Namespace, cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    private static string Describe(WorkloadActionKind action) => action switch
    {
        WorkloadActionKind.Annotate => "annotate",
        WorkloadActionKind.Label => "label",
        WorkloadActionKind.ScaleToZero => "scale to zero",
        _ => "delete the pods of",
    };
}
