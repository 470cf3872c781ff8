using System.Collections.Concurrent;
using System.Net;
using k8s;
using k8s.Autorest;
using k8s.Models;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Vigil.Core;
using Vigil.Kubernetes.Abstractions;
using Vigil.Kubernetes.Entities;
using Vigil.Kubernetes.Metrics;

namespace Vigil.Kubernetes.Controllers;

/// <summary>
/// Writes VulnerabilityReports: creates or updates one in place (never deletes it first), skips writes that change
/// nothing, and raises a Kubernetes Event on the workload when new critical or high findings appear.
/// </summary>
public sealed class ReportPublisher(
    IKubernetes client,
    ControllerMetrics metrics,
    IOptions<VigilControllerOptions> options,
    TimeProvider time,
    ILogger<ReportPublisher> logger,
    IEnumerable<IReportObserver>? observers = null)
{
    private readonly IReportObserver[] _observers = [.. observers ?? []];

    // What was last written per report, as a hash of its JSON: the full text would cost kilobytes per report.
    private readonly ConcurrentDictionary<string, UInt128> _published = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, HashSet<string>> _severeIds = new(StringComparer.Ordinal);

    /// <summary>Creates or updates the report of <paramref name="key"/>.</summary>
    /// <param name="key">Which report.</param>
    /// <param name="stored">The full result of the image.</param>
    /// <param name="annotations">The pod's annotations (filters).</param>
    /// <param name="verify">Read the object even if this process wrote the same content (resync: someone may have changed it).</param>
    /// <param name="cancellationToken">Cancels the writes.</param>
    /// <returns>Whether anything was written.</returns>
    public async Task<bool> PublishAsync(ReportKey key, StoredImageReport stored, PodAnnotations annotations, bool verify, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(stored);
        var findings = ReportSummary.Filter(stored.Findings, annotations);
        var desired = Build(key, stored, findings);
        var name = key.ResourceName;
        var ns = key.Workload.Namespace;
        var fingerprint = Fingerprint(desired);
        if (!verify && _published.TryGetValue($"{ns}/{name}", out var last) && last == fingerprint)
        {
            return false;
        }

        var existing = await ReadAsync(ns, name, cancellationToken);
        var previousSevere = _severeIds.TryGetValue($"{ns}/{name}", out var known)
            ? known
            : existing?.Report.TopFindings.Where(IsSevere).Select(f => f.Id).ToHashSet(StringComparer.Ordinal);
        var written = false;
        if (existing is null)
        {
            desired.Metadata = Metadata(key, name);
            try
            {
                await client.CustomObjects.CreateNamespacedCustomObjectAsync(desired, V1Alpha1VulnerabilityReport.Group, V1Alpha1VulnerabilityReport.Version, ns, V1Alpha1VulnerabilityReport.Plural, cancellationToken: cancellationToken);
                metrics.ReportWrites.WithLabels("create").Inc();
                written = true;
            }
            catch (HttpOperationException e) when (e.Response.StatusCode == HttpStatusCode.Conflict)
            {
                // Created concurrently (another replica before leadership settled): update it instead.
                existing = await ReadAsync(ns, name, cancellationToken);
            }
        }

        if (existing is not null && !written)
        {
            var existingFingerprint = Fingerprint(existing);
            if (existingFingerprint != fingerprint)
            {
                existing.Spec = desired.Spec;
                existing.Report = desired.Report;
                await client.CustomObjects.ReplaceNamespacedCustomObjectAsync(existing, V1Alpha1VulnerabilityReport.Group, V1Alpha1VulnerabilityReport.Version, ns, V1Alpha1VulnerabilityReport.Plural, name, cancellationToken: cancellationToken);
                metrics.ReportWrites.WithLabels("update").Inc();
                written = true;
            }
        }

        _published[$"{ns}/{name}"] = fingerprint;
        var severe = findings.Where(f => f.Severity >= Severity.High).Select(f => f.Id).ToHashSet(StringComparer.Ordinal);
        _severeIds[$"{ns}/{name}"] = severe;
        var added = severe.Where(id => previousSevere is null || !previousSevere.Contains(id)).Order(StringComparer.Ordinal).ToList();
        if (added.Count > 0)
        {
            await RaiseEventAsync(key, findings.Where(f => added.Contains(f.Id)).ToList(), cancellationToken);
        }

        metrics.SetReport(name, ns, key.Workload.Kind, key.Workload.Name, key.Container,
            findings.GroupBy(f => f.Severity).ToDictionary(g => g.Key, g => g.Count()));
        await NotifyAsync(new PublishedReport(key.Workload, key.Container, stored, findings) { Labels = annotations.Labels }, cancellationToken);
        return written;
    }

    private async Task NotifyAsync(PublishedReport report, CancellationToken cancellationToken)
    {
        foreach (var observer in _observers)
        {
            try
            {
                await observer.ReportPublishedAsync(report, cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Report observer {Observer} failed for {Workload}", observer.GetType().Name, report.Workload);
            }
        }
    }

    /// <summary>Deletes a report that was replaced (its workload now runs another image in that container).</summary>
    public async Task DeleteAsync(ReportKey key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        var name = key.ResourceName;
        var ns = key.Workload.Namespace;
        try
        {
            await client.CustomObjects.DeleteNamespacedCustomObjectAsync(V1Alpha1VulnerabilityReport.Group, V1Alpha1VulnerabilityReport.Version, ns, V1Alpha1VulnerabilityReport.Plural, name, cancellationToken: cancellationToken);
            metrics.ReportWrites.WithLabels("delete").Inc();
        }
        catch (HttpOperationException e) when (e.Response.StatusCode == HttpStatusCode.NotFound)
        {
            // Already gone (garbage-collected with its workload).
        }

        _published.TryRemove($"{ns}/{name}", out _);
        _severeIds.TryRemove($"{ns}/{name}", out _);
        metrics.RemoveReport(name, ns);
    }

    /// <summary>Forgets what was written, so the next publish reads the object again.</summary>
    public void Forget(ReportKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        _published.TryRemove($"{key.Workload.Namespace}/{key.ResourceName}", out _);
    }

    private async Task<V1Alpha1VulnerabilityReport?> ReadAsync(string ns, string name, CancellationToken cancellationToken)
    {
        try
        {
            var obj = await client.CustomObjects.GetNamespacedCustomObjectAsync(V1Alpha1VulnerabilityReport.Group, V1Alpha1VulnerabilityReport.Version, ns, V1Alpha1VulnerabilityReport.Plural, name, cancellationToken);
            return KubernetesJson.Deserialize<V1Alpha1VulnerabilityReport>(KubernetesJson.Serialize(obj));
        }
        catch (HttpOperationException e) when (e.Response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    private V1Alpha1VulnerabilityReport Build(ReportKey key, StoredImageReport stored, IReadOnlyList<Finding> findings)
    {
        var baseUrl = options.Value.ReportBaseUrl;
        return new V1Alpha1VulnerabilityReport
        {
            Spec = new VulnerabilityReportSpec
            {
                Workload = new WorkloadInfo { ApiVersion = key.Workload.ApiVersion, Kind = key.Workload.Kind, Name = key.Workload.Name, Uid = key.Workload.Uid },
                Container = key.Container,
                ContainerType = key.ContainerType,
                Repository = stored.ImageReference.Split('@')[0],
                Digest = key.Image.Digest.ToString(),
                Platform = key.Image.Platform.ToString(),
            },
            Report = new VulnerabilityReportData
            {
                ScannedAt = stored.ScannedAt.UtcDateTime,
                MatchedAt = stored.MatchedAt.UtcDateTime,
                DatabaseVersion = stored.DatabaseVersion,
                ReportUrl = baseUrl is null ? null : new Uri(baseUrl, $"api/v1/images/{Uri.EscapeDataString(key.Image.Digest.ToString())}?platform={Uri.EscapeDataString(key.Image.Platform.ToString())}").ToString(),
                PackageCount = stored.PackageCount,
                Summary = ReportSummary.Count(findings),
                Fixable = ReportSummary.Count(findings.Where(f => f.IsFixable)),
                TopFindings = ReportSummary.Top(findings),
            },
        };
    }

    private static V1ObjectMeta Metadata(ReportKey key, string name) => new()
    {
        Name = name,
        NamespaceProperty = key.Workload.Namespace,
        Labels = new Dictionary<string, string>
        {
            ["app.kubernetes.io/managed-by"] = "vigil",
            ["vigil.dev/workload-kind"] = Label(key.Workload.Kind),
            ["vigil.dev/workload-name"] = Label(key.Workload.Name),
            ["vigil.dev/container"] = Label(key.Container),
            ["vigil.dev/image-digest"] = key.Image.Digest.Hex[..32],
        },
        OwnerReferences =
        [
            new V1OwnerReference
            {
                ApiVersion = key.Workload.ApiVersion,
                Kind = key.Workload.Kind,
                Name = key.Workload.Name,
                Uid = key.Workload.Uid,
                Controller = false,
                BlockOwnerDeletion = false,
            },
        ],
    };

    private async Task RaiseEventAsync(ReportKey key, List<Finding> added, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var critical = added.Count(f => f.Severity == Severity.Critical);
        var ids = string.Join(", ", added.OrderByDescending(f => f.Severity).Take(5).Select(f => $"{f.Id} ({f.Severity.ToLabel()}, {f.Package.Name})"));
        var message = $"{added.Count} new critical/high vulnerabilities ({critical} critical) in container {key.Container} image {key.Image.Digest.Short}: {ids}{(added.Count > 5 ? ", …" : string.Empty)}";
        try
        {
            await client.CoreV1.CreateNamespacedEventAsync(new Corev1Event
            {
                Metadata = new V1ObjectMeta { GenerateName = Label(key.Workload.Name) + ".", NamespaceProperty = key.Workload.Namespace },
                InvolvedObject = new V1ObjectReference
                {
                    ApiVersion = key.Workload.ApiVersion,
                    Kind = key.Workload.Kind,
                    Name = key.Workload.Name,
                    NamespaceProperty = key.Workload.Namespace,
                    Uid = key.Workload.Uid,
                },
                Reason = "VulnerabilitiesFound",
                Message = message.Length > 1024 ? message[..1024] : message,
                Type = "Warning",
                Source = new V1EventSource { Component = "vigil-controller" },
                ReportingComponent = "vigil.dev/controller",
                ReportingInstance = Environment.MachineName,
                FirstTimestamp = now,
                LastTimestamp = now,
                Count = 1,
            }, key.Workload.Namespace, cancellationToken: cancellationToken);
        }
        catch (HttpOperationException e)
        {
            logger.LogWarning("Cannot create an Event on {Workload} ({Status})", key.Workload, e.Response.StatusCode);
        }
    }

    private static UInt128 Fingerprint(V1Alpha1VulnerabilityReport report)
    {
        var hash = System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(KubernetesJson.Serialize(report.Spec) + KubernetesJson.Serialize(report.Report)));
        return System.Buffers.Binary.BinaryPrimitives.ReadUInt128LittleEndian(hash);
    }

    private static bool IsSevere(TopFinding finding) => finding.Severity is "CRITICAL" or "HIGH";

    private static string Label(string value) => value.Length <= 63 ? value : value[..63].TrimEnd('-', '.', '_');
}
