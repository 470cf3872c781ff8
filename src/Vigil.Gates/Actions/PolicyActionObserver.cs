using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Vigil.Gates.Policy;
using Vigil.Kubernetes.Abstractions;

namespace Vigil.Gates.Actions;

/// <summary>
/// The controller's policy actions: when a published report violates the policy in force (enforce mode, a blocking
/// finding), runs the actions the policy enables, in dry run unless it says <c>dryRun: false</c>, never in its protected
/// namespaces or for workloads the policy exempts (namespace, labels, image). Each violation (workload, action, blocking ids) is acted on once; a new blocking id acts again.
/// </summary>
public sealed class PolicyActionObserver(IPolicySource policies, PolicyEvaluator evaluator, WorkloadActionExecutor executor, ILogger<PolicyActionObserver> logger) : IReportObserver
{
    private static readonly string[] ActionableKinds = ["Deployment", "StatefulSet", "DaemonSet", "Pod"];
    private readonly ConcurrentDictionary<string, bool> done = new(StringComparer.Ordinal);

    /// <inheritdoc/>
    public async Task ReportPublishedAsync(PublishedReport report, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        var policy = policies.Current;
        if (policy.Actions.Enable.Count == 0 || policy.Mode != PolicyMode.Enforce || !ActionableKinds.Contains(report.Workload.Kind, StringComparer.Ordinal))
        {
            return;
        }

        var digest = report.Image.Key.Digest;
        var subject = new PolicySubject(report.Image.ImageReference.Split('@')[0] + "@" + digest) { Digest = digest, Namespace = report.Workload.Namespace, Labels = report.Labels };
        var verdict = evaluator.Evaluate(policy, subject, new Gates.Abstractions.ImageScanResult(digest, report.Findings, report.Image.MatchedAt));
        if (verdict.Decision != VerdictDecision.Denied || verdict.Blocking.Count == 0)
        {
            return;
        }

        var ids = string.Join(", ", verdict.Blocking.Select(b => b.Finding.Id).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal));
        var workload = new WorkloadReference(report.Workload.Kind, report.Workload.Namespace, report.Workload.Name);
        var settings = new WorkloadActionOptions { DryRun = policy.Actions.DryRun, ProtectedNamespaces = [.. policy.Actions.ProtectedNamespaces] };
        foreach (var action in policy.Actions.Enable)
        {
            if (!done.TryAdd($"{workload}|{action}|{settings.DryRun}|{ids}", true))
            {
                continue;
            }

            try
            {
                await executor.ExecuteAsync(workload, action, ids, settings, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // Forget it, so the next publish of this report tries again.
                done.TryRemove($"{workload}|{action}|{settings.DryRun}|{ids}", out _);
                logger.PolicyActionFailed(e, workload.ToString());
            }
        }
    }
}
