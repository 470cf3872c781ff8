using Cronos;
using k8s;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Vigil.Kubernetes.Metrics;

namespace Vigil.Kubernetes.Controllers;

/// <summary>
/// Runs everything the leader does: pod watchers (one for all namespaces, or one per included namespace), scan workers,
/// the database check loop and the scheduled resync.
/// </summary>
public sealed class ControllerRunner(
    IKubernetes client,
    VulnerabilityController controller,
    ControllerMetrics metrics,
    IOptions<VigilControllerOptions> options,
    TimeProvider time,
    ILoggerFactory loggers)
{
    private readonly ILogger _logger = loggers.CreateLogger<ControllerRunner>();
    private List<PodWatcher> _watchers = [];

    /// <summary>Whether every watcher has listed once.</summary>
    public bool Synced => _watchers.Count > 0 && _watchers.All(w => w.Synced);

    /// <summary>The watchers (for tests and readiness).</summary>
    public IReadOnlyList<PodWatcher> Watchers => _watchers;

    /// <summary>Runs until cancelled.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var excluded = settings.ExcludeNamespaces.ToHashSet(StringComparer.Ordinal);
        bool InScope(string? ns) => ns is not null && !excluded.Contains(ns);
        var watcherLogger = loggers.CreateLogger<PodWatcher>();
        if (settings.IncludeNamespaces.Count == 0)
        {
            // Excluded namespaces are also left out on the server side.
            var fieldSelector = excluded.Count == 0 ? null : string.Join(',', excluded.Order(StringComparer.Ordinal).Select(n => $"metadata.namespace!={n}"));
            _watchers = [new PodWatcher(client, controller, metrics, null, settings.LabelSelector, fieldSelector, InScope, settings.WatchTimeout, settings.ReconnectDelay, watcherLogger)];
        }
        else
        {
            _watchers = [.. settings.IncludeNamespaces.Distinct(StringComparer.Ordinal).Where(InScope)
                .Select(ns => new PodWatcher(client, controller, metrics, ns, settings.LabelSelector, null, InScope, settings.WatchTimeout, settings.ReconnectDelay, watcherLogger))];
        }

        await ExcludeOwnImagesAsync(settings, cancellationToken);
        await controller.CheckDatabaseAsync(cancellationToken);
        var tasks = new List<Task> { controller.RunWorkersAsync(cancellationToken), DatabaseLoopAsync(cancellationToken), ResyncLoopAsync(cancellationToken), ReconcileAfterSyncAsync(cancellationToken) };
        tasks.AddRange(_watchers.Select(w => w.RunAsync(cancellationToken)));
        try
        {
            await Task.WhenAll(tasks);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopped.
        }
    }

    /// <summary>Runs one resync now: relist every watcher and re-verify every report.</summary>
    public async Task ResyncNowAsync(CancellationToken cancellationToken)
    {
        _logger.LogInformation("Full resync");
        foreach (var watcher in _watchers)
        {
            watcher.RequestRelist();
        }

        await controller.ResyncAsync(cancellationToken);
    }

    // The controller's own image is not reported: read our pod (downward API gives its name) and exclude its digests.
    private async Task ExcludeOwnImagesAsync(VigilControllerOptions settings, CancellationToken cancellationToken)
    {
        if (settings.SelfPod?.Split('/') is not [var ns, var name])
        {
            return;
        }

        try
        {
            var self = await client.CoreV1.ReadNamespacedPodAsync(name, ns, cancellationToken: cancellationToken);
            foreach (var status in (self.Status?.ContainerStatuses ?? []).Concat(self.Status?.InitContainerStatuses ?? []))
            {
                if (Images.ContainerImage.TryParse(status.ImageID, status.Image, out var image))
                {
                    settings.ExcludedDigests.Add(image.Digest.ToString());
                }
            }
        }
        catch (k8s.Autorest.HttpOperationException e)
        {
            _logger.LogWarning("Cannot read the controller's own pod {Pod} ({Status}); its image may be reported", settings.SelfPod, e.Response.StatusCode);
        }
    }

    // Once every watcher has listed, workloads the store still lists from an earlier run are known to be gone.
    private async Task ReconcileAfterSyncAsync(CancellationToken cancellationToken)
    {
        while (!Synced)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(100), cancellationToken);
        }

        try
        {
            await controller.ReconcileStoreAsync(cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            _logger.LogWarning(e, "Reconciling the results store failed; the next resync tries again");
        }
    }

    private async Task DatabaseLoopAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(options.Value.DatabaseCheckInterval, time);
        while (await timer.WaitForNextTickAsync(cancellationToken))
        {
            try
            {
                await controller.CheckDatabaseAsync(cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                _logger.LogWarning(e, "Database check failed");
            }
        }
    }

    private async Task ResyncLoopAsync(CancellationToken cancellationToken)
    {
        var schedule = string.IsNullOrWhiteSpace(options.Value.ResyncSchedule) ? null : CronExpression.Parse(options.Value.ResyncSchedule);
        while (!cancellationToken.IsCancellationRequested)
        {
            var now = time.GetUtcNow();
            var next = schedule?.GetNextOccurrence(now.UtcDateTime, inclusive: false) is { } due
                ? new DateTimeOffset(due, TimeSpan.Zero) - now
                : options.Value.ResyncInterval;
            await Task.Delay(next < TimeSpan.Zero ? TimeSpan.Zero : next, time, cancellationToken);
            try
            {
                await ResyncNowAsync(cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                _logger.LogWarning(e, "Resync failed");
            }
        }
    }
}
